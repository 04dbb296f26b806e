using System.Runtime.Intrinsics;
using BrainDrainSim.Engine;
using BrainDrainSim.Randomness;

namespace BrainDrainSim.Core.Tests;

/// <summary>
/// The hand-written log and sin/cos behind the traits' Box-Muller normals: every vector lane gives the
/// scalar code's bits, and the values are within a unit or two in the last place of the library's.
/// </summary>
public class FastNormalTests
{
    /// <summary>
    /// Uniforms exactly as the generator makes them, (w + 0.5) / 2^32: a million random words, and runs
    /// of 20,000 words at both ends (u near 0 and near 1, the tails of the normals), around each quarter
    /// turn (where sin or cos is near zero and the reduction switches quarter) and around sqrt(1/2)
    /// (where the log's reduction switches).
    /// </summary>
    private static readonly double[] Uniforms = MakeUniforms();

    private static double[] MakeUniforms()
    {
        var rng = new Random(20250101);
        var words = new List<uint>();
        for (int i = 0; i < 1_000_000; i++) words.Add((uint)rng.NextInt64(0, 1L << 32));
        uint root = (uint)(Math.Sqrt(0.5) * 4294967296.0);
        foreach (uint centre in new uint[] { 0, 1u << 30, 1u << 31, 3u << 30, root, uint.MaxValue })
            for (long d = -10_000; d < 10_000; d++)
            {
                long w = centre + d;
                if (w >= 0 && w <= uint.MaxValue) words.Add((uint)w);
            }
        return words.Select(Philox4x32.ToUnit).ToArray();
    }

    private static long Bits(double x) => BitConverter.DoubleToInt64Bits(x);

    [Fact]
    public void Log_is_within_an_ulp_of_the_library()
    {
        // Positive normal doubles over the whole exponent range, besides the uniforms.
        var rng = new Random(7);
        var wide = Enumerable.Range(0, 200_000).Select(_ => Math.Exp(rng.NextDouble() * 1400 - 700))
            .Concat([BitConverter.Int64BitsToDouble(1L << 52), 1.0, 2.0, 0.5, Math.Sqrt(0.5), Math.Sqrt(2), double.MaxValue]);
        double worst = 0;
        foreach (var x in Uniforms.Concat(wide))
        {
            double want = Math.Log(x), got = FastNormal.Log(x);
            double error = want == 0 ? Math.Abs(got) : Math.Abs(got - want) / Math.Abs(want);
            worst = Math.Max(worst, error);
        }
        // Measured: 2.2e-16 (2^-52, about one unit in the last place), uniforms and wide range alike.
        Assert.True(worst <= 3e-16, $"largest relative error of log: {worst:E3}");
        Assert.Equal(0.0, FastNormal.Log(1.0));
    }

    [Fact]
    public void Sin_and_cos_of_two_pi_u_are_within_an_ulp_of_the_library()
    {
        double worstSinRel = 0, worstCosRel = 0, worstSinAbs = 0, worstCosAbs = 0;
        foreach (var u in Uniforms)
        {
            var (sin, cos) = FastNormal.SinCosTwoPi(u);
            // Against the exactly reduced library functions sin(pi * 2u), cos(pi * 2u) (2u is exact): relative error.
            double sinPi = double.SinPi(2 * u), cosPi = double.CosPi(2 * u);
            worstSinRel = Math.Max(worstSinRel, Math.Abs(sin - sinPi) / Math.Abs(sinPi));
            worstCosRel = Math.Max(worstCosRel, Math.Abs(cos - cosPi) / Math.Abs(cosPi));
            // Against Math.Sin(2 pi u) and Math.Cos(2 pi u), what Box-Muller used before: absolute error, as
            // the library's own rounding of the angle 2 pi u (up to 4.4e-16) is a large relative error next to
            // a zero of sin or cos (7e-7 at u = 1 - 2^-33); a normal's error is its radius times this.
            worstSinAbs = Math.Max(worstSinAbs, Math.Abs(sin - Math.Sin(2.0 * Math.PI * u)));
            worstCosAbs = Math.Max(worstCosAbs, Math.Abs(cos - Math.Cos(2.0 * Math.PI * u)));
        }
        // Measured: relative 2.2e-16 for both against SinPi/CosPi; absolute 6.9e-16 (sin) and 6.4e-16 (cos)
        // against Math.Sin/Math.Cos of 2 pi u.
        Assert.True(worstSinRel <= 3e-16, $"largest relative error of sin: {worstSinRel:E3}");
        Assert.True(worstCosRel <= 3e-16, $"largest relative error of cos: {worstCosRel:E3}");
        Assert.True(worstSinAbs <= 1e-15, $"largest absolute error of sin against Math.Sin: {worstSinAbs:E3}");
        Assert.True(worstCosAbs <= 1e-15, $"largest absolute error of cos against Math.Cos: {worstCosAbs:E3}");
    }

