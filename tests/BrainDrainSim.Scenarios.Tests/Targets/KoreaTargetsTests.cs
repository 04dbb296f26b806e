using System.Text.RegularExpressions;
using BrainDrainSim.Calibration.Targets;
using BrainDrainSim.Model;
using BrainDrainSim.Scenarios.Targets;
using static BrainDrainSim.Scenarios.Tests.Targets.TargetFiles;

namespace BrainDrainSim.Scenarios.Tests.Targets;

/// <summary>
/// scenarios/targets/korea.yaml: it loads against a run that covers 2015-2024, is refused target by target
/// against the library's baseline (from 2025-01), meets the schema, and keeps the file's own conventions.
/// </summary>
public sealed partial class KoreaTargetsTests
{
    /// <summary>The metrics added for the history's targets that korea.yaml names.</summary>
    private static readonly string[] HistoryMetrics =
        ["researchers_home_nonstudent", "researchers_abroad_nonstudent", "phd_returns", "us_phd_five_year_stay_rate", "top_talent_home_share", "net_emigrations"];

    private static TargetLoadResult LoadKorea(ValidatedScenario scenario) => TargetLoader.Load(KoreaPath, scenario, WithHistoryMetrics(scenario));

    [Fact]
    public void Korea_loads_cleanly_against_a_run_from_2015_to_2034()
    {
        var result = LoadKorea(HistoryAndAfter);
        Assert.True(result.Ok, Dump(result));
        Assert.Empty(result.Warnings);
        var set = result.Targets!;
        Assert.Equal("korea", set.Name);
        Assert.Equal(18, set.Targets.Count);
        Assert.Equal(12, set.FitCount);
        Assert.Equal(2, set.ObservedFitCount);
        var covid = set.Targets.Single(t => t.Name == "net_inflow_2020");
        Assert.Equal((TargetRole.Validate, 0.0), (covid.Role!.Value, covid.Bound!.Max!.Value));
        Assert.All(set.Targets.Where(t => t.Name!.StartsWith("net_outflow_", StringComparison.Ordinal)),
            t => Assert.Equal((TargetRole.Fit, 0.0), (t.Role!.Value, t.Bound!.Min!.Value)));
    }

    [Fact]
    public void Korea_loads_against_a_run_of_exactly_2015_to_2024()
    {
        var result = LoadKorea(History);
        Assert.True(result.Ok, Dump(result));
    }

    [Fact]
    public void Against_the_library_baseline_every_target_lies_outside_the_run_and_is_named()
    {
        var result = LoadKorea(Baseline);
        Assert.False(result.Ok);
        Assert.Null(result.Targets);
        var names = Regex.Matches(File.ReadAllText(KoreaPath), @"^  - name: (\S+)$", RegexOptions.Multiline).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(18, names.Count);
        // One error per target, in file order, each placed in the file and naming its target.
        Assert.Equal(names.Count, result.Errors.Count);
        for (int i = 0; i < names.Count; i++)
        {
            var error = result.Errors[i];
            Assert.StartsWith($"targets[{i}].quantity.", error.KeyPath);
            Assert.Matches(@"^20(1[5-9]|2[0-4])-\d\d is before the first simulated month 2025-01 \(scenario 'baseline' runs 2025-01 to 2034-12\): ", error.Message);
            Assert.EndsWith($": target '{names[i]}' lies outside the run", error.Message);
            Assert.Equal(KoreaPath, error.File);
            Assert.True(error.Line > 1 && error.Column > 1, error.ToString());
        }
    }

