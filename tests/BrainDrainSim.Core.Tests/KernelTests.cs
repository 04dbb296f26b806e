using System.Runtime.Intrinsics;
using BrainDrainSim.Engine;
using BrainDrainSim.Randomness;

namespace BrainDrainSim.Core.Tests;

/// <summary>The vectorised pieces of the hot loop give the scalar code's bits, lane by lane.</summary>
public class KernelTests
{
    private static readonly double[] Inputs = Enumerable.Range(-2000, 4001).Select(k => k * 0.37 + 0.001 * (k % 7)).ToArray();

    [Fact]
    public void Exp_is_within_a_few_ulp_of_the_library()
    {
        foreach (var x in Inputs.Where(v => Math.Abs(v) <= 700))
        {
            double want = Math.Exp(x), got = FastMath.Exp(x);
            // 4e-16 relative: a couple of units in the last place, far below anything the model resolves.
            Assert.True(Math.Abs(got - want) <= 4e-16 * want, $"exp({x}) = {got}, library {want}");
        }
        Assert.Equal(FastMath.Exp(708), FastMath.Exp(1e6));
        Assert.True(FastMath.Exp(-1e6) > 0);
    }

    [Fact]
    public void Vector_exp_gives_the_scalar_bits()
    {
        for (int i = 0; i + 8 <= Inputs.Length; i += 8)
        {
            var v512 = FastMath.Exp(Vector512.Create(Inputs.AsSpan(i, 8)));
            var v256 = FastMath.Exp(Vector256.Create(Inputs.AsSpan(i, 4)));
            for (int j = 0; j < 8; j++)
                Assert.Equal(BitConverter.DoubleToInt64Bits(FastMath.Exp(Inputs[i + j])), BitConverter.DoubleToInt64Bits(v512[j]));
            for (int j = 0; j < 4; j++)
                Assert.Equal(BitConverter.DoubleToInt64Bits(FastMath.Exp(Inputs[i + j])), BitConverter.DoubleToInt64Bits(v256[j]));
        }
        // The logistic of the decisions: 1 / (1 + e^-x), a probability even at the extremes.
        Assert.Equal(0.5, Utility.Logistic(0));
        Assert.True(Utility.Logistic(double.NegativeInfinity) < 1e-300, "minus infinity gives (about) zero");
        Assert.Equal(1.0, Utility.Logistic(1e6));
    }

    [Fact]
    public void Batched_philox_gives_the_scalar_words_in_every_lane()
    {
        var key = StreamKey.FromSeed(StreamKey.ReplicationSeed(99, 4));
        const int n = 101; // blocks of 32, of 8, and a scalar tail
        var lo = Enumerable.Range(0, n).Select(i => (uint)(i * 2654435761u)).ToArray();
        var hi = Enumerable.Range(0, n).Select(i => (uint)(i % 5)).ToArray();
        double[] u0 = new double[n], u1 = new double[n], u2 = new double[n];
        PhiloxBatch.Uniforms(key, lo, hi, 17, Purpose.Waits, u0, u1, u2);
        for (int i = 0; i < n; i++)
        {
            key.Uniforms(lo[i], hi[i], 17, Purpose.Waits, 0, out var e0, out var e1, out var e2, out _);
            Assert.Equal((e0, e1, e2), (u0[i], u1[i], u2[i]));
        }
    }
}
