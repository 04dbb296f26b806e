using BrainDrainSim.Model;
using BrainDrainSim.Scenarios.Targets;

namespace BrainDrainSim.Scenarios.Tests.Targets;

/// <summary>The scenarios and metric lists the targets tests load against.</summary>
internal static class TargetFiles
{
    /// <summary>A history run as the brief describes it: 2015-01 for 120 months (to 2024-12).</summary>
    public static ValidatedScenario History { get; } = Scenario("name: history\nstart: 2015-01\nmonths: 120\n");

    /// <summary>2015-01 to 2034-12: the history and ten years beyond.</summary>
    public static ValidatedScenario HistoryAndAfter { get; } = Scenario("name: history-2034\nstart: 2015-01\nmonths: 240\n");

    /// <summary>The library's baseline, 2025-01 for 120 months.</summary>
    public static ValidatedScenario Baseline { get; } = Library("baseline.yaml");

    public static string KoreaPath => Path.Combine(BrainDrainSim.Testing.RepoPaths.Root, "scenarios", "targets", "korea.yaml");

    /// <summary>
    /// The catalog's metrics and the six that the metrics work adds (not on this branch yet), with the kinds that
    /// work gives them; korea.yaml is written with them.
    /// </summary>
    /// <summary>The metrics a run of the scenario records (the history metrics korea.yaml names among them).</summary>
    public static IReadOnlyList<MetricInfo> WithHistoryMetrics(ValidatedScenario scenario) => MetricCatalog.For(scenario.Scenario);

    public static TargetLoadResult Load(string yaml, ValidatedScenario? scenario = null, string file = "targets.yaml") =>
        TargetLoader.LoadText(yaml, Path.Combine(Path.GetTempPath(), file), scenario ?? History);

    private static ValidatedScenario Scenario(string yaml)
    {
        var result = ScenarioLoader.LoadText(yaml, Path.Combine(Path.GetTempPath(), "history.yaml"));
        Assert.True(result.Ok, Assertions.Dump(result));
        return result.Validated!;
    }

    private static ValidatedScenario Library(string name)
    {
        var result = ScenarioLoader.Load(Path.Combine(BrainDrainSim.Testing.RepoPaths.Root, "scenarios", name));
        Assert.True(result.Ok, Assertions.Dump(result));
        return result.Validated!;
    }

    public static string Dump(TargetLoadResult result) => string.Join("\n", result.Errors.Concat(result.Warnings));

    /// <summary>The single error at the key path, which names its file, line, column and key; fails listing all errors otherwise.</summary>
    public static ScenarioError OnlyError(TargetLoadResult result, string keyPath)
    {
        Assert.False(result.Ok);
        Assert.Null(result.Targets);
        var matching = result.Errors.Where(e => e.KeyPath == keyPath).ToList();
        Assert.True(matching.Count == 1, $"expected one error at '{keyPath}', got:\n" + Dump(result));
        var error = matching[0];
        Assert.True(error.Line >= 1 && error.Column >= 1, $"no position in: {error}");
        Assert.StartsWith($"{error.File}:{error.Line}:{error.Column}: {keyPath}: ", error.ToString());
        return error;
    }
}
