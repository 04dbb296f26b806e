using BrainDrainSim.Calibration.Targets;
using BrainDrainSim.Model;

namespace BrainDrainSim.Core.Tests.Calibration;

/// <summary>
/// Target quantities and the distance on hand-made series whose every value is known, so that each number below
/// can be checked with pencil and paper.
/// </summary>
public sealed class TargetEvaluationTests
{
    private static readonly YearMonth Start = new(2015, 1);

    /// <summary>A stock, a flow and a ratio metric, as MetricCatalog describes its own.</summary>
    private static readonly MetricInfo[] Metrics =
    [
        new("stock", "persons", MetricKind.Stock, "A stock"),
        new("flow", "persons per month", MetricKind.Flow, "A flow"),
        new("share", "share", MetricKind.Ratio, "A ratio"),
    ];

    /// <summary>Twelve months from 2015-01: stock 100, 101, ..., 111; flow 1, 2, ..., 12; share 0.5 but undefined in 2015-03.</summary>
    private static double[][] Series()
    {
        var stock = Enumerable.Range(0, 12).Select(m => 100.0 + m).ToArray();
        var flow = Enumerable.Range(0, 12).Select(m => m + 1.0).ToArray();
        var share = Enumerable.Repeat(0.5, 12).ToArray();
        share[2] = double.NaN;
        return [stock, flow, share];
    }

    private static ValidatedScenario Year() => new Scenario { Name = "history", Start = Start, Months = 12 }.Validate();

    private static YearMonth M(int month) => new(2015, month);

    private static MonthRange Months(int from, int to) => new() { From = M(from), To = M(to) };

    private static double Of(TargetQuantity q) => q.Evaluate(Series(), Metrics, Start);

    [Fact]
    public void At_takes_the_months_value_counted_from_the_start()
    {
        Assert.Equal(100, Of(new TargetQuantity { Metric = "stock", At = M(1) }));
        Assert.Equal(102, Of(new TargetQuantity { Metric = "stock", At = M(3) }));
        Assert.Equal(111, Of(new TargetQuantity { Metric = "stock", At = M(12) }));
    }

    [Fact]
    public void Sum_adds_every_month_of_the_period_both_ends_included()
    {
        Assert.Equal(78, Of(new TargetQuantity { Metric = "flow", Sum = Months(1, 12) }));
        Assert.Equal(4 + 5 + 6, Of(new TargetQuantity { Metric = "flow", Sum = Months(4, 6) }));
        Assert.Equal(7, Of(new TargetQuantity { Metric = "flow", Sum = Months(7, 7) }));
    }

    [Fact]
    public void Mean_averages_the_months_of_the_period()
    {
        Assert.Equal(5, Of(new TargetQuantity { Metric = "flow", Mean = Months(4, 6) }));
        Assert.Equal(105.5, Of(new TargetQuantity { Metric = "stock", Mean = Months(1, 12) }));
    }

    [Fact]
    public void Ratio_divides_the_first_quantity_by_the_second()
    {
        var ratio = new TargetQuantity
        {
            Ratio = [new TargetQuantity { Metric = "stock", At = M(12) }, new TargetQuantity { Metric = "flow", Sum = Months(1, 12) }],
        };
        Assert.Equal(111.0 / 78.0, Of(ratio));
    }

    [Fact]
    public void An_undefined_month_makes_the_period_undefined_and_is_never_skipped()
    {
        Assert.True(double.IsNaN(Of(new TargetQuantity { Metric = "share", At = M(3) })));
        Assert.True(double.IsNaN(Of(new TargetQuantity { Metric = "share", Mean = Months(1, 6) })));
        Assert.True(double.IsNaN(Of(new TargetQuantity { Metric = "share", Sum = Months(3, 3) })));
        // Outside the undefined month the metric is defined.
        Assert.Equal(0.5, Of(new TargetQuantity { Metric = "share", Mean = Months(4, 12) }));
    }

