using BrainDrainSim.Reference.Tests.Comparison;
using BrainDrainSim.Testing;
using Xunit.Abstractions;

namespace BrainDrainSim.Reference.Tests;

/// <summary>
/// Every scenario of the library, scaled to about 700 agents and six years, run 100 times by the engine and
/// 100 times by the reference model (independent seeds): every metric's mean agrees within
/// <see cref="Equivalence.Threshold"/> standard errors at the three months compared (see
/// <see cref="Equivalence"/> for the threshold and its family-wise argument).
/// </summary>
public class LibraryEquivalenceTests(ITestOutputHelper output)
{
    public const int Runs = 100;

    /// <summary>The library, and the history runs (whose timeline has no record of an earlier engine to be held to).</summary>
    public static TheoryData<string> Files() =>
    [
        .. LibraryScenarios.Files()
            .Concat(Directory.GetFiles(Path.Combine(RepoPaths.Root, "scenarios", "history"), "*.yaml").Order(StringComparer.Ordinal))
            .Select(f => Path.GetRelativePath(RepoPaths.Root, f)),
    ];

    [Theory]
    [MemberData(nameof(Files))]
    public void Engine_and_reference_agree(string file)
    {
        var scenario = LibraryScenarios.Scaled(Path.Combine(RepoPaths.Root, file));
        var rows = Equivalence.Compare(scenario, Runs, engineSeed: 1, referenceSeed: 2);
        output.WriteLine($"{scenario.Name}: {rows.Count} comparisons, agent_scale {scenario.AgentScale}, {scenario.Months} months, {Runs} runs a side");
        output.WriteLine(Equivalence.Table(rows));
        Assert.False(Equivalence.Fails(rows), $"the engine and the reference model disagree on {file}:\n{Equivalence.Table(rows, 0)}");
    }
}
