using BrainDrainSim.Calibration.Targets;
using BrainDrainSim.Model;
using BrainDrainSim.Validation;

namespace BrainDrainSim.Core.Tests.Calibration;

/// <summary>
/// The rules of a target set against its scenario, on sets built in code (the loader's tests hold the same rules
/// placed in a file). The scenario is a history run, 2015-01 for 120 months.
/// </summary>
public sealed class TargetValidatorTests
{
    private static readonly ValidatedScenario History = new Scenario { Name = "history", Start = new YearMonth(2015, 1), Months = 120 }.Validate();

    private static readonly TargetQuantity AbroadAt2024 = new() { Metric = MetricCatalog.Abroad, At = new YearMonth(2024, 12) };

    private static CalibrationTarget Good(string name = "abroad_2024") => new()
    {
        Name = name,
        Quantity = AbroadAt2024,
        Observed = 11_000,
        Sd = 1_500,
        Role = TargetRole.Fit,
        Source = "[S] BOK 2025",
    };

    private static ValidationReport Check(params CalibrationTarget[] targets) =>
        TargetValidator.Check(new TargetSet { Name = "t", Targets = targets }, History);

    private static ScenarioIssue OnlyError(ValidationReport report, string path)
    {
        Assert.False(report.Ok);
        var matching = report.Errors.Where(e => e.Path == path).ToList();
        Assert.True(matching.Count == 1, $"expected one error at {path}, got:\n" + string.Join("\n", report.Errors));
        return matching[0];
    }

    private static TargetQuantity Metric(string metric) => new() { Metric = metric, At = new YearMonth(2020, 6) };

    [Fact]
    public void A_good_set_passes_and_the_library_catalog_names_the_metrics()
    {
        var report = Check(Good());
        Assert.True(report.Ok, string.Join("\n", report.Errors));
        Assert.Empty(report.Warnings);
    }

    [Theory]
    [InlineData("visa.selection_rate", "'visa.selection_rate' is an input of the scenario, set in the scenario file")]
    [InlineData("krw_per_usd", "'krw_per_usd' is an input of the scenario, set in the scenario file")]
    [InlineData("months", "'months' is an input of the scenario, set in the scenario file")]
    [InlineData("levers[0].fee_usd", "'levers[0].fee_usd' is an input of the scenario, set in the scenario file")]
    [InlineData("sectors[1].share", "'sectors[1].share' is an input of the scenario, set in the scenario file")]
    [InlineData("population.home_stage_shares.student", "'population.home_stage_shares.student' is an input of the scenario, set in the scenario file")]
    [InlineData("uncertainty.coefficients.b_gpu", "'uncertainty.coefficients.b_gpu' is an input of the scenario, set in the scenario file")]
    [InlineData("selection_rate", "'selection_rate' is an input of the scenario (visa.selection_rate, timeline[i].selection_rate, levers[i].selection_rate), set in the scenario file")]
    [InlineData("b_wage", "'b_wage' is an input of the scenario (coefficients.b_wage), set in the scenario file")]
    public void A_scenario_input_is_named_as_one_and_refused_as_a_target(string metric, string start)
    {
        var error = OnlyError(Check(Good() with { Quantity = Metric(metric) }), "targets[0].quantity.metric");
        Assert.StartsWith(start + "; it cannot be a target, which compares", error.Message);
    }

    [Theory]
    [InlineData("visa.selection_rat")]
    [InlineData("levers[x].fee_usd")]
    [InlineData("coefficients")]
    public void A_near_miss_of_an_input_is_an_unknown_metric(string metric)
    {
        // "coefficients" is a section of the scenario: still an input, and said so.
        var error = OnlyError(Check(Good() with { Quantity = Metric(metric) }), "targets[0].quantity.metric");
        Assert.Contains(metric == "coefficients" ? "is an input of the scenario" : "is not a metric of scenario 'history'", error.Message);
    }

    [Fact]
    public void An_unknown_metric_gets_the_nearest_metric_or_the_list()
    {
        Assert.Equal("'researchers_abroda' is not a metric of scenario 'history'; did you mean 'researchers_abroad'?",
            OnlyError(Check(Good() with { Quantity = Metric("researchers_abroda") }), "targets[0].quantity.metric").Message);
        Assert.StartsWith("'gdp' is not a metric of scenario 'history'; the metrics are: researchers_home, researchers_abroad, ",
            OnlyError(Check(Good() with { Quantity = Metric("gdp") }), "targets[0].quantity.metric").Message);
    }

