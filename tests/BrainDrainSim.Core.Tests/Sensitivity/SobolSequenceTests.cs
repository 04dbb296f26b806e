using BrainDrainSim.Sensitivity;

namespace BrainDrainSim.Core.Tests.Sensitivity;

public class SobolSequenceTests
{
    [Fact]
    public void The_first_unscrambled_points_in_three_dimensions_are_the_published_ones()
    {
        // Issue 11's check (and Joe and Kuo's notes): Gray-code order starts 0, 1/2, then 3/4 or 1/4.
        double[][] expected = [[0, 0, 0], [0.5, 0.5, 0.5], [0.75, 0.25, 0.25], [0.25, 0.75, 0.75]];
        for (uint n = 0; n < 4; n++)
        {
            var point = Enumerable.Range(0, 3).Select(d => SobolSequence.Coordinate(n, d)).ToArray();
            Assert.Equal(expected[n], point);
        }
    }

    // Exact 32-bit words (coordinate times 2^32) of scipy.stats.qmc.Sobol(d=1111, scramble=False, bits=32) from
    // SciPy 1.10.1 (Debian's python3-scipy), which ships Joe and Kuo's new-joe-kuo-6.21201: .random(1024)[n, d]
    // for n below 1024, and fast_forward(n) then .random(1) for the others. Dimension 1110 is the last line kept;
    // index 40,000,003 sets bit 25 of its Gray code, so it reads direction numbers made by the recurrence well
    // past every degree-13 polynomial's initial ones. Any error in the table, the recurrence or the Gray-code
    // order changes these words.
    [Theory]
    [InlineData(5u, 0, 3758096384u)]
    [InlineData(5u, 2, 536870912u)]
    [InlineData(100u, 9, 2986344448u)]
    [InlineData(100u, 1110, 1979711488u)]
    [InlineData(1000u, 1, 415236096u)]
    [InlineData(1000u, 99, 801112064u)]
    [InlineData(1000u, 554, 4064280576u)]
    [InlineData(1000u, 1109, 4248829952u)]
    [InlineData(1023u, 1110, 2529165312u)]
    [InlineData(1000003u, 0, 1187450880u)]
    [InlineData(1000003u, 554, 3876229120u)]
    [InlineData(1000003u, 1110, 665669632u)]
    [InlineData(40000003u, 1, 3964543552u)]
    [InlineData(40000003u, 99, 1953263296u)]
    [InlineData(40000003u, 1109, 1868573888u)]
    [InlineData(40000003u, 1110, 346026688u)]
    public void Later_points_match_scipy_unscrambled_output(uint index, int dimension, uint word)
    {
        Assert.Equal(word, SobolSequence.Word(index, dimension));
    }

    [Fact]
    public void The_table_holds_1111_dimensions_and_refuses_one_more()
    {
        Assert.Equal(1111, SobolSequence.MaxDimensions);
        Assert.Equal(0.5, SobolSequence.Coordinate(1, 1110));
        Assert.Throws<ArgumentOutOfRangeException>(() => SobolSequence.Word(1, 1111));
        Assert.Throws<ArgumentOutOfRangeException>(() => SobolSequence.Word(1, -1));
    }
}
