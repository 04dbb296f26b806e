using BrainDrainSim.Model;
using BrainDrainSim.Scenarios;

namespace BrainDrainSim.Reporting.Tests;

/// <summary>
/// The repository's own scenario files for the comparison tests. The closed-form case of model.md is
/// tests/BrainDrainSim.Core.Tests/TestScenarios.cs, compiled into this project too (see its csproj).
/// </summary>
internal static class ComparisonScenarios
{
    /// <summary>The folder holding BrainDrainSim.sln, found by walking up from the test binaries.</summary>
    public static string RepoRoot => BrainDrainSim.Testing.RepoPaths.Root;

    /// <summary>Loads scenarios/<paramref name="file"/> of the repository, failing the test on any error.</summary>
    public static Scenario Load(string file)
    {
        var result = ScenarioLoader.Load(Path.Combine(RepoRoot, "scenarios", file));
        Assert.True(result.Ok, string.Join(Environment.NewLine, result.Errors));
        return result.Scenario!;
    }
}
