using BrainDrainSim.Model;
using BrainDrainSim.Scenarios;

namespace BrainDrainSim.Benchmarks;

/// <summary>The scenarios the benchmarks run, read from the repository's own files.</summary>
internal static class Workloads
{
    public static string RepoRoot { get; } = FindRepoRoot();

    private static string FindRepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "BrainDrainSim.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("BrainDrainSim.sln not found above " + AppContext.BaseDirectory);
    }

    public static Scenario Load(string relativePath)
    {
        var result = ScenarioLoader.Load(Path.Combine(RepoRoot, relativePath));
        if (!result.Ok) throw new InvalidOperationException(string.Join(Environment.NewLine, result.Errors));
        return result.Scenario!;
    }

    /// <summary>The reference workload (benchmarks/scenarios/reference-10k.yaml) at N researchers, 5% of them abroad.</summary>
    public static ValidatedScenario Reference(int researchers)
    {
        var sc = Load("benchmarks/scenarios/reference-10k.yaml");
        int abroad = researchers / 20;
        return (sc with { Population = sc.Population with { AtHome = researchers - abroad, AbroadUs = abroad, AbroadOther = 0 } }).Validate();
    }

    /// <summary>The national baseline with its uncertain coefficients at their central values (one fixed parameter set).</summary>
    public static ValidatedScenario Baseline() => (Load("scenarios/baseline.yaml") with { Uncertainty = [] }).Validate();
}
