using BrainDrainSim.MonteCarlo;

namespace BrainDrainSim.Reporting.Comparisons;

/// <summary>One policy against the baseline: every shared metric's paired difference by month, and what it costs per result.</summary>
public sealed class PolicyComparison
{
    public required EnsembleResult Policy { get; init; }

    /// <summary>Differences[m][t]: metric <c>Metrics[m]</c> of <see cref="Comparison"/> in month t.</summary>
    public required IReadOnlyList<IReadOnlyList<PairedStatistics>> Differences { get; init; }

    /// <summary>Researcher-years at home over the horizon (sum of month-end counts / 12), paired.</summary>
    public required PairedStatistics ResearcherYearsHome { get; init; }

    public required IReadOnlyList<CostEffectiveness> CostEffectiveness { get; init; }

    /// <summary>Scenario paths other than levers whose values differ from the baseline's (empty for a pure policy contrast).</summary>
    public required IReadOnlyList<string> NonLeverDifferences { get; init; }

    public string Name => Policy.Scenario.Name;

    /// <summary>The paired difference of a metric at the horizon (the last month).</summary>
    public PairedStatistics AtHorizon(int metric) => Differences[metric][^1];
}
