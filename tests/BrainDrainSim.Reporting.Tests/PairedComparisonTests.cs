using BrainDrainSim.Model;
using BrainDrainSim.MonteCarlo;
using Xunit.Abstractions;
using BrainDrainSim.Reporting.Comparisons;

namespace BrainDrainSim.Reporting.Tests;

/// <summary>A scenario against itself: every paired figure is exactly zero and no ratio can be estimated.</summary>
public class SelfComparisonTests
{
    [Fact]
    public void A_scenario_compared_with_itself_differs_by_exactly_zero()
    {
        // The combined package (every lever type but vouchers and visas, and the baseline's uncertainty
        // block) at 1/20 of the national scale; 72 months so that the five-year stay rate is defined in
        // some months and undefined in others.
        var sc = ComparisonScenarios.Load("combined-package.yaml") with { AgentScale = 20, Months = 72 };
        const int runs = 6;
        const ulong seed = 77;
        var a = MonteCarloRunner.Run(sc.Validate(), runs, seed, threads: 2);
        var b = MonteCarloRunner.Run(sc.Validate(), runs, seed, threads: 2);
        var c = Comparison.Build(a, [b]);
        var p = Assert.Single(c.Policies);
        Assert.Empty(p.NonLeverDifferences);
        Assert.Equal(a.Metrics.Select(m => m.Name), c.Metrics.Select(m => m.Name));

        // Every run's difference is exactly zero (bit for bit, NaN where undefined in both).
        for (int r = 0; r < runs; r++)
            for (int m = 0; m < a.Metrics.Count; m++)
                Assert.Equal(Bits(a.Runs[r].Series[m]), Bits(b.Runs[r].Series[m]));

        int defined = 0, undefined = 0;
        for (int m = 0; m < c.Metrics.Count; m++)
            for (int t = 0; t < sc.Months; t++)
            {
                var s = p.Differences[m][t];
                string where = $"{c.Metrics[m].Name} month {t}";
                if (s.N == 0)
                {
                    Assert.Equal(PairedStatistics.StatusNoPairs, s.Status);
                    undefined++;
                    continue;
                }
                defined++;
                // Exactly, not within a tolerance: identical values give d = 0 in every run.
                Assert.True(s.Mean == 0, $"{where}: mean {s.Mean:R}");
                Assert.True(s.N < 2 || s.Sd == 0, $"{where}: sd {s.Sd:R}");
                Assert.True(s.P05 == 0 && s.P50 == 0 && s.P95 == 0, $"{where}: percentiles");
                Assert.Equal(0.5, s.ProbPolicyHigher);
                Assert.Equal(s.BaselineMean, s.PolicyMean);
                if (s.N >= 2) Assert.True(s.CiLow == 0 && s.CiHigh == 0, $"{where}: interval");
                Assert.False(s.Excludes0);
            }
        Assert.True(defined > 0 && undefined > 0, $"{defined} defined and {undefined} undefined figures");

        Assert.True(p.ResearcherYearsHome.Mean == 0 && p.ResearcherYearsHome.Sd == 0);
        Assert.Equal(3, p.CostEffectiveness.Count);
        foreach (var ce in p.CostEffectiveness)
        {
            Assert.True(ce.Effect.Mean == 0 && ce.Cost.Mean == 0, ce.Measure);
            Assert.True(ce.Cost.BaselineMean > 0, "the package costs something");
            Assert.Equal(RatioEstimate.StatusEffectSpansZero, ce.Ratio.Status);
            Assert.False(ce.Ratio.IsEstimable);
        }
    }

    internal static long[] Bits(double[] values) => values.Select(BitConverter.DoubleToInt64Bits).ToArray();
}

/// <summary>
/// The national gpu-import-10k scenario against the national baseline, 40 runs each, with the baseline also
/// run from a second master seed for the unpaired contrast. Built once for the tests of this class.
/// </summary>
public sealed class GpuImportEnsembles
{
    public const int Runs = 40;
    public const ulong SeedA = 20_250_101, SeedB = 31_415_927;

    public Scenario BaselineScenario { get; } = ComparisonScenarios.Load("baseline.yaml");
    public Scenario PolicyScenario { get; } = ComparisonScenarios.Load("gpu-import-10k.yaml");
    public EnsembleResult BaselineA { get; }
    public EnsembleResult PolicyA { get; }
    public EnsembleResult BaselineB { get; }

