using BrainDrainSim.Core.Tests;
using BrainDrainSim.Model;
using BrainDrainSim.Model.Levers;
using BrainDrainSim.MonteCarlo;
using Xunit.Abstractions;
using BrainDrainSim.Reporting.Comparisons;

namespace BrainDrainSim.Reporting.Tests;

/// <summary>Fieller's ratio worked by hand, its not-estimable cases, and cost per researcher kept end to end.</summary>
public class CostEffectivenessTests(ITestOutputHelper output)
{
    /// <summary>Relative closeness: |actual - expected| &lt;= tol |expected|.</summary>
    private static void Near(double expected, double actual, double tol, string what)
        => Assert.True(Math.Abs(actual - expected) <= tol * Math.Abs(expected), $"{what}: expected {expected:R}, got {actual:R}");

    [Fact]
    public void Fieller_ratio_and_bounds_match_a_hand_computation()
    {
        // Four replications of (extra cost, extra researchers):
        //   cost a = [20, 34, 26, 28]   mean 27, deviations -7, 7, -1, 1, sum of squares 100
        //   effect b = [4, 6, 5, 5]     mean 5,  deviations -1, 1, 0, 0,  sum of squares 2
        //   cross products (-7)(-1) + 7 * 1 + 0 + 0 = 14
        // Variances of the means (sample variance / n, n = 4):
        //   vaa = 100 / 3 / 4 = 25/3,  vbb = 2 / 3 / 4 = 1/6,  vab = 14 / 3 / 4 = 7/6
        // t = t(0.975, 3) = 3.182446305284263 (table; R qt(0.975, 3)), t^2 = 10.127964486017456.
        // The effect's own interval 5 -+ t sqrt(1/6) = [3.70077, 6.29923] excludes zero: estimable.
        // Ratio of means R = 27 / 5 = 5.4.
        // Fieller: the R with (27 - 5 R)^2 <= t^2 (vaa - 2 R vab + R^2 vbb), i.e.
        //   (5^2 - t^2 vbb) R^2 - 2 (27 * 5 - t^2 vab) R + (27^2 - t^2 vaa) <= 0
        //   qa = 25 - t^2 / 6       = 23.31200591899709
        //   qb = 135 - 7 t^2 / 6    = 123.18404143297963
        //   qc = 729 - 25 t^2 / 3   = 644.6002959498545
        //   qb^2 - qa qc = 147.38214919175516, square root 12.140104990969196
        //   R = (qb -+ 12.140104990969196) / qa = [4.76337972922013, 5.804912151024824]
        // 1e-9 relative: the hand figures carry 15-16 digits; only the last bits of t and of the sums differ.
        Assert.Equal(3.182446305284263, PairedStatistics.TQuantile(4), 1e-12);
        var r = RatioEstimate.Fieller([20, 34, 26, 28], [4, 6, 5, 5]);
        Assert.Equal(RatioEstimate.StatusOk, r.Status);
        Assert.True(r.IsEstimable);
        Near(5.4, r.Estimate, 1e-9, "ratio");
        Near(4.76337972922013, r.CiLow, 1e-9, "lower bound");
        Near(5.804912151024824, r.CiHigh, 1e-9, "upper bound");
    }

    [Fact]
    public void Fieller_leaves_out_pairs_with_an_undefined_value()
    {
        var clean = RatioEstimate.Fieller([20, 34, 26, 28], [4, 6, 5, 5]);
        var padded = RatioEstimate.Fieller([20, double.NaN, 34, 26, 1, 28], [4, 3, 6, 5, double.NaN, 5]);
        Assert.Equal(clean, padded);
    }

    [Fact]
    public void Effect_interval_containing_zero_is_not_estimable()
    {
        // Effect mean 0.5, sd 1.29, interval 0.5 -+ 3.18 * 0.65: contains zero although the mean is positive.
        var r = RatioEstimate.Fieller([10, 10, 12, 8], [2, -1, 1, 0]);
        Assert.Equal(RatioEstimate.StatusEffectSpansZero, r.Status);
        Assert.Equal("not estimable: the effect's 95% interval contains zero", r.Status);
        Assert.False(r.IsEstimable);
        Assert.True(double.IsNaN(r.Estimate) && double.IsNaN(r.CiLow) && double.IsNaN(r.CiHigh));
    }

    [Fact]
    public void Effect_interval_below_zero_is_not_estimable()
    {
        // The policy keeps fewer in every run: effect mean -5, interval -5 -+ 1.30, below zero.
        var r = RatioEstimate.Fieller([20, 34, 26, 28], [-4, -6, -5, -5]);
        Assert.Equal(RatioEstimate.StatusEffectNegative, r.Status);
        Assert.False(r.IsEstimable);
        Assert.True(double.IsNaN(r.Estimate));
    }

    [Fact]
    public void Fewer_than_two_pairs_is_not_estimable()
    {
        Assert.Equal(RatioEstimate.StatusTooFew, RatioEstimate.Fieller([5, double.NaN], [1, 2]).Status);
        Assert.Equal(RatioEstimate.StatusTooFew, RatioEstimate.Fieller([], []).Status);
    }

