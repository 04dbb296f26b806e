using BrainDrainSim.Calibration;
using BrainDrainSim.Calibration.Targets;
using BrainDrainSim.Model;
using BrainDrainSim.Reporting.Calibration;
using MathNet.Numerics.Distributions;

namespace BrainDrainSim.Reporting.Tests.Calibration;

/// <summary>
/// The predictive check against figures worked out by hand: when every draw agrees the predictive with observation
/// error is one normal, whose quantiles and tails are known; and predictive.csv's covered column on a constructed
/// outcome agrees with the mixture's distribution function at the observation, computed here independently.
/// </summary>
public class PredictiveCheckTests
{
    private static readonly TargetQuantity AnyQuantity = new() { Metric = MetricCatalog.Abroad, At = new YearMonth(2016, 12) };

    private static CalibrationTarget Observed(double y) =>
        new() { Name = "t", Quantity = AnyQuantity, Observed = y, Sd = 10, Role = TargetRole.Fit, Source = "test" };

    private static CalibrationTarget Bound(double? min, double? max) =>
        new() { Name = "t", Quantity = AnyQuantity, Bound = new TargetBound { Min = min, Max = max }, Sd = 10, Role = TargetRole.Fit, Source = "test" };

    private static readonly double[] AllAt100 = Enumerable.Repeat(100.0, 30).ToArray();

    [Fact]
    public void Draws_that_all_agree_give_the_normal_of_the_observation_error()
    {
        var c = PredictiveCheck.Of(Observed(100), AllAt100);
        // N(100, 10^2): 2.5% and 97.5% at 100 -+ 19.59964.
        Assert.Equal(100 - 19.599639845, c.Lower, 1e-6);
        Assert.Equal(100, c.Median, 1e-6);
        Assert.Equal(100 + 19.599639845, c.Upper, 1e-6);
        Assert.Equal(100, c.Mean);
        Assert.Equal(30, c.DefinedDraws);
        Assert.True(double.IsNaN(c.KeptShare));
    }

    [Theory]
    [InlineData(115, true)]    // inside 80.4 to 119.6
    [InlineData(80.5, true)]
    [InlineData(125, false)]   // above the interval
    [InlineData(79, false)]    // below it
    public void An_observation_is_covered_inside_the_95_percent_interval(double observed, bool covered)
    {
        var c = PredictiveCheck.Of(Observed(observed), AllAt100);
        Assert.Equal(covered, c.Covered);
        Assert.Equal(!covered, c.IsMiss);
    }

    [Theory]
    [InlineData(118.0, null, true, 0.0359)]    // P(X >= 118) = 1 - Phi(1.8) = 3.6%: kept by more than 2.5%
    [InlineData(125.0, null, false, 0.0062)]   // 1 - Phi(2.5) = 0.6%: violated
    [InlineData(null, 81.0, true, 0.0287)]     // P(X <= 81) = Phi(-1.9) = 2.9%
    [InlineData(null, 80.0, false, 0.0228)]    // Phi(-2) = 2.3%: violated
    [InlineData(0.0, 1000.0, true, 1.0)]       // wholly inside
    [InlineData(130.0, 140.0, false, 0.00133)] // Phi(4) - Phi(3)
    public void A_bound_is_covered_when_at_least_2_5_percent_of_the_predictive_keeps_it(double? min, double? max, bool covered, double kept)
    {
        var c = PredictiveCheck.Of(Bound(min, max), AllAt100);
        Assert.Equal(covered, c.Covered);
        Assert.Equal(kept, c.KeptShare, kept * 0.02 + 1e-6);
        // For a one-sided bound this is the limit inside the interval or beyond it on its allowed side.
        if (max is null) Assert.Equal(covered, min <= c.Upper);
        if (min is null) Assert.Equal(covered, max >= c.Lower);
    }

