using BrainDrainSim.Model;
using BrainDrainSim.MonteCarlo;

namespace BrainDrainSim.Reporting.Comparisons;

/// <summary>
/// Policies against a baseline, replication by replication. Every ensemble must come from the same master
/// seed, number of runs, start and months, so that replication i of each faced the same draws (common
/// random numbers, model.md 3.3.8) and its difference is the policy's effect in that run. Metrics are
/// matched by name; a sector metric that only one scenario has is left out.
/// </summary>
public sealed class Comparison
{
    public required EnsembleResult Baseline { get; init; }
    public required IReadOnlyList<PolicyComparison> Policies { get; init; }

    /// <summary>The metrics compared, in the baseline's order.</summary>
    public required IReadOnlyList<MetricInfo> Metrics { get; init; }

    public int MetricIndex(string name) => MetricCatalog.IndexOf(Metrics, name);

    public static Comparison Build(EnsembleResult baseline, IReadOnlyList<EnsembleResult> policies)
    {
        foreach (var p in policies) CheckPaired(baseline, p);
        var shared = baseline.Metrics.Where(m => policies.All(p => p.MetricIndex(m.Name) >= 0)).ToArray();
        return new Comparison
        {
            Baseline = baseline,
            Metrics = shared,
            Policies = policies.Select(p => Compare(baseline, p, shared)).ToArray(),
        };
    }

    /// <summary>Why two ensembles cannot be paired, or null when they can.</summary>
    public static string? WhyNotPaired(EnsembleResult a, EnsembleResult b)
    {
        if (a.MasterSeed != b.MasterSeed) return $"different seeds ({a.MasterSeed} and {b.MasterSeed})";
        if (a.Runs.Count != b.Runs.Count) return $"different numbers of runs ({a.Runs.Count} and {b.Runs.Count})";
        if (a.Months.Count != b.Months.Count || a.Months[0] != b.Months[0])
            return $"different horizons ({a.Months[0]} + {a.Months.Count} months and {b.Months[0]} + {b.Months.Count} months)";
        for (int i = 0; i < a.Runs.Count; i++)
            if (a.Runs[i].Replication != b.Runs[i].Replication) return "replications in a different order";
        return null;
    }

    private static void CheckPaired(EnsembleResult a, EnsembleResult b)
    {
        if (WhyNotPaired(a, b) is { } why) throw new ArgumentException($"{b.Scenario.Name} cannot be paired with {a.Scenario.Name}: {why}");
    }

    private static PolicyComparison Compare(EnsembleResult baseline, EnsembleResult policy, MetricInfo[] metrics)
    {
        int runs = baseline.Runs.Count, months = baseline.Months.Count;
        var differences = new IReadOnlyList<PairedStatistics>[metrics.Length];
        var b = new double[runs];
        var p = new double[runs];
        for (int m = 0; m < metrics.Length; m++)
        {
            int ib = baseline.MetricIndex(metrics[m].Name), ip = policy.MetricIndex(metrics[m].Name);
            var byMonth = new PairedStatistics[months];
            for (int t = 0; t < months; t++)
            {
                for (int r = 0; r < runs; r++)
                {
                    b[r] = baseline.Runs[r].Series[ib][t];
                    p[r] = policy.Runs[r].Series[ip][t];
                }
                byMonth[t] = PairedStatistics.Of(b, p);
            }
            differences[m] = byMonth;
        }

        int last = months - 1;
        double[] At(EnsembleResult e, string metric, int month) => e.Runs.Select(r => r.Series[e.MetricIndex(metric)][month]).ToArray();
        double[] Years(EnsembleResult e) => e.Runs.Select(r => r.Series[e.MetricIndex(MetricCatalog.Home)].Sum() / 12).ToArray();
        double[] Diff(double[] x, double[] y) => x.Select((v, i) => v - y[i]).ToArray();

        var costB = At(baseline, MetricCatalog.PolicyCostCumulative, last);
        var costP = At(policy, MetricCatalog.PolicyCostCumulative, last);
        var cost = PairedStatistics.Of(costB, costP);
        var extraCost = Diff(costP, costB);
        CostEffectiveness Ratio(string measure, string unit, string description, double[] effB, double[] effP) =>
            new(measure, unit, description, PairedStatistics.Of(effB, effP), cost, RatioEstimate.Fieller(extraCost, Diff(effP, effB)));

        var yearsB = Years(baseline);
        var yearsP = Years(policy);
        return new PolicyComparison
        {
            Policy = policy,
            Differences = differences,
            ResearcherYearsHome = PairedStatistics.Of(yearsB, yearsP),
            CostEffectiveness =
            [
                Ratio(CostEffectiveness.PerResearcherHome, "KRW per researcher",
                    "extra cost per extra researcher at home at the horizon",
                    At(baseline, MetricCatalog.Home, last), At(policy, MetricCatalog.Home, last)),
                Ratio(CostEffectiveness.PerTopTalentHome, "KRW per top-talent researcher",
                    "extra cost per extra top-talent researcher at home at the horizon",
                    At(baseline, MetricCatalog.TopTalentHome, last), At(policy, MetricCatalog.TopTalentHome, last)),
                Ratio(CostEffectiveness.PerResearcherYear, "KRW per researcher-year",
                    "extra cost per extra researcher-year at home over the horizon",
                    yearsB, yearsP),
            ],
            NonLeverDifferences = ScenarioDifferences.NonLever(baseline.Scenario, policy.Scenario),
        };
    }
}