    [Fact]
    public void Constant_cost_gives_the_interval_of_the_effect_alone()
    {
        // With a cost c that does not vary, vaa = vab = 0 and the quadratic is
        //   (mb^2 - t^2 vbb) R^2 - 2 c mb R + c^2 <= 0, roots c (mb -+ t sqrt vbb) / (mb^2 - t^2 vbb)
        //   = c / (mb +- t sqrt vbb): the cost divided by the ends of the effect's own t interval.
        double c = 1.5e12;
        double[] effect = [40, 55, 47, 61, 52];
        var r = RatioEstimate.Fieller([c, c, c, c, c], effect);
        var e = PairedStatistics.Of(new double[5], effect);
        Assert.Equal(RatioEstimate.StatusOk, r.Status);
        // 1e-9 relative: the same quantities by two routes (Fieller's roots and a division), a few ulps apart.
        Near(c / e.Mean, r.Estimate, 1e-9, "ratio");
        Near(c / e.CiHigh, r.CiLow, 1e-9, "lower bound");
        Near(c / e.CiLow, r.CiHigh, 1e-9, "upper bound");
    }

    [Fact]
    public void Cost_per_researcher_kept_end_to_end_matches_the_runs_series()
    {
        // A salary top-up of 12M KRW a year for everyone at home costs exactly 1M KRW for each researcher
        // at home at the start of each month (model.md 3.3.7), whatever the draws; nobody enters, exits or
        // returns in the closed-form case, so the cost follows from the home stock series alone.
        const int n = 1000, months = 24, runs = 20;
        const ulong seed = 4242;
        var baseline = TestScenarios.ClosedForm(n, months);
        var policy = baseline with
        {
            Name = "closed-form-topup",
            Levers = [new SalaryTopup { At = baseline.Start, AmountKrwPerYear = 12e6 }],
        };
        var eb = MonteCarloRunner.Run(baseline.Validate(), runs, seed, threads: 2);
        var ep = MonteCarloRunner.Run(policy.Validate(), runs, seed, threads: 2);
        var comparison = Comparison.Build(eb, [ep]);
        Assert.Empty(comparison.Policies[0].NonLeverDifferences);

        int home = eb.MetricIndex(MetricCatalog.Home), cum = eb.MetricIndex(MetricCatalog.PolicyCostCumulative);
        int last = months - 1;
        var extraCost = new double[runs];
        var extraHome = new double[runs];
        var extraYears = new double[runs];
        for (int r = 0; r < runs; r++)
        {
            var hp = ep.Runs[r].Series[home];
            double expectedCost = 0;
            for (int t = 0; t < months; t++) expectedCost += (t == 0 ? n : hp[t - 1]) * 1e6;
            // 1e-9 relative: the engine adds (pay + top-up - pay) / 12 per researcher, exact up to rounding of
            // the 60M pay level (a relative 1e-16 per term); nothing else enters.
            Near(expectedCost, ep.Runs[r].Series[cum][last], 1e-9, $"cost of run {r}");
            Assert.Equal(0.0, eb.Runs[r].Series[cum][last]);
            extraCost[r] = ep.Runs[r].Series[cum][last] - eb.Runs[r].Series[cum][last];
            extraHome[r] = hp[last] - eb.Runs[r].Series[home][last];
            extraYears[r] = (hp.Sum() - eb.Runs[r].Series[home].Sum()) / 12;
        }

        var ce = comparison.Policies[0].CostEffectiveness.Single(c => c.Measure == CostEffectiveness.PerResearcherHome);
        output.WriteLine($"extra researchers at home at the horizon: mean {extraHome.Average():F2} (95% CI {ce.Effect.CiLow:F2} to {ce.Effect.CiHigh:F2}); " +
            $"extra cost mean {extraCost.Average():E4} KRW; per researcher kept {ce.Ratio.Estimate:E4} KRW " +
            $"(Fieller {ce.Ratio.CiLow:E4} to {ce.Ratio.CiHigh:E4}, {ce.Ratio.Status})");
        Assert.True(ce.Effect.Excludes0 && ce.Effect.Mean > 0, "a 20% top-up keeps researchers at home");
        Assert.Equal(RatioEstimate.StatusOk, ce.Ratio.Status);
        // 1e-12 relative: the same means of the same numbers, summed in a possibly different order.
        Near(extraCost.Average() / extraHome.Average(), ce.Ratio.Estimate, 1e-12, "KRW per researcher kept");
        Near(extraHome.Average(), ce.Effect.Mean, 1e-12, "effect");
        Near(extraCost.Average(), ce.Cost.Mean, 1e-12, "cost");
        Assert.True(ce.Ratio.CiLow < ce.Ratio.Estimate && ce.Ratio.Estimate < ce.Ratio.CiHigh);

        var years = comparison.Policies[0].CostEffectiveness.Single(c => c.Measure == CostEffectiveness.PerResearcherYear);
        Near(extraCost.Average() / extraYears.Average(), years.Ratio.Estimate, 1e-12, "KRW per researcher-year");
        Near(extraYears.Average(), comparison.Policies[0].ResearcherYearsHome.Mean, 1e-12, "researcher-years");
    }
}
