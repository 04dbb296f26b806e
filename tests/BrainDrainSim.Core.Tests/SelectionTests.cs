using BrainDrainSim.Engine;

namespace BrainDrainSim.Core.Tests;

public class SelectionTests
{
    [Theory]
    [InlineData(1, 0)]
    [InlineData(2, 1)]
    [InlineData(10, 9)]
    [InlineData(1000, 899)]
    [InlineData(1001, 0)]
    [InlineData(1001, 1000)]
    public void Quickselect_finds_what_a_sort_puts_at_k_and_partitions_around_it(int n, int k)
    {
        var rng = new Random(n * 31 + k);
        // Few distinct values as well as many: ties are where partitions go wrong.
        foreach (int distinct in new[] { 3, 1_000_000 })
        {
            var values = Enumerable.Range(0, n).Select(_ => (double)rng.Next(distinct)).ToArray();
            var sorted = values.OrderBy(v => v).ToArray();
            double got = Selection.Smallest(values, k);
            Assert.Equal(sorted[k], got);
            Assert.All(values.Take(k), v => Assert.True(v <= got));
            Assert.All(values.Skip(k + 1), v => Assert.True(v >= got));
        }
    }
}