    [Fact]
    public void The_quantiles_are_those_of_the_mixture_over_the_draws()
    {
        // Half the draws at 0, half at 10, sd 1: the lower 2.5% lies in the first component alone, where
        // 0.5 Phi(x) = 0.025 (the second adds Phi(-11.6), nothing): x = Phi^-1(0.05) = -1.644854.
        double[] draws = [0, 10, 0, 10];
        var t = Observed(5) with { Sd = 1 };
        var c = PredictiveCheck.Of(t, draws);
        Assert.Equal(-1.6448536, c.Lower, 1e-6);
        Assert.Equal(11.6448536, c.Upper, 1e-6);
        Assert.Equal(5, c.Median, 1e-6);
        Assert.True(c.Covered); // 5 lies between the two components, inside the interval
    }

    [Fact]
    public void A_target_no_draw_defines_is_not_covered()
    {
        var c = PredictiveCheck.Of(Observed(100), [double.NaN, double.NaN]);
        Assert.False(c.Covered);
        Assert.Equal(0, c.DefinedDraws);
        Assert.Equal(2, c.Draws);
        Assert.True(double.IsNaN(c.Lower));
        // Undefined draws are left out, not counted as values.
        var some = PredictiveCheck.Of(Observed(100), [double.NaN, 100, 100]);
        Assert.Equal(2, some.DefinedDraws);
        Assert.Equal(100, some.Median, 1e-6);
    }

    [Fact]
    public void Predictive_csv_covered_column_agrees_with_a_hand_check_on_a_constructed_outcome()
    {
        // The real run's draws, judged against targets moved where the answer is plain: an observation ten times the
        // run's (outside), a limit no draw comes near (kept), one every draw breaks (violated).
        var real = SmallCalibration.Outcome;
        var moved = SmallCalibration.Targets(t => t.Name switch
        {
            "abroad_2016" => t with { Observed = 10 * t.Observed },
            "emigrations_2015" => t with { Bound = new TargetBound { Max = 1e9 } },
            "returns_2016" => t with { Observed = null, Bound = new TargetBound { Min = 1e9 } },
            _ => t,
        });
        var outcome = new CalibrationOutcome(CalibrationProblem.Create(SmallCalibration.Scenario, moved, [SmallCalibration.KeptPath]), real.State, real.Predictive);
        var rows = CsvText.Records(PredictiveCsv.Format(PredictiveCheck.Of(outcome)));
        Assert.Equal(SmallCalibration.TargetNames, rows.Select(r => r["target"]));
        var byName = rows.ToDictionary(r => r["target"]);
        Assert.Equal("no", byName["abroad_2016"]["covered"]);
        Assert.Equal("yes", byName["emigrations_2015"]["covered"]);
        Assert.Equal("no", byName["returns_2016"]["covered"]);
        Assert.Equal("no", byName["home_2016"]["covered"]);

        // Every row against the mixture's CDF at the observation (or of the bound), by MathNet's normal.
        for (int k = 0; k < moved.Targets.Count; k++)
        {
            var t = moved.Targets[k];
            var s = real.Predictive.Draws.Where(d => d.Summaries.Count > 0).Select(d => d.Summaries[k]).Where(double.IsFinite).ToArray();
            double F(double x) => s.Average(v => Normal.CDF(v, t.Sd!.Value, x));
            bool expected = t.Observed is { } y
                ? F(y) >= 0.025 && F(y) <= 0.975
                : (t.Bound!.Max is { } hi ? F(hi) : 1) - (t.Bound.Min is { } lo ? F(lo) : 0) >= 0.025;
            Assert.Equal(expected ? "yes" : "no", rows[k]["covered"]);
            Assert.Equal(s.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), rows[k]["defined_draws"]);
            Assert.Equal("30", rows[k]["draws"]);
        }
        // The report marks the fit target missed.
        string report = CalibrationReport.Format(outcome, SmallCalibration.Info());
        var line = report.Split('\n').Single(l => l.StartsWith("| `abroad_2016`", StringComparison.Ordinal));
        Assert.Contains("**MISS**", line, StringComparison.Ordinal);
        Assert.Contains("**misses**: `abroad_2016`", report, StringComparison.Ordinal);
    }
}