    [Fact]
    public void Korea_loads_against_the_library_history_run_and_its_metrics_are_of_the_kinds_it_assumes()
    {
        var history = ScenarioLoader.Load(Path.Combine(BrainDrainSim.Testing.RepoPaths.Root, "scenarios", "history", "korea-2015.yaml"));
        Assert.True(history.Ok, string.Join("\n", history.Errors));
        var result = TargetLoader.Load(KoreaPath, history.Validated!);
        Assert.True(result.Ok, Dump(result));
        var catalog = MetricCatalog.For(history.Scenario!);
        MetricKind KindOf(string name) => catalog[MetricCatalog.IndexOf(catalog, name)].Kind;
        foreach (var m in HistoryMetrics.Where(m => m.EndsWith("_rate", StringComparison.Ordinal) || m.EndsWith("_share", StringComparison.Ordinal)))
            Assert.Equal(MetricKind.Ratio, KindOf(m));
        Assert.Equal(MetricKind.Flow, KindOf("net_emigrations"));
        Assert.Equal(MetricKind.Flow, KindOf("phd_returns"));
        Assert.Equal(MetricKind.Stock, KindOf("researchers_home_nonstudent"));
        Assert.Equal(MetricKind.Stock, KindOf("researchers_abroad_nonstudent"));
    }

    [Fact]
    public void Korea_meets_the_schema_and_names_it_on_its_first_line()
    {
        string text = File.ReadAllText(KoreaPath);
        var result = TargetSchemaTests.Evaluate(text);
        Assert.True(result.IsValid, TargetSchemaTests.Describe(result));
        Assert.Equal("# yaml-language-server: $schema=./targets.schema.json", File.ReadLines(KoreaPath).First());
    }

    [Fact]
    public void Every_figure_is_tagged_and_every_sd_says_it_is_an_assumption()
    {
        var set = LoadKorea(HistoryAndAfter).Targets!;
        Assert.All(set.Targets, t => Assert.Matches(@"^\[(S|D|C|A)\] ", t.Source));
        // No source gives an uncertainty: each sd carries its [A] where it is written.
        var sdLines = File.ReadLines(KoreaPath).Where(l => l.TrimStart().StartsWith("sd:", StringComparison.Ordinal)).ToList();
        Assert.Equal(18, sdLines.Count);
        Assert.All(sdLines, l => Assert.Contains("# [A]", l));
    }

    /// <summary>
    /// A made-up history that meets every fit target (stocks on the figures, 50 net emigrants a month, 50 PhD
    /// returns a month) has distance 0; a net inflow of 300 in 2019 then costs (300 / 200)^2, a distance of 1.5.
    /// The stay rates are undefined (NaN) throughout, and so is the US share of a stock abroad left at 0: validate
    /// targets, so reported and not summed.
    /// </summary>
    [Fact]
    public void A_history_that_meets_the_fit_targets_has_distance_zero_and_a_missed_sign_costs_its_hinge()
    {
        var scenario = History;
        var metrics = WithHistoryMetrics(scenario);
        var set = LoadKorea(scenario).Targets!;
        var series = metrics.Select(_ => new double[120]).ToArray();
        double[] Of(string name) => series[MetricCatalog.IndexOf(metrics, name)];
        Array.Fill(Of("researchers_abroad_nonstudent"), 11_000);
        Array.Fill(Of("researchers_home_nonstudent"), 57_000);
        Array.Fill(Of("net_emigrations"), 50);
        Array.Fill(Of("phd_returns"), 50);
        Array.Fill(Of("us_phd_five_year_stay_rate"), double.NaN);
        Assert.Equal(0, set.Distance(series));
        var evaluation = set.Evaluate(series);
        Assert.Equal(0, evaluation.Distance);
        // The stay rates, and the US share of a stock abroad left at 0 (a ratio over 0).
        Assert.Equal(["us_share_of_abroad_2024", "us_phd_stay_2017_2019_cohort", "us_phd_stay_orise_2000s_cohort"],
            evaluation.Undefined.Select(o => o.Target.Name!));
        // The model has no COVID: 2020 is a net outflow like any year, and the validate target says so.
        Assert.Equal(600, evaluation.Outcomes.Single(o => o.Target.Name == "net_inflow_2020").Summary);
        Assert.Equal(9, evaluation.Outcomes.Single(o => o.Target.Name == "net_inflow_2020").Term);

        for (int m = 48; m < 60; m++) Of("net_emigrations")[m] = -25; // 2019
        Assert.Equal(1.5, set.Distance(series), 12);
    }
}
