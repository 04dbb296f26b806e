namespace BrainDrainSim.Reporting;

/// <summary>
/// What the manifest records about how a run was made rather than what it computed: inputs, version, clock
/// times and memory. Kept apart from the ensemble so that nothing here can leak into the CSV files, which must
/// be byte-identical whatever the machine, thread count or timing.
/// </summary>
public sealed record RunInfo
{
    /// <summary>The scenario files read, the child first, as given on the command line or resolved through <c>extends:</c>.</summary>
    public IReadOnlyList<string> InputFiles { get; init; } = [];

    /// <summary>A hash of the input files' contents (the caller chooses and names the algorithm, e.g. "sha256:...").</summary>
    public string InputHash { get; init; } = "";

    public string ProgramVersion { get; init; } = "";

    public string CommandLine { get; init; } = "";

    public DateTimeOffset StartedUtc { get; init; }

    /// <summary>Seconds from start until the outputs are written. When <see cref="OutputSeconds"/> is null, <see cref="ResultWriter.WriteAll"/> adds its own time.</summary>
    public double WallSeconds { get; init; }

    /// <summary>Seconds spent writing outputs; null lets <see cref="ResultWriter.WriteAll"/> measure it (the caller cannot know it beforehand).</summary>
    public double? OutputSeconds { get; init; }

    /// <summary>The scenario's warnings (values outside their plausible range), each as file:line:column: key: message.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>Peak working set in bytes; null lets the manifest writer read the process's peak at that moment, after the charts.</summary>
    public long? PeakMemoryBytes { get; init; }
}
