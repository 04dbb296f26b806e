using BrainDrainSim.Model;
using BrainDrainSim.Scenarios;
using BrainDrainSim.Testing;

namespace BrainDrainSim.Reference.Tests.Comparison;

/// <summary>
/// The scenario library (scenarios/*.yaml and benchmarks/scenarios/*.yaml), scaled down for the equivalence
/// tests: each file is extended by a few lines (a larger agent_scale, a shorter horizon) and loaded through
/// the loader, so the scaled scenario is validated like any other; then its uncertainty block is removed
/// (both models run the scenario's own values: the reference does not draw uncertain parameters).
/// </summary>
public static class LibraryScenarios
{
    /// <summary>About this many initial agents after scaling: a few hundred keep an ensemble well under a second.</summary>
    public const int TargetAgents = 700;

    /// <summary>
    /// Six years: covers every lever of the library (the import from 2026-02, the fee 2025-10 to 2026-09, the
    /// return incentive to 2030-12, education from 2027-03) and the first defined five-year stay rates.
    /// </summary>
    public const int Months = 72;

    public static IEnumerable<string> Files() =>
        Directory.GetFiles(Path.Combine(RepoPaths.Root, "scenarios"), "*.yaml")
            .Concat(Directory.GetFiles(Path.Combine(RepoPaths.Root, "benchmarks", "scenarios"), "*.yaml"))
            .Order(StringComparer.Ordinal);

    /// <summary>The file's scenario at about <see cref="TargetAgents"/> agents and at most <see cref="Months"/> months, without uncertainty.</summary>
    public static Scenario Scaled(string file)
    {
        var full = ScenarioLoader.Load(file);
        var original = full.Scenario ?? throw new InvalidOperationException($"{file}: {string.Join("; ", full.Errors)}");
        int persons = original.Population.AtHome + original.Population.AbroadUs + original.Population.AbroadOther;
        int scale = Math.Max(original.AgentScale, (int)Math.Ceiling((double)persons / TargetAgents));
        string yaml = $"""
            extends: {Path.GetFileName(file)}
            name: {original.Name}-scaled
            agent_scale: {scale}
            months: {Math.Min(original.Months, Months)}
            """;
        // Loaded as a file beside the original, so `extends` finds it.
        var scaled = ScenarioLoader.LoadText(yaml, Path.Combine(Path.GetDirectoryName(file)!, "reference-scaled.yaml"));
        var scenario = scaled.Scenario ?? throw new InvalidOperationException($"{file} scaled: {string.Join("; ", scaled.Errors)}");
        return WithoutUncertainty(scenario);
    }

    /// <summary>The scenario with its uncertain quantities fixed at their scenario values (the one place that edits a loaded scenario).</summary>
    public static Scenario WithoutUncertainty(Scenario scenario) => scenario with { Uncertainty = [] };
}
