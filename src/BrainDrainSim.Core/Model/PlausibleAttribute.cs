namespace BrainDrainSim.Model;

/// <summary>
/// The range inside which a value of a scenario quantity is believable. Outside it the value is still valid
/// (the hard range is <see cref="BoundsAttribute"/>: the edge cases of docs/model.md 3.3.10 run), but the
/// validator warns, on stderr and in the manifest: a 500% top-up or a million GPUs is more often a slip of the
/// unit than a policy. <see cref="Why"/> says what a value beyond it would mean.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class PlausibleAttribute(double min, double max) : Attribute
{
    /// <summary>The smallest believable value.</summary>
    public double Min { get; } = min;

    /// <summary>The largest believable value.</summary>
    public double Max { get; } = max;

    /// <summary>What the range rests on, or what a value beyond it usually means (shown in the warning).</summary>
    public string? Why { get; init; }

    /// <summary>True when the value lies in [Min, Max].</summary>
    public bool Contains(double v) => v >= Min && v <= Max;
}
