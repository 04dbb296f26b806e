using BrainDrainSim.Randomness;

namespace BrainDrainSim.Core.Tests;

public class PhiloxTests
{
    // Random123's kat_vectors: "philox4x32 10 CTR[4] KEY[2] -> OUT[4]".
    [Theory]
    [InlineData(0x00000000u, 0x00000000u, 0x00000000u, 0x00000000u, 0x00000000u, 0x00000000u, 0x6627e8d5u, 0xe169c58du, 0xbc57ac4cu, 0x9b00dbd8u)]
    [InlineData(0xffffffffu, 0xffffffffu, 0xffffffffu, 0xffffffffu, 0xffffffffu, 0xffffffffu, 0x408f276du, 0x41c83b0eu, 0xa20bc7c6u, 0x6d5451fdu)]
    [InlineData(0x243f6a88u, 0x85a308d3u, 0x13198a2eu, 0x03707344u, 0xa4093822u, 0x299f31d0u, 0xd16cfe09u, 0x94fdccebu, 0x5001e420u, 0x24126ea1u)]
    public void Matches_published_known_answer_vectors(uint c0, uint c1, uint c2, uint c3, uint k0, uint k1,
        uint e0, uint e1, uint e2, uint e3)
    {
        Philox4x32.Hash(ref c0, ref c1, ref c2, ref c3, k0, k1);
        Assert.Equal([e0, e1, e2, e3], new[] { c0, c1, c2, c3 });
    }

    [Fact]
    public void Unit_values_stay_strictly_inside_zero_and_one()
    {
        Assert.True(Philox4x32.ToUnit(0) > 0);
        Assert.True(Philox4x32.ToUnit(uint.MaxValue) < 1);
    }

    [Fact]
    public void Uniforms_have_mean_one_half_and_differ_by_purpose()
    {
        var key = StreamKey.FromSeed(StreamKey.ReplicationSeed(42, 0));
        double sum = 0;
        const int n = 100_000;
        for (uint i = 0; i < n; i++)
        {
            key.Uniforms(i, 0, 3, Purpose.Decision, 0, out var u, out _, out _, out _);
            sum += u;
        }
        // The mean of n uniforms has sd sqrt(1/12/n) = 0.00091; 4 sd is 0.0037.
        Assert.InRange(sum / n, 0.5 - 0.0037, 0.5 + 0.0037);
        key.Uniforms(7, 0, 3, Purpose.Decision, 0, out var a, out _, out _, out _);
        key.Uniforms(7, 0, 3, Purpose.Life, 0, out var b, out _, out _, out _);
        Assert.NotEqual(a, b);
    }

    [Fact]
    public void Replication_seeds_differ_and_repeat()
    {
        Assert.Equal(StreamKey.ReplicationSeed(1, 5), StreamKey.ReplicationSeed(1, 5));
        Assert.NotEqual(StreamKey.ReplicationSeed(1, 5), StreamKey.ReplicationSeed(1, 6));
        Assert.NotEqual(StreamKey.ReplicationSeed(1, 5), StreamKey.ReplicationSeed(2, 5));
    }
}
