namespace BrainDrainSim.Model.Levers;

/// <summary>
/// A policy lever. It applies from the start of month <see cref="At"/> through the end of month
/// <see cref="Until"/> (inclusive; null = to the horizon). In YAML the subtype is chosen by <c>type</c>.
/// </summary>
public abstract record Lever
{
    /// <summary>The YAML <c>type</c> name of this lever (gpu_import, salary_topup, ...).</summary>
    public abstract string Type { get; }

    /// <summary>The first month the lever applies (from its start).</summary>
    public YearMonth At { get; init; }
    /// <summary>The last month the lever applies (through its end); left out, to the horizon.</summary>
    public YearMonth? Until { get; init; }

    /// <summary>An optional label used in outputs and reports.</summary>
    public string? Label { get; init; }

    /// <summary>
    /// Whether the lever may give <c>until</c>. A GPU cohort's service life governs how long it lasts, so a
    /// gpu_import takes none (the schema leaves the key out of it, and the validator refuses one).
    /// </summary>
    public virtual bool TakesUntil => true;

    /// <summary>True when the lever applies in <paramref name="month"/>: from <see cref="At"/> through <see cref="Until"/>.</summary>
    public bool IsActive(YearMonth month) => month >= At && (Until is null || month <= Until.Value);
}
