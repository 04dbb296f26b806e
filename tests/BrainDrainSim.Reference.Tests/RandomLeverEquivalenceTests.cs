using BrainDrainSim.Reference.Tests.Comparison;
using Xunit.Abstractions;

namespace BrainDrainSim.Reference.Tests;

/// <summary>
/// <see cref="Equivalence.RandomSets"/> random valid lever sets (<see cref="RandomLeverSets"/>), in four
/// batches, each run 80 times by the engine and 80 times by the reference model with seeds of its own: every
/// metric's mean agrees within <see cref="Equivalence.Threshold"/> standard errors (see
/// <see cref="Equivalence"/>).
/// </summary>
public class RandomLeverEquivalenceTests(ITestOutputHelper output)
{
    public const int Runs = 80;
    private const int Batches = 4;

    public static TheoryData<int> BatchIndices() => [.. Enumerable.Range(0, Batches)];

    [Theory]
    [MemberData(nameof(BatchIndices))]
    public void Engine_and_reference_agree(int batch)
    {
        var rows = new List<ComparisonRow>();
        int per = Equivalence.RandomSets / Batches;
        for (int k = batch * per; k < (batch + 1) * per; k++)
        {
            var scenario = RandomLeverSets.Load(k);
            rows.AddRange(Equivalence.Compare(scenario, Runs, engineSeed: 1_000 + (ulong)k, referenceSeed: 5_000 + (ulong)k));
        }
        output.WriteLine($"random lever sets {batch * per} to {(batch + 1) * per - 1}: {rows.Count} comparisons, {Runs} runs a side");
        output.WriteLine(Equivalence.Table(rows));
        Assert.False(Equivalence.Fails(rows), $"the engine and the reference model disagree:\n{Equivalence.Table(rows, 0)}");
    }

    [Fact]
    public void Every_set_is_valid_and_every_lever_type_and_edge_is_drawn()
    {
        var sets = Enumerable.Range(0, Equivalence.RandomSets).Select(RandomLeverSets.Load).ToArray();
        var types = sets.SelectMany(s => s.Levers).GroupBy(l => l.Type).ToDictionary(g => g.Key, g => g.Count());
        output.WriteLine(string.Join(", ", types.OrderBy(t => t.Key).Select(t => $"{t.Key} {t.Value}")));
        Assert.Equal(6, types.Count);
        Assert.All(types.Values, n => Assert.True(n >= 20, "each lever type appears in at least 20 sets"));
        // Levers already active at the start, and levers that stop before the horizon.
        Assert.Contains(sets.SelectMany(s => s.Levers), l => l.At < s_start);
        Assert.Contains(sets.SelectMany(s => s.Levers), l => l.Until is { } u && u < s_start.AddMonths(RandomLeverSets.Months - 1));
        // Timelines: in many sets, with entries before the start, suspensions of US entry, and every key.
        var entries = sets.SelectMany(s => s.Timeline).ToArray();
        output.WriteLine($"{sets.Count(s => s.Timeline.Length > 0)} sets with a timeline, {entries.Length} entries");
        Assert.True(sets.Count(s => s.Timeline.Length > 0) >= 20, "at least 20 sets have a timeline");
        Assert.Contains(entries, e => e.From < s_start);
        Assert.Contains(entries, e => e.UsWorkEntryRate == 0);
        Assert.Contains(entries, e => e.UsStudyEntryRate == 0);
        foreach (var key in Model.Shape.ScenarioShape.KeysOf(typeof(Model.TimelineEntry)))
            Assert.Contains(entries, e => key.Get(e) is not null);
    }

    private static readonly Model.YearMonth s_start = new(2025, 1);
}