    [Fact]
    public void A_ratio_over_zero_or_over_an_undefined_quantity_is_undefined()
    {
        var series = Series();
        series[1][0] = 0;
        var overZero = new TargetQuantity { Ratio = [new TargetQuantity { Metric = "stock", At = M(1) }, new TargetQuantity { Metric = "flow", At = M(1) }] };
        Assert.True(double.IsNaN(overZero.Evaluate(series, Metrics, Start)));
        var zeroOverZero = new TargetQuantity { Ratio = [new TargetQuantity { Metric = "flow", At = M(1) }, new TargetQuantity { Metric = "flow", At = M(1) }] };
        Assert.True(double.IsNaN(zeroOverZero.Evaluate(series, Metrics, Start)));
        var overUndefined = new TargetQuantity { Ratio = [new TargetQuantity { Metric = "stock", At = M(1) }, new TargetQuantity { Metric = "share", At = M(3) }] };
        Assert.True(double.IsNaN(Of(overUndefined)));
    }

    [Fact]
    public void A_quantity_outside_the_series_or_of_an_unknown_metric_is_refused()
    {
        Assert.Throws<ArgumentException>(() => Of(new TargetQuantity { Metric = "stock", At = new YearMonth(2016, 1) }));
        Assert.Throws<ArgumentException>(() => Of(new TargetQuantity { Metric = "stock", At = new YearMonth(2014, 12) }));
        Assert.Throws<ArgumentException>(() => Of(new TargetQuantity { Metric = "nothing", At = M(1) }));
        Assert.Throws<ArgumentException>(() => Of(new TargetQuantity { Metric = "flow", Sum = Months(6, 5) }));
        Assert.Throws<ArgumentException>(() => Of(new TargetQuantity { Metric = "flow", At = M(1), Sum = Months(1, 2) }));
    }

    [Fact]
    public void An_observed_figure_gives_the_squared_standardised_gap()
    {
        var target = new CalibrationTarget { Observed = 100, Sd = 4 };
        Assert.Equal(0, target.Term(100));
        Assert.Equal(1, target.Term(104));
        Assert.Equal(1, target.Term(96));
        Assert.Equal(6.25, target.Term(110));
    }

    [Fact]
    public void A_bound_is_zero_inside_and_quadratic_beyond()
    {
        var atLeast = new CalibrationTarget { Bound = new TargetBound { Min = 0 }, Sd = 200 };
        Assert.Equal(0, atLeast.Term(0));
        Assert.Equal(0, atLeast.Term(1e9));
        Assert.Equal(1, atLeast.Term(-200));
        Assert.Equal(4, atLeast.Term(-400));
        var atMost = new CalibrationTarget { Bound = new TargetBound { Max = 1000 }, Sd = 100 };
        Assert.Equal(0, atMost.Term(1000));
        Assert.Equal(0, atMost.Term(-5));
        Assert.Equal(9, atMost.Term(1300));
        var between = new CalibrationTarget { Bound = new TargetBound { Min = 10, Max = 20 }, Sd = 1 };
        Assert.Equal(0, between.Term(15));
        Assert.Equal(4, between.Term(8));
        Assert.Equal(1, between.Term(21));
    }

    [Fact]
    public void An_undefined_summary_gives_an_infinite_term_even_for_a_bound()
    {
        // NaN compares false with everything: a hinge written naively would call it inside the bound.
        Assert.Equal(double.PositiveInfinity, new CalibrationTarget { Bound = new TargetBound { Min = 0 }, Sd = 1 }.Term(double.NaN));
        Assert.Equal(double.PositiveInfinity, new CalibrationTarget { Bound = new TargetBound { Max = 0 }, Sd = 1 }.Term(double.NaN));
        Assert.Equal(double.PositiveInfinity, new CalibrationTarget { Observed = 3, Sd = 1 }.Term(double.NaN));
    }

    /// <summary>
    /// stock at 2015-12 is 111 against 109 +- 2: term 1. The year's flow, 78, against at least 80 on a scale of 1:
    /// term 4. The mean stock, 105.5, against at most 200: term 0. A validate target 5 sd away: reported, not summed.
    /// Distance sqrt(1 + 4 + 0) = sqrt(5).
    /// </summary>
    private static TargetSet HandComputed(bool undefinedFit = false, bool undefinedValidate = false) => new()
    {
        Name = "hand",
        Targets =
        [
            Target("stock_end", new TargetQuantity { Metric = "stock", At = M(12) }, TargetRole.Fit, observed: 109, sd: 2),
            Target("flow_year", new TargetQuantity { Metric = "flow", Sum = Months(1, 12) }, TargetRole.Fit, bound: new TargetBound { Min = 80 }, sd: 1),
            Target("stock_mean", new TargetQuantity { Metric = "stock", Mean = Months(1, 12) }, TargetRole.Fit, bound: new TargetBound { Max = 200 }, sd: 10),
            Target("flow_check", new TargetQuantity { Metric = "flow", Mean = Months(4, 6) }, TargetRole.Validate, observed: 0, sd: 1),
            .. undefinedFit ? [Target("share_fit", new TargetQuantity { Metric = "share", At = M(3) }, TargetRole.Fit, observed: 0.5, sd: 0.1)] : Array.Empty<CalibrationTarget>(),
            .. undefinedValidate ? [Target("share_check", new TargetQuantity { Metric = "share", Mean = Months(1, 12) }, TargetRole.Validate, observed: 0.5, sd: 0.1)] : Array.Empty<CalibrationTarget>(),
        ],
    };

