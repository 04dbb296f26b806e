using BrainDrainSim.Model;
using BrainDrainSim.MonteCarlo;

namespace BrainDrainSim.Reporting.Comparisons;

/// <summary>The headline figures the table, report and charts all pick out of a comparison, found one way.</summary>
internal static class ComparisonLookups
{
    /// <summary>The paired difference in researchers at home at the horizon.</summary>
    public static PairedStatistics HomeAtHorizon(this Comparison c, PolicyComparison p) => AtHorizon(c, p, MetricCatalog.Home);

    /// <summary>The paired difference of a metric at the horizon, or null if the comparison lacks the metric.</summary>
    public static PairedStatistics? TryAtHorizon(this Comparison c, PolicyComparison p, string metric)
    {
        int m = c.MetricIndex(metric);
        return m < 0 ? null : p.AtHorizon(m);
    }

    public static PairedStatistics AtHorizon(this Comparison c, PolicyComparison p, string metric) =>
        c.TryAtHorizon(p, metric) ?? throw new ArgumentException($"the comparison has no metric '{metric}'", nameof(metric));

    /// <summary>The cost-effectiveness figures for one measure (<see cref="CostEffectiveness.PerResearcherHome"/>, ...).</summary>
    public static CostEffectiveness Measure(this PolicyComparison p, string measure) =>
        p.CostEffectiveness.FirstOrDefault(ce => ce.Measure == measure)
        ?? throw new ArgumentException($"policy {p.Name} has no cost-effectiveness measure '{measure}'", nameof(measure));

    /// <summary>The paired extra cost over the horizon (KRW), the same for every measure.</summary>
    public static PairedStatistics ExtraCost(this PolicyComparison p) => p.Measure(CostEffectiveness.PerResearcherHome).Cost;

    /// <summary>The number of paired runs, the same for every policy.</summary>
    public static int Runs(this Comparison c) => c.Baseline.Runs.Count;
}
