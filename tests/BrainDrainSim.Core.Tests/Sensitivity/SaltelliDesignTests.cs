using BrainDrainSim.Sensitivity;

namespace BrainDrainSim.Core.Tests.Sensitivity;

public class SaltelliDesignTests
{
    [Fact]
    public void AB_rows_are_A_with_one_factor_from_B_and_keep_A_seed()
    {
        // Factors: a single column, a group of three (a share map), a single column; plus chance.
        var layout = new FactorLayout([1, 3, 1]);
        var design = new SaltelliDesign(layout, 8, seed: 5, secondOrder: true, chance: true);
        Assert.Equal(4, design.FactorCount);
        Assert.Equal(3, design.ChanceFactor);
        Assert.Equal(2 + 2 * 4, design.RowsPerBase);
        Assert.Equal(8L * 10, design.RowCount);
        var sequence = new ScrambledSobolSequence(5);
        for (int j = 0; j < 8; j++)
        {
            var a = design.Row(design.RowIndex(j, SaltelliRowKind.A));
            var b = design.Row(design.RowIndex(j, SaltelliRowKind.B));
            // A and B are the two halves of point j of one 10-dimensional scrambled sequence.
            Assert.Equal(Enumerable.Range(0, 5).Select(c => sequence.Coordinate((uint)j, c)), a.Coordinates);
            Assert.Equal(Enumerable.Range(5, 5).Select(c => sequence.Coordinate((uint)j, c)), b.Coordinates);
            Assert.Equal((SaltelliSide.A, 2L * j), (a.SeedSide, a.SeedIndex));
            Assert.Equal((SaltelliSide.B, 2L * j + 1), (b.SeedSide, b.SeedIndex));
            for (int i = 0; i < 4; i++)
            {
                var ab = design.Row(design.RowIndex(j, SaltelliRowKind.AB, i));
                var ba = design.Row(design.RowIndex(j, SaltelliRowKind.BA, i));
                Assert.Equal((SaltelliRowKind.AB, i, j), (ab.Kind, ab.Factor, ab.BaseIndex));
                Assert.Equal((SaltelliRowKind.BA, i, j), (ba.Kind, ba.Factor, ba.BaseIndex));
                for (int c = 0; c < 5; c++)
                {
                    bool moved = i < 3 && layout.FactorOf(c) == i;
                    Assert.Equal(moved ? b.Coordinates[c] : a.Coordinates[c], ab.Coordinates[c]);
                    Assert.Equal(moved ? a.Coordinates[c] : b.Coordinates[c], ba.Coordinates[c]);
                }
                // An input factor from B keeps A's seed; chance from B is B's seed on A's point.
                Assert.Equal(i == 3 ? b.SeedIndex : a.SeedIndex, ab.SeedIndex);
                Assert.Equal(i == 3 ? a.SeedIndex : b.SeedIndex, ba.SeedIndex);
            }
        }
    }

    [Fact]
    public void Each_row_is_the_same_whatever_order_rows_are_computed_in()
    {
        // A shard computes its own range of rows; nothing may depend on the rows computed before.
        var design = new SaltelliDesign(FactorLayout.Singles(4), 16, seed: 99);
        var forward = Enumerable.Range(0, (int)design.RowCount).Select(i => design.Row(i)).ToArray();
        var fresh = new SaltelliDesign(FactorLayout.Singles(4), 16, seed: 99);
        for (long i = design.RowCount - 1; i >= 0; i--)
        {
            var row = fresh.Row(i);
            Assert.Equal(forward[i].Coordinates, row.Coordinates);
            Assert.Equal((forward[i].Kind, forward[i].Factor, forward[i].SeedIndex), (row.Kind, row.Factor, row.SeedIndex));
        }
    }

    [Fact]
    public void A_design_wider_than_the_sequence_is_refused_with_the_limit()
    {
        var e = Assert.Throws<ArgumentException>(() => new SaltelliDesign(FactorLayout.Singles(556), 8, 1));
        Assert.Contains("at most 555 columns", e.Message, StringComparison.Ordinal);
        Assert.Equal(555, new SaltelliDesign(FactorLayout.Singles(555), 8, 1).Factors.ColumnCount);
    }

    [Fact]
    public void Rows_of_a_design_without_second_order_have_no_BA()
    {
        var design = new SaltelliDesign(FactorLayout.Singles(2), 4, 1);
        Assert.Equal(4, design.RowsPerBase);
        Assert.Throws<InvalidOperationException>(() => design.RowIndex(0, SaltelliRowKind.BA, 0));
        Assert.Equal(-1, design.ChanceFactor);
    }
}
