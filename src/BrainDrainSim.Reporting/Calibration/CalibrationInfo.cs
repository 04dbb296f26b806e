using BrainDrainSim.Reporting.Comparisons;

namespace BrainDrainSim.Reporting.Calibration;

/// <summary>
/// What the manifest and report of a calibration record beside its results: how it was run and from which files.
/// Kept apart from the outcome so that nothing here reaches the CSV files or the charts, whose bytes depend on the
/// outcome alone.
/// </summary>
public sealed record CalibrationInfo
{
    public required string ProgramVersion { get; init; }
    public required string CommandLine { get; init; }
    public required DateTimeOffset StartedUtc { get; init; }

    /// <summary>Seconds from the start until the outputs are written (the sampler, the predictive runs and the writing).</summary>
    public required double WallSeconds { get; init; }

    /// <summary>The master seed given on the command line (the sampler's seed is also in its configuration).</summary>
    public required ulong Seed { get; init; }

    public required int Threads { get; init; }

    /// <summary>The scenario's files (the base before the file extending it) and their hash.</summary>
    public required ScenarioInput Scenario { get; init; }

    /// <summary>The targets file, as given on the command line.</summary>
    public required string TargetsFile { get; init; }

    /// <summary>A hash of the targets file's contents, the algorithm named in it (e.g. "sha256:...").</summary>
    public required string TargetsHash { get; init; }

    /// <summary>The scenario's and the targets' warnings, each as file:line:column: key: message.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>The generation of the checkpoint the run was resumed from, or null for a run from the start.</summary>
    public int? ResumedFromGeneration { get; init; }
}