    [Fact]
    public void Normals_match_the_library_box_muller()
    {
        double worst = 0;
        foreach (var (u0, u1) in Uniforms.Zip(Uniforms.Skip(1).Append(Uniforms[0])))
        {
            var (c, s) = FastNormal.Normals(u0, u1);
            double radius = Math.Sqrt(-2.0 * Math.Log(u0));
            var (sin, cos) = Math.SinCos(2.0 * Math.PI * u1);
            worst = Math.Max(worst, Math.Max(Math.Abs(c - radius * cos), Math.Abs(s - radius * sin)));
        }
        // Measured: 2.9e-15 absolute, at radii up to 6.8 (u0 = 2^-33); traits are stored as floats.
        Assert.True(worst <= 1e-14, $"largest absolute difference from library Box-Muller: {worst:E3}");
    }

    [Fact]
    public void Vector_log_and_sin_cos_give_the_scalar_bits()
    {
        // The uniforms, plus values where a select or a sign flips: quarter turns, zero, one, sqrt(2), powers of two.
        var inputs = Uniforms.Concat([0.0, 0.125, 0.25, 0.375, 0.5, 0.625, 0.75, 0.875, 1.0, 0.5 - 1e-17, 0.25 + 5e-17]).ToArray();
        Array.Resize(ref inputs, inputs.Length / 8 * 8);
        for (int i = 0; i < inputs.Length; i += 8)
        {
            var (s512, c512) = FastNormal.SinCosTwoPi(Vector512.Create(inputs.AsSpan(i, 8)));
            var (s256, c256) = FastNormal.SinCosTwoPi(Vector256.Create(inputs.AsSpan(i, 4)));
            var positive = inputs.Skip(i).Take(8).Select(x => x > 0 ? x : Math.Sqrt(2)).ToArray();
            var l512 = FastNormal.Log(Vector512.Create(positive));
            var l256 = FastNormal.Log(Vector256.Create(positive.AsSpan(0, 4)));
            for (int j = 0; j < 8; j++)
            {
                var (s, c) = FastNormal.SinCosTwoPi(inputs[i + j]);
                Assert.Equal(Bits(s), Bits(s512[j]));
                Assert.Equal(Bits(c), Bits(c512[j]));
                Assert.Equal(Bits(FastNormal.Log(positive[j])), Bits(l512[j]));
                if (j >= 4) continue;
                Assert.Equal(Bits(s), Bits(s256[j]));
                Assert.Equal(Bits(c), Bits(c256[j]));
                Assert.Equal(Bits(FastNormal.Log(positive[j])), Bits(l256[j]));
            }
        }
    }

    [Fact]
    public void Batched_box_muller_log_and_exp_give_the_scalar_bits_in_every_lane()
    {
        const int n = 1003; // blocks of eight, and a scalar tail
        var u0 = Uniforms.AsSpan(0, n).ToArray();
        var u1 = Uniforms.AsSpan(Uniforms.Length - n, n).ToArray();
        double[] cos = new double[n], sin = new double[n], cosOnly = new double[n], e = new double[n], ln = new double[n];
        FastNormal.BoxMuller(u0, u1, cos, sin);
        FastNormal.Logs(u0, ln);
        FastNormal.BoxMuller(u0, u1, cosOnly, []);
        FastMath.Exps(cos, e);
        for (int i = 0; i < n; i++)
        {
            var (c, s) = FastNormal.Normals(u0[i], u1[i]);
            Assert.Equal(Bits(c), Bits(cos[i]));
            Assert.Equal(Bits(s), Bits(sin[i]));
            Assert.Equal(Bits(c), Bits(cosOnly[i]));
            Assert.Equal(Bits(FastMath.Exp(c)), Bits(e[i]));
            Assert.Equal(Bits(FastNormal.Log(u0[i])), Bits(ln[i]));
        }
        // The 256-bit form lane by lane as well (the batch above takes the widest the processor has).
        for (int i = 0; i + 4 <= n; i += 4)
        {
            var (c, s) = FastNormal.Normals(Vector256.Create(u0.AsSpan(i, 4)), Vector256.Create(u1.AsSpan(i, 4)));
            for (int j = 0; j < 4; j++)
            {
                Assert.Equal(Bits(cos[i + j]), Bits(c[j]));
                Assert.Equal(Bits(sin[i + j]), Bits(s[j]));
            }
        }
    }
}