    [Fact]
    public void Months_outside_the_run_are_refused_once_per_target_naming_it()
    {
        var before = Good() with { Quantity = AbroadAt2024 with { At = new YearMonth(2014, 12) } };
        Assert.Equal("2014-12 is before the first simulated month 2015-01 (scenario 'history' runs 2015-01 to 2024-12): target 'abroad_2024' lies outside the run",
            OnlyError(Check(before), "targets[0].quantity.at").Message);
        var after = Good() with { Quantity = new TargetQuantity { Metric = MetricCatalog.Emigrations, Sum = new MonthRange { From = new YearMonth(2025, 1), To = new YearMonth(2025, 12) } } };
        var report = Check(after);
        Assert.Equal("2025-01 is after the last simulated month 2024-12 (scenario 'history' runs 2015-01 to 2024-12): target 'abroad_2024' lies outside the run",
            OnlyError(report, "targets[0].quantity.sum.from").Message);
        Assert.Single(report.Errors);
        var ratio = Good() with
        {
            Quantity = new TargetQuantity { Ratio = [AbroadAt2024 with { At = new YearMonth(2030, 1) }, AbroadAt2024 with { At = new YearMonth(2031, 1) }] },
        };
        Assert.Single(Check(ratio).Errors);
    }

    [Fact]
    public void A_period_that_ends_before_it_starts_is_refused()
    {
        var target = Good() with { Quantity = new TargetQuantity { Metric = MetricCatalog.Emigrations, Sum = new MonthRange { From = new YearMonth(2019, 12), To = new YearMonth(2019, 1) } } };
        Assert.Equal("to 2019-01 is before from 2019-12; a period runs from from through to, both included",
            OnlyError(Check(target), "targets[0].quantity.sum.to").Message);
    }

    [Fact]
    public void Uncertainty_is_required_and_above_zero()
    {
        Assert.StartsWith("a target needs sd: the uncertainty of the figure", OnlyError(Check(Good() with { Sd = null }), "targets[0].sd").Message);
        Assert.Equal("sd must be a finite number above 0, not 0: the discrepancy is divided by it", OnlyError(Check(Good() with { Sd = 0 }), "targets[0].sd").Message);
        Assert.Equal("sd must be a finite number above 0, not -3: the discrepancy is divided by it", OnlyError(Check(Good() with { Sd = -3 }), "targets[0].sd").Message);
        Assert.StartsWith("a target needs observed: (the figure) or bound:", OnlyError(Check(Good() with { Observed = null }), "targets[0]").Message);
        var both = Good() with { Bound = new TargetBound { Min = 0 } };
        Assert.StartsWith("give observed: or bound:, not both", OnlyError(Check(both), "targets[0].bound").Message);
        var empty = Good() with { Observed = null, Bound = new TargetBound() };
        Assert.Equal("a bound needs min:, max: or both", OnlyError(Check(empty), "targets[0].bound").Message);
        var crossed = Good() with { Observed = null, Bound = new TargetBound { Min = 10, Max = 5 } };
        Assert.Equal("max 5 is below min 10", OnlyError(Check(crossed), "targets[0].bound.max").Message);
    }

    [Fact]
    public void Names_are_required_usable_and_unique()
    {
        Assert.Equal("the target name 'abroad_2024' is already used by targets[0]; names must be unique",
            OnlyError(Check(Good(), Good("other"), Good()), "targets[2].name").Message);
        Assert.StartsWith("a target needs name:", OnlyError(Check(Good() with { Name = null }), "targets[0].name").Message);
        Assert.StartsWith("'abroad 2024' is not a usable target name", OnlyError(Check(Good("abroad 2024")), "targets[0].name").Message);
    }

    [Fact]
    public void A_role_a_source_and_a_fit_target_are_required()
    {
        Assert.StartsWith("a target needs role: fit", OnlyError(Check(Good() with { Role = null }), "targets[0].role").Message);
        Assert.StartsWith("a target needs source:", OnlyError(Check(Good() with { Source = "  " }), "targets[0].source").Message);
        Assert.Equal("no target has role: fit, so nothing enters the distance; fit at least one (validate targets are only reported)",
            OnlyError(Check(Good() with { Role = TargetRole.Validate }), "targets").Message);
        Assert.StartsWith("a target set needs at least one target", OnlyError(Check(), "targets").Message);
        // A target whose role is missing may have been meant as the fit one: one error, not two.
        Assert.Single(Check(Good() with { Role = null }).Errors);
    }

    [Fact]
    public void A_quantity_takes_exactly_one_form()
    {
        var none = Good() with { Quantity = new TargetQuantity { Metric = MetricCatalog.Abroad } };
        Assert.StartsWith("a quantity needs one of at: (a month), sum: or mean:", OnlyError(Check(none), "targets[0].quantity").Message);
        var two = Good() with { Quantity = AbroadAt2024 with { Mean = new MonthRange { From = new YearMonth(2024, 1), To = new YearMonth(2024, 12) } } };
        Assert.Equal("give one of at, sum or mean, not at and mean", OnlyError(Check(two), "targets[0].quantity").Message);
        var noMetric = Good() with { Quantity = new TargetQuantity { At = new YearMonth(2024, 12) } };
        Assert.StartsWith("a quantity needs metric:", OnlyError(Check(noMetric), "targets[0].quantity.metric").Message);
        Assert.StartsWith("a target needs quantity:", OnlyError(Check(Good() with { Quantity = null }), "targets[0].quantity").Message);
    }

