using BrainDrainSim.Model;
using BrainDrainSim.MonteCarlo;
using static BrainDrainSim.Model.MetricCatalog;

namespace BrainDrainSim.Core.Tests;

/// <summary>The invariants of model.md that hold the engine to the design.</summary>
public class InvariantTests
{
    [Fact]
    public void Conservation_holds_every_month_of_every_run()
    {
        var sc = TestScenarios.Small();
        var e = MonteCarloRunner.Run(sc.Validate(), runs: 6, masterSeed: 3, threads: 2);
        double initial = sc.Population.AtHome + sc.Population.AbroadUs + sc.Population.AbroadOther;
        int home = e.MetricIndex(Home), abroad = e.MetricIndex(Abroad), exited = e.MetricIndex(Exited), entrants = e.MetricIndex(Entrants);
        int us = e.MetricIndex(AbroadUs), other = e.MetricIndex(AbroadOther);
        foreach (var run in e.Runs)
        {
            double entered = 0;
            for (int t = 0; t < sc.Months; t++)
            {
                entered += run.Series[entrants][t];
                Assert.Equal(initial + entered, run.Series[home][t] + run.Series[abroad][t] + run.Series[exited][t]);
                Assert.Equal(run.Series[abroad][t], run.Series[us][t] + run.Series[other][t]);
            }
            Assert.True(entered > 0, "the small scenario has entrants");
        }
    }

    // Months checked, fixed before looking at any result.
    private static readonly int[] CheckedMonths = [5, 23, 59];

    /// <summary>z of the Monte Carlo mean home stock against N (1 - p)^(months elapsed + offset), with the exact binomial standard error.</summary>
    private static double[] ClosedFormZ(int offset)
    {
        const int n = 10_000, runs = 40;
        var sc = TestScenarios.ClosedForm(n, months: 60);
        double p = TestScenarios.ClosedFormHazard(sc);
        var e = MonteCarloRunner.Run(sc.Validate(), runs, masterSeed: 11, threads: 2);
        int home = e.MetricIndex(Home);
        return CheckedMonths.Select(t =>
        {
            double stay = Math.Pow(1 - p, t + 1 + offset); // the value at month index t follows t + 1 steps
            double expected = n * stay;
            double se = Math.Sqrt(n * stay * (1 - stay) / runs);
            double mean = e.Runs.Average(r => r.Series[home][t]);
            return (mean - expected) / se;
        }).ToArray();
    }

    [Fact]
    public void Closed_form_home_stock_within_four_standard_errors()
    {
        // |z| < 4: a false alarm has probability about 6e-5 per month checked.
        foreach (var z in ClosedFormZ(offset: 0)) Assert.InRange(z, -4, 4);
    }

    [Fact]
    public void Closed_form_test_has_power_against_a_one_month_offset()
    {
        // The same comparison with the hazard applied one month too often must fail at the later months.
        var z = ClosedFormZ(offset: 1);
        Assert.True(z.Skip(1).All(v => Math.Abs(v) > 4), $"z = {string.Join(", ", z)}");
    }

    [Fact]
    public void Same_seed_same_bytes_on_one_and_two_threads()
    {
        var sc = TestScenarios.Small(months: 24);
        var one = MonteCarloRunner.Run(sc.Validate(), 5, 9, threads: 1);
        var two = MonteCarloRunner.Run(sc.Validate(), 5, 9, threads: 2);
        for (int r = 0; r < 5; r++)
        {
            Assert.Equal(one.Runs[r].Seed, two.Runs[r].Seed);
            for (int m = 0; m < one.Metrics.Count; m++)
                Assert.Equal(Bits(one.Runs[r].Series[m]), Bits(two.Runs[r].Series[m]));
        }
    }

    [Fact]
    public void A_replication_is_the_same_alone_as_in_an_ensemble_and_different_seeds_differ()
    {
        var sc = TestScenarios.Small(months: 24);
        var ensemble = MonteCarloRunner.Run(sc.Validate(), 4, 9, threads: 2);
        var alone = MonteCarloRunner.RunOne(sc.Validate(), 9, 3);
        for (int m = 0; m < ensemble.Metrics.Count; m++)
            Assert.Equal(Bits(ensemble.Runs[3].Series[m]), Bits(alone.Series[m]));
        var other = MonteCarloRunner.RunOne(sc.Validate(), 10, 3);
        Assert.NotEqual(Bits(alone.Series[0]), Bits(other.Series[0]));
        Assert.NotEqual(Bits(ensemble.Runs[0].Series[0]), Bits(ensemble.Runs[1].Series[0]));
    }

    internal static long[] Bits(double[] values) => values.Select(BitConverter.DoubleToInt64Bits).ToArray();
}
