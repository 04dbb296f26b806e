namespace BrainDrainSim.Scenarios.Tests.Fuzz;

/// <summary>The repository's own files, found from the test's build folder.</summary>
internal static class RepoFiles
{
    public static string Root => BrainDrainSim.Testing.RepoPaths.Root;

    /// <summary>Every scenario of the library and of the benchmarks, in a fixed order.</summary>
    public static IReadOnlyList<string> LibraryScenarios() =>
        new[] { "scenarios", Path.Combine("benchmarks", "scenarios") }
            .SelectMany(d => Directory.GetFiles(Path.Combine(Root, d), "*.yaml"))
            .Order(StringComparer.Ordinal)
            .ToArray();
}
