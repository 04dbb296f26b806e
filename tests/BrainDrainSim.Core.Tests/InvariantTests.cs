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

    [Fact]
    public void The_calibration_metrics_keep_their_definitions_every_month_of_every_run()
    {
        var sc = TestScenarios.Small(months: 96);
        var e = MonteCarloRunner.Run(sc.Validate(), runs: 6, masterSeed: 3, threads: 2);
        int home = e.MetricIndex(Home), abroad = e.MetricIndex(Abroad), homeNonStudent = e.MetricIndex(HomeNonStudent),
            abroadNonStudent = e.MetricIndex(AbroadNonStudent), emigrations = e.MetricIndex(Emigrations), returns = e.MetricIndex(Returns),
            phdReturns = e.MetricIndex(PhdReturns), net = e.MetricIndex(NetEmigrations), topHome = e.MetricIndex(TopTalentHome),
            topShare = e.MetricIndex(TopTalentHomeShare), usPhd = e.MetricIndex(UsPhdStayRate);
        int usPhdDefined = 0;
        foreach (var run in e.Runs)
        {
            var x = run.Series;
            double netSum = 0, emigrationSum = 0, returnSum = 0;
            for (int t = 0; t < sc.Months; t++)
            {
                Assert.InRange(x[homeNonStudent][t], 0, x[home][t]);
                Assert.InRange(x[abroadNonStudent][t], 0, x[abroad][t]);
                Assert.InRange(x[phdReturns][t], 0, x[returns][t]);
                Assert.Equal(x[emigrations][t] - x[returns][t], x[net][t]);
                netSum += x[net][t];
                emigrationSum += x[emigrations][t];
                returnSum += x[returns][t];
                // Top talent is present throughout, so the share is defined; it is 0 exactly when none is at home.
                Assert.InRange(x[topShare][t], 0, 1);
                Assert.Equal(x[topHome][t] == 0, x[topShare][t] == 0);
                if (t < 60) Assert.True(double.IsNaN(x[usPhd][t]), $"month {t}: no US PhD cohort is five years out yet");
                else if (!double.IsNaN(x[usPhd][t]))
                {
                    Assert.InRange(x[usPhd][t], 0, 1);
                    usPhdDefined++;
                }
            }
            Assert.Equal(emigrationSum - returnSum, netSum);
            Assert.True(x[phdReturns].Sum() > 0, "some PhD holders return");
            Assert.True(x[net].Any(v => v < 0) && x[net].Any(v => v > 0), "net emigrations take both signs at this scale");
        }
        Assert.True(usPhdDefined > 0, "some US PhD cohorts are five years out and not empty");
    }

    /// <summary>
    /// Students in the US who all graduate with a PhD, nobody who emigrates or returns of their own accord, and a
    /// short student stage: the US PhD cohorts are large and their members leave the US only through the work gate.
    /// </summary>
    private static Scenario UsPhdCohorts(double selectionRate, double earlyExitRate) => new()
    {
        Name = "us-phd-cohorts",
        Months = 72,
        Population = new PopulationSpec
        {
            AtHome = 200, AbroadUs = 2_000, AbroadOther = 200,
            AbroadStageShares = new StageValues { Student = 0.5, Early = 0.2, Mid = 0.2, Senior = 0.1 },
        },
        Coefficients = new Coefficients { LambdaOut = 0, LambdaBack = 0 },
        Visa = new VisaSpec { SelectionRate = selectionRate, AdvancedRoundRate = selectionRate, TalentRouteRate = selectionRate, OtherPassRate = selectionRate },
        Careers = new CareerSpec
        {
            AnnualGraduates = 0,
            DurationYears = new StageDurations { Student = 1, Early = 5, Mid = 10 },
            ExitRatePerYear = new StageValues { Student = 0.05, Early = earlyExitRate, Mid = 0.025, Senior = 0.06 },
            GraduationDegrees = new DegreeShares { Bachelor = 0, Master = 0, Phd = 1 },
        },
    };

    [Fact]
    public void A_US_PhD_graduate_who_leaves_the_field_in_the_US_counts_as_staying()
    {
        // Every gate open and no returns: a graduate leaves the US only by leaving the field, which at 50% a year
        // most do within five years. The rate is 1 wherever it is defined; counting those exits as "not in the
        // US" would put it near 0.5^5 = 0.03.
        var sc = UsPhdCohorts(selectionRate: 1, earlyExitRate: 0.5);
        var e = MonteCarloRunner.Run(sc.Validate(), runs: 3, masterSeed: 5, threads: 2);
        int usPhd = e.MetricIndex(UsPhdStayRate), exits = e.MetricIndex(Exits);
        foreach (var run in e.Runs)
        {
            var defined = run.Series[usPhd].Where(v => !double.IsNaN(v)).ToArray();
            Assert.NotEmpty(defined);
            Assert.All(defined, v => Assert.Equal(1.0, v));
            Assert.True(run.Series[exits].Sum() > 500, "many leave the field");
        }
    }

    [Fact]
    public void A_US_PhD_graduate_who_fails_the_work_gate_is_a_PhD_return_and_does_not_stay()
    {
        // Every gate shut and no voluntary returns: every return is the forced return of a new PhD, and every
        // member of a US PhD cohort was sent home the month it graduated.
        var sc = UsPhdCohorts(selectionRate: 0, earlyExitRate: 0.03);
        var e = MonteCarloRunner.Run(sc.Validate(), runs: 3, masterSeed: 5, threads: 2);
        int usPhd = e.MetricIndex(UsPhdStayRate), returns = e.MetricIndex(Returns), forced = e.MetricIndex(ForcedReturns),
            phdReturns = e.MetricIndex(PhdReturns), net = e.MetricIndex(NetEmigrations);
        foreach (var run in e.Runs)
        {
            var x = run.Series;
            Assert.True(x[returns].Sum() > 100, "graduates are sent home");
            Assert.Equal(Bits(x[returns]), Bits(x[phdReturns]));
            Assert.Equal(Bits(x[forced]), Bits(x[phdReturns]));
            Assert.Equal(x[returns].Select(v => -v), x[net]); // nobody emigrates (0 and -0 compare equal)
            var defined = x[usPhd].Where(v => !double.IsNaN(v)).ToArray();
            Assert.NotEmpty(defined);
            Assert.All(defined, v => Assert.Equal(0.0, v));
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