    private static CalibrationTarget Target(string name, TargetQuantity quantity, TargetRole role, double? observed = null, TargetBound? bound = null, double sd = 1) =>
        new() { Name = name, Quantity = quantity, Role = role, Observed = observed, Bound = bound, Sd = sd, Source = "[A] a test" };

    [Fact]
    public void The_distance_sums_the_fit_terms_only()
    {
        var set = TargetValidator.Validate(HandComputed(), Year(), Metrics);
        Assert.Equal(Math.Sqrt(5), set.Distance(Series()), 12);
        var evaluation = set.Evaluate(Series());
        Assert.Equal(Math.Sqrt(5), evaluation.Distance, 12);
        Assert.Equal([111, 78, 105.5, 5], evaluation.Outcomes.Select(o => o.Summary));
        Assert.Equal([1, 4, 0, 25], evaluation.Outcomes.Select(o => o.Term));
        Assert.Empty(evaluation.Undefined);
    }

    [Fact]
    public void K_counts_the_fit_targets_only()
    {
        var set = TargetValidator.Validate(HandComputed(undefinedValidate: true), Year(), Metrics);
        Assert.Equal(3, set.FitCount);
        Assert.Equal(3, set.Evaluate(Series()).FitCount);
        Assert.Equal(1, set.ObservedFitCount);
    }

    [Fact]
    public void An_undefined_fit_target_makes_the_distance_infinite_and_is_named()
    {
        var set = TargetValidator.Validate(HandComputed(undefinedFit: true), Year(), Metrics);
        Assert.Equal(double.PositiveInfinity, set.Distance(Series()));
        var evaluation = set.Evaluate(Series());
        Assert.Equal(double.PositiveInfinity, evaluation.Distance);
        Assert.Equal("share_fit", Assert.Single(evaluation.Undefined).Target.Name);
    }

    [Fact]
    public void An_undefined_validate_target_is_reported_and_leaves_the_distance_alone()
    {
        var set = TargetValidator.Validate(HandComputed(undefinedValidate: true), Year(), Metrics);
        Assert.Equal(Math.Sqrt(5), set.Distance(Series()), 12);
        var evaluation = set.Evaluate(Series());
        Assert.Equal(Math.Sqrt(5), evaluation.Distance, 12);
        var undefined = Assert.Single(evaluation.Undefined);
        Assert.Equal("share_check", undefined.Target.Name);
        Assert.Equal(double.PositiveInfinity, undefined.Term);
    }

    [Fact]
    public void Series_of_other_metrics_or_too_few_months_are_refused()
    {
        var set = TargetValidator.Validate(HandComputed(), Year(), Metrics);
        var series = Series();
        Assert.Throws<ArgumentException>(() => set.Distance(series[..2]));
        series[0] = series[0][..6];
        Assert.Throws<ArgumentException>(() => set.Distance(series));
    }

    [Fact]
    public void The_library_catalog_is_the_default_metric_list()
    {
        var scenario = Year();
        var set = new TargetSet
        {
            Targets = [Target("abroad", new TargetQuantity { Metric = MetricCatalog.Abroad, At = M(12) }, TargetRole.Fit, observed: 11_000, sd: 1_500)],
        };
        var validated = TargetValidator.Validate(set, scenario);
        var metrics = MetricCatalog.For(scenario.Scenario);
        var series = metrics.Select(_ => new double[12]).ToArray();
        series[MetricCatalog.IndexOf(metrics, MetricCatalog.Abroad)][11] = 12_500;
        Assert.Equal(1, validated.Distance(series), 12);
    }
}