    public GpuImportEnsembles()
    {
        BaselineA = MonteCarloRunner.Run(BaselineScenario.Validate(), Runs, SeedA, threads: 2);
        PolicyA = MonteCarloRunner.Run(PolicyScenario.Validate(), Runs, SeedA, threads: 2);
        BaselineB = MonteCarloRunner.Run(BaselineScenario.Validate(), Runs, SeedB, threads: 2);
    }
}

public class PairedVarianceTests(GpuImportEnsembles e, ITestOutputHelper output) : IClassFixture<GpuImportEnsembles>
{
    private static double Variance(double[] x)
    {
        double mean = x.Average();
        return x.Sum(v => (v - mean) * (v - mean)) / (x.Length - 1);
    }

    [Fact]
    public void Paired_difference_varies_far_less_than_an_unpaired_one()
    {
        // Both scenarios keep the baseline's uncertainty block as is; the scenarios are national (68,000
        // researchers, 120 months), so the runs are few (40).
        Assert.Empty(ScenarioDifferences.NonLever(e.BaselineScenario, e.PolicyScenario));
        int hp = e.PolicyA.MetricIndex(MetricCatalog.Home), hb = e.BaselineA.MetricIndex(MetricCatalog.Home);
        var paired = new double[GpuImportEnsembles.Runs];
        var unpaired = new double[GpuImportEnsembles.Runs];
        for (int r = 0; r < paired.Length; r++)
        {
            paired[r] = e.PolicyA.Runs[r].Series[hp][^1] - e.BaselineA.Runs[r].Series[hb][^1];
            unpaired[r] = e.PolicyA.Runs[r].Series[hp][^1] - e.BaselineB.Runs[r].Series[hb][^1];
        }
        double vp = Variance(paired), vu = Variance(unpaired), ratio = vp / vu;
        output.WriteLine($"researchers_home at {e.BaselineA.Months[^1]}, {paired.Length} runs: paired difference mean {paired.Average():F1}, " +
            $"sd {Math.Sqrt(vp):F1}; unpaired (seed {GpuImportEnsembles.SeedA} vs {GpuImportEnsembles.SeedB}) mean {unpaired.Average():F1}, " +
            $"sd {Math.Sqrt(vu):F1}; variance ratio paired / unpaired = {ratio:F5}");

        // The comparison reports the same paired spread.
        var c = Comparison.Build(e.BaselineA, [e.PolicyA]);
        var atHorizon = c.Policies[0].AtHorizon(c.MetricIndex(MetricCatalog.Home));
        Assert.Equal(Math.Sqrt(vp), atHorizon.Sd, 1e-9 * Math.Sqrt(vu));
        Assert.Equal(paired.Average(), atHorizon.Mean, 1e-9 * Math.Abs(unpaired.Average()));

        // Common random numbers (model.md 3.3.8) must remove most of the run-to-run noise, the parameter
        // draws included: 0.2 is the bound asked of the design, not fitted to this run.
        Assert.True(ratio < 0.2, $"variance ratio {ratio}");
    }

    [Fact]
    public void Months_before_the_lever_are_identical_in_every_run()
    {
        // The import arrives in 2026-02; until then the two scenarios are the same model facing the same
        // draws, so every metric of every run must agree bit for bit (NaN included) - the direct check
        // that common random numbers hold.
        var first = new YearMonth(2026, 2);
        int before = first.MonthsSince(e.BaselineA.Scenario.Start);
        Assert.Equal(13, before);
        Assert.Equal(e.BaselineA.Metrics.Select(m => m.Name), e.PolicyA.Metrics.Select(m => m.Name));
        for (int r = 0; r < GpuImportEnsembles.Runs; r++)
        {
            Assert.Equal(e.BaselineA.Runs[r].Parameters, e.PolicyA.Runs[r].Parameters);
            Assert.NotEqual(e.BaselineA.Runs[r].Parameters, e.BaselineB.Runs[r].Parameters);
            for (int m = 0; m < e.BaselineA.Metrics.Count; m++)
            {
                var a = e.BaselineA.Runs[r].Series[m].Take(before).Select(BitConverter.DoubleToInt64Bits);
                var b = e.PolicyA.Runs[r].Series[m].Take(before).Select(BitConverter.DoubleToInt64Bits);
                Assert.True(a.SequenceEqual(b), $"run {r}, {e.BaselineA.Metrics[m].Name} differs before the lever");
            }
            // And the lever does change something from its first month: its purchase is charged.
            int cost = e.PolicyA.MetricIndex(MetricCatalog.PolicyCost);
            Assert.True(e.PolicyA.Runs[r].Series[cost][before] > 0);
        }
    }
}
