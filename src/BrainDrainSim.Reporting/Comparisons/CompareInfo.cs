namespace BrainDrainSim.Reporting.Comparisons;

/// <summary>
/// What the comparison manifest records about how a comparison was made rather than what it computed: the
/// inputs, version and clock time. Kept apart from <see cref="Comparison"/> (as <see cref="RunInfo"/> is from
/// the ensemble) so that nothing here can reach the CSV files, charts or report, which depend only on the runs.
/// </summary>
public sealed record CompareInfo
{
    public string ProgramVersion { get; init; } = "";

    public string CommandLine { get; init; } = "";

    public DateTimeOffset StartedUtc { get; init; }

    /// <summary>Seconds from start until the outputs are written.</summary>
    public double WallSeconds { get; init; }

    /// <summary>
    /// The scenarios' files, in the comparison's order: the baseline first, then each policy (for a sweep, each
    /// value). A single entry stands for every scenario (a sweep runs one file); an empty list means not recorded.
    /// </summary>
    public IReadOnlyList<ScenarioInput> Inputs { get; init; } = [];

    /// <summary>Every scenario's warnings (values outside their plausible range), each as file:line:column: key: message.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>Set for a sweep: the path and values varied.</summary>
    public SweepInfo? Sweep { get; init; }

    /// <summary>The input of scenario <paramref name="index"/> (0 = baseline), or null when none was recorded.</summary>
    public ScenarioInput? InputOf(int index, int scenarios)
    {
        if (Inputs.Count == 0) return null;
        if (Inputs.Count == 1) return Inputs[0];
        if (Inputs.Count != scenarios)
            throw new ArgumentException($"{Inputs.Count} scenario inputs for {scenarios} scenarios: give one per scenario, baseline first, or a single shared one");
        return Inputs[index];
    }
}