    [Fact]
    public void A_ratio_is_two_plain_quantities_and_nothing_beside()
    {
        var three = Good() with { Quantity = new TargetQuantity { Ratio = [AbroadAt2024, AbroadAt2024, AbroadAt2024] } };
        Assert.Equal("a ratio needs two quantities, the numerator then the denominator, not 3", OnlyError(Check(three), "targets[0].quantity.ratio").Message);
        var nested = Good() with { Quantity = new TargetQuantity { Ratio = [AbroadAt2024, new TargetQuantity { Ratio = [AbroadAt2024, AbroadAt2024] }] } };
        Assert.EndsWith("ratios do not nest", OnlyError(Check(nested), "targets[0].quantity.ratio[1].ratio").Message);
        var beside = Good() with { Quantity = AbroadAt2024 with { Ratio = [AbroadAt2024, AbroadAt2024] } };
        Assert.StartsWith("a ratio is the whole quantity: metric, at cannot stand beside ratio", OnlyError(Check(beside), "targets[0].quantity").Message);
        var good = Good() with { Quantity = new TargetQuantity { Ratio = [AbroadAt2024, AbroadAt2024 with { Metric = MetricCatalog.Home }] } };
        Assert.True(Check(good).Ok);
    }

    [Fact]
    public void A_stock_or_ratio_summed_is_refused_and_a_flow_at_a_month_is_a_warning()
    {
        var year = new MonthRange { From = new YearMonth(2019, 1), To = new YearMonth(2019, 12) };
        var stockSum = Good() with { Quantity = new TargetQuantity { Metric = MetricCatalog.Home, Sum = year } };
        Assert.Equal("researchers_home is a stock, a level at the end of each month (persons): a sum over months counts the level once a month; take it at: a month or average it (mean:)",
            OnlyError(Check(stockSum), "targets[0].quantity.sum").Message);
        var ratioSum = Good() with { Quantity = new TargetQuantity { Metric = MetricCatalog.StudentStayRate, Sum = year } };
        Assert.StartsWith("student_emigrant_five_year_stay_rate is a ratio, a level", OnlyError(Check(ratioSum), "targets[0].quantity.sum").Message);
        var flowAt = Good() with { Quantity = new TargetQuantity { Metric = MetricCatalog.Emigrations, At = new YearMonth(2019, 6) } };
        var report = Check(flowAt);
        Assert.True(report.Ok);
        var warning = Assert.Single(report.Warnings);
        Assert.Equal("targets[0].quantity.at", warning.Path);
        Assert.Equal("emigrations is a flow (persons per month): at: takes the flow of one month; for a year's flow write sum: {from: 2019-01, to: 2019-12} (or mean: for its mean per month)",
            warning.Message);
        var flowMean = Good() with { Quantity = new TargetQuantity { Metric = MetricCatalog.Emigrations, Mean = year } };
        var stockMean = Good() with { Quantity = new TargetQuantity { Metric = MetricCatalog.Home, Mean = year } };
        Assert.True(Check(flowMean, stockMean with { Name = "home" }) is { Ok: true, Warnings.Count: 0 });
    }

    [Fact]
    public void A_period_without_its_months_is_one_error_and_nulls_built_in_code_are_errors()
    {
        var empty = Good() with { Quantity = new TargetQuantity { Metric = MetricCatalog.Emigrations, Sum = new MonthRange() } };
        Assert.Equal("a period needs from: and to:, months as YYYY-MM (both included)", Assert.Single(Check(empty).Errors).Message);
        Assert.Equal("targets[0].quantity.sum", Assert.Single(Check(empty).Errors).Path);
        var noTo = Good() with { Quantity = new TargetQuantity { Metric = MetricCatalog.Emigrations, Sum = new MonthRange { From = new YearMonth(2019, 1) } } };
        Assert.Equal("targets[0].quantity.sum.to", Assert.Single(Check(noTo).Errors).Path);
        Assert.Equal("the target is missing (null)", OnlyError(Check(Good(), null!), "targets[1]").Message);
        var halfRatio = Good() with { Quantity = new TargetQuantity { Ratio = [AbroadAt2024, null!] } };
        Assert.Equal("the quantity is missing (null)", OnlyError(Check(halfRatio), "targets[0].quantity.ratio[1]").Message);
        Assert.Throws<InvalidTargetSetException>(() => TargetValidator.Validate(new TargetSet { Targets = [Good(), null!] }, History));
    }

    [Fact]
    public void An_injected_metric_list_replaces_the_catalog()
    {
        MetricInfo[] metrics = [new("net_made_up", "persons per month", MetricKind.Flow, "A metric only the injected list has")];
        var set = new TargetSet
        {
            Targets = [Good() with { Quantity = new TargetQuantity { Metric = "net_made_up", Sum = new MonthRange { From = new YearMonth(2019, 1), To = new YearMonth(2019, 12) } }, Observed = null, Bound = new TargetBound { Min = 0 }, Sd = 200 }],
        };
        Assert.True(TargetValidator.Check(set, History, metrics).Ok);
        Assert.False(TargetValidator.Check(set, History).Ok);
        var error = Assert.Throws<InvalidTargetSetException>(() => TargetValidator.Validate(set, History));
        Assert.Contains("'net_made_up' is not a metric of scenario 'history'", error.Message);
    }
}
