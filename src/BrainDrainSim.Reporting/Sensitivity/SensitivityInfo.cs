using BrainDrainSim.Reporting.Comparisons;

namespace BrainDrainSim.Reporting.Sensitivity;

/// <summary>What the manifest and report of a sensitivity analysis record beside its results: how it was run.</summary>
public sealed record SensitivityInfo
{
    public required string ProgramVersion { get; init; }
    public required string CommandLine { get; init; }
    public required DateTimeOffset StartedUtc { get; init; }
    public required double WallSeconds { get; init; }
    public required ulong Seed { get; init; }
    public required int Threads { get; init; }
    /// <summary>The scenario's input, then the baseline's when there is one.</summary>
    public required IReadOnlyList<ScenarioInput> Inputs { get; init; }
    public IReadOnlyList<string> Warnings { get; init; } = [];
}
