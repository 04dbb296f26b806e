using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace BrainDrainSim.Engine;

/// <summary>
/// Box-Muller normals from pairs of uniforms, with a hand-written natural log and sine/cosine of 2 pi u.
/// Like <see cref="FastMath"/>, the scalar form and the 256- and 512-bit vector forms perform the same
/// IEEE operations in the same order (no fused multiply-add, no library call), so a lane gives the
/// scalar call's bits and the traits do not depend on the processor's vector width (model.md:
/// determinism). Relative error about 2e-16 (FastNormalTests measures it against the library).
/// </summary>
public static class FastNormal
{
    // ---- log ------------------------------------------------------------------------------------
    // x = 2^e * m with m in [sqrt(1/2), sqrt(2)); with f = m - 1 and s = f / (2 + f),
    // ln m = 2 atanh s = f - f^2/2 + s (f^2/2 + R(s^2)), and R is fdlibm's minimax polynomial (e_log.c),
    // within 2^-58 on |s| <= 0.1716. The final sum is fdlibm's, which keeps the relative error
    // about one unit in the last place even next to x = 1, where ln x is tiny.

    // ln 2 split in two (fdlibm): e * Ln2Hi is exact for |e| < 2^21, so adding the exponent loses nothing.
    private const double Ln2Hi = 6.93147180369123816490e-01;
    private const double Ln2Lo = 1.90821492927058770002e-10;
    private const double Lg1 = 6.666666666666735130e-01, Lg2 = 3.999999999940941908e-01, Lg3 = 2.857142874366239149e-01,
        Lg4 = 2.222219843214978396e-01, Lg5 = 1.818357216161805012e-01, Lg6 = 1.531383769920937332e-01, Lg7 = 1.479819860511658591e-01;
    private const double Sqrt2 = 1.4142135623730951;
    private const long MantissaBits = 0x000F_FFFF_FFFF_FFFF;
    private const long OneBits = 0x3FF0_0000_0000_0000; // the exponent field of 1.0: mantissa bits under it read as m in [1, 2)
    // The biased exponent E (11 bits) under the exponent field of 2^52 reads as the double 2^52 + E, so
    // subtracting 2^52 + 1023 gives the exponent as an exact double without an integer conversion.
    private const long TwoTo52Bits = 0x4330_0000_0000_0000;
    private const double TwoTo52PlusBias = 4503599627371519.0;

    /// <summary>ln x for a positive normal double x (here a uniform in (0, 1)); not for zero, subnormals, negatives or infinity.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Log(double x)
    {
        long bits = BitConverter.DoubleToInt64Bits(x);
        double m = BitConverter.Int64BitsToDouble((bits & MantissaBits) | OneBits);
        double e = BitConverter.Int64BitsToDouble((long)((ulong)bits >> 52) | TwoTo52Bits) - TwoTo52PlusBias;
        // Centre m on 1 (halving is exact), so that f = m - 1 is exact and small.
        bool high = m > Sqrt2;
        m = high ? m * 0.5 : m;
        e = high ? e + 1.0 : e;
        double f = m - 1.0;
        double hfsq = 0.5 * f * f;
        double s = f / (2.0 + f);
        double z = s * s;
        double r = Lg6 + z * Lg7;
        r = Lg5 + z * r;
        r = Lg4 + z * r;
        r = Lg3 + z * r;
        r = Lg2 + z * r;
        r = Lg1 + z * r;
        r = z * r;
        return e * Ln2Hi - ((hfsq - (s * (hfsq + r) + e * Ln2Lo)) - f);
    }

    /// <summary>The natural logarithm in 512-bit lanes: the scalar form lane by lane, bit for bit (the same operations in the same order).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> Log(Vector512<double> x)
    {
        var bits = x.AsInt64();
        var m = ((bits & Vector512.Create(MantissaBits)) | Vector512.Create(OneBits)).AsDouble();
        var e = (Vector512.ShiftRightLogical(bits, 52) | Vector512.Create(TwoTo52Bits)).AsDouble() - Vector512.Create(TwoTo52PlusBias);
        var high = Vector512.GreaterThan(m, Vector512.Create(Sqrt2));
        m = Vector512.ConditionalSelect(high, m * Vector512.Create(0.5), m);
        e = Vector512.ConditionalSelect(high, e + Vector512<double>.One, e);
        var f = m - Vector512<double>.One;
        var hfsq = Vector512.Create(0.5) * f * f;
        var s = f / (Vector512.Create(2.0) + f);
        var z = s * s;
        var r = Vector512.Create(Lg6) + z * Vector512.Create(Lg7);
        r = Vector512.Create(Lg5) + z * r;
        r = Vector512.Create(Lg4) + z * r;
        r = Vector512.Create(Lg3) + z * r;
        r = Vector512.Create(Lg2) + z * r;
        r = Vector512.Create(Lg1) + z * r;
        r = z * r;
        return e * Vector512.Create(Ln2Hi) - ((hfsq - (s * (hfsq + r) + e * Vector512.Create(Ln2Lo))) - f);
    }

    /// <summary>The natural logarithm in 256-bit lanes: the scalar form lane by lane, bit for bit (the same operations in the same order).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> Log(Vector256<double> x)
    {
        var bits = x.AsInt64();
        var m = ((bits & Vector256.Create(MantissaBits)) | Vector256.Create(OneBits)).AsDouble();
        var e = (Vector256.ShiftRightLogical(bits, 52) | Vector256.Create(TwoTo52Bits)).AsDouble() - Vector256.Create(TwoTo52PlusBias);
        var high = Vector256.GreaterThan(m, Vector256.Create(Sqrt2));
        m = Vector256.ConditionalSelect(high, m * Vector256.Create(0.5), m);
        e = Vector256.ConditionalSelect(high, e + Vector256<double>.One, e);
        var f = m - Vector256<double>.One;
        var hfsq = Vector256.Create(0.5) * f * f;
        var s = f / (Vector256.Create(2.0) + f);
        var z = s * s;
        var r = Vector256.Create(Lg6) + z * Vector256.Create(Lg7);
        r = Vector256.Create(Lg5) + z * r;
        r = Vector256.Create(Lg4) + z * r;
        r = Vector256.Create(Lg3) + z * r;
        r = Vector256.Create(Lg2) + z * r;
        r = Vector256.Create(Lg1) + z * r;
        r = z * r;
        return e * Vector256.Create(Ln2Hi) - ((hfsq - (s * (hfsq + r) + e * Vector256.Create(Ln2Lo))) - f);
    }

    // ---- sin and cos of 2 pi u -------------------------------------------------------------------
    // The reduction works on u, not on the angle: k = round(4u) is the nearest quarter turn, and
    // u - k/4 is exact (k/4 is exact, and for k >= 1 the two are within a factor of two, Sterbenz),
    // so the only rounding before the polynomials is the one product t = (u - k/4) * 2 pi, with
    // |t| <= pi/4. (Rounding 2 pi u first, as the library call must, costs up to 4e-16 absolute,
    // which near a zero of sin or cos is a large relative error.) Then sin(2 pi u) and cos(2 pi u) are
    // sin t and cos t swapped and negated by the quarter k, with selects rather than branches.

    private const double TwoPi = 2 * Math.PI;
    // 1/k! with alternating signs: Taylor series of sin and cos on |t| <= pi/4, where the first term left
    // out (t^17/17!, t^18/18!) is below 6e-17 of the sum.
    private const double S3 = -1.0 / 6, S5 = 1.0 / 120, S7 = -1.0 / 5040, S9 = 1.0 / 362880, S11 = -1.0 / 39916800,
        S13 = 1.0 / 6227020800, S15 = -1.0 / 1307674368000;
    private const double K2 = -1.0 / 2, K4 = 1.0 / 24, K6 = -1.0 / 720, K8 = 1.0 / 40320, K10 = -1.0 / 3628800,
        K12 = 1.0 / 479001600, K14 = -1.0 / 87178291200, K16 = 1.0 / 20922789888000;

    /// <summary>sin(2 pi u) and cos(2 pi u) for u in [0, 1].</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static (double Sin, double Cos) SinCosTwoPi(double u)
    {
        double k = Math.Floor(u * 4.0 + 0.5);
        double t = (u - k * 0.25) * TwoPi;
        double z = t * t;
        double p = S13 + z * S15;
        p = S11 + z * p;
        p = S9 + z * p;
        p = S7 + z * p;
        p = S5 + z * p;
        p = S3 + z * p;
        double sin = t + t * (z * p);
        double q = K14 + z * K16;
        q = K12 + z * q;
        q = K10 + z * q;
        q = K8 + z * q;
        q = K6 + z * q;
        q = K4 + z * q;
        q = K2 + z * q;
        double cos = 1.0 + z * q;
        // Quarter k: (sin, cos) of (k pi/2 + t) is (s, c), (c, -s), (-s, -c), (-c, s) for k = 0, 1, 2, 3 (4 is 0).
        // Signs are applied by multiplying by -1, exact and the same for a zero in every form.
        bool swap = k == 1.0 || k == 3.0;
        double sinSign = k == 2.0 || k == 3.0 ? -1.0 : 1.0;
        double cosSign = k == 1.0 || k == 2.0 ? -1.0 : 1.0;
        return ((swap ? cos : sin) * sinSign, (swap ? sin : cos) * cosSign);
    }

    /// <summary>sin and cos of 2 pi u in 512-bit lanes: the scalar form lane by lane, bit for bit (the same operations in the same order).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static (Vector512<double> Sin, Vector512<double> Cos) SinCosTwoPi(Vector512<double> u)
    {
        var k = Vector512.Floor(u * Vector512.Create(4.0) + Vector512.Create(0.5));
        var t = (u - k * Vector512.Create(0.25)) * Vector512.Create(TwoPi);
        var z = t * t;
        var p = Vector512.Create(S13) + z * Vector512.Create(S15);
        p = Vector512.Create(S11) + z * p;
        p = Vector512.Create(S9) + z * p;
        p = Vector512.Create(S7) + z * p;
        p = Vector512.Create(S5) + z * p;
        p = Vector512.Create(S3) + z * p;
        var sin = t + t * (z * p);
        var q = Vector512.Create(K14) + z * Vector512.Create(K16);
        q = Vector512.Create(K12) + z * q;
        q = Vector512.Create(K10) + z * q;
        q = Vector512.Create(K8) + z * q;
        q = Vector512.Create(K6) + z * q;
        q = Vector512.Create(K4) + z * q;
        q = Vector512.Create(K2) + z * q;
        var cos = Vector512<double>.One + z * q;
        var is1 = Vector512.Equals(k, Vector512.Create(1.0));
        var is2 = Vector512.Equals(k, Vector512.Create(2.0));
        var is3 = Vector512.Equals(k, Vector512.Create(3.0));
        var swap = is1 | is3;
        var minusOne = Vector512.Create(-1.0);
        var sinSign = Vector512.ConditionalSelect(is2 | is3, minusOne, Vector512<double>.One);
        var cosSign = Vector512.ConditionalSelect(is1 | is2, minusOne, Vector512<double>.One);
        return (Vector512.ConditionalSelect(swap, cos, sin) * sinSign, Vector512.ConditionalSelect(swap, sin, cos) * cosSign);
    }

    /// <summary>sin and cos of 2 pi u in 256-bit lanes: the scalar form lane by lane, bit for bit (the same operations in the same order).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static (Vector256<double> Sin, Vector256<double> Cos) SinCosTwoPi(Vector256<double> u)
    {
        var k = Vector256.Floor(u * Vector256.Create(4.0) + Vector256.Create(0.5));
        var t = (u - k * Vector256.Create(0.25)) * Vector256.Create(TwoPi);
        var z = t * t;
        var p = Vector256.Create(S13) + z * Vector256.Create(S15);
        p = Vector256.Create(S11) + z * p;
        p = Vector256.Create(S9) + z * p;
        p = Vector256.Create(S7) + z * p;
        p = Vector256.Create(S5) + z * p;
        p = Vector256.Create(S3) + z * p;
        var sin = t + t * (z * p);
        var q = Vector256.Create(K14) + z * Vector256.Create(K16);
        q = Vector256.Create(K12) + z * q;
        q = Vector256.Create(K10) + z * q;
        q = Vector256.Create(K8) + z * q;
        q = Vector256.Create(K6) + z * q;
        q = Vector256.Create(K4) + z * q;
        q = Vector256.Create(K2) + z * q;
        var cos = Vector256<double>.One + z * q;
        var is1 = Vector256.Equals(k, Vector256.Create(1.0));
        var is2 = Vector256.Equals(k, Vector256.Create(2.0));
        var is3 = Vector256.Equals(k, Vector256.Create(3.0));
        var swap = is1 | is3;
        var minusOne = Vector256.Create(-1.0);
        var sinSign = Vector256.ConditionalSelect(is2 | is3, minusOne, Vector256<double>.One);
        var cosSign = Vector256.ConditionalSelect(is1 | is2, minusOne, Vector256<double>.One);
        return (Vector256.ConditionalSelect(swap, cos, sin) * sinSign, Vector256.ConditionalSelect(swap, sin, cos) * cosSign);
    }

    // ---- Box-Muller ------------------------------------------------------------------------------

    /// <summary>Two independent standard normals from two uniforms in (0, 1): radius sqrt(-2 ln u0), angle 2 pi u1; cosine branch first.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static (double Cos, double Sin) Normals(double u0, double u1)
    {
        double radius = Math.Sqrt(-2.0 * Log(u0)); // IEEE square root: correctly rounded in every form
        var (sin, cos) = SinCosTwoPi(u1);
        return (radius * cos, radius * sin);
    }

    /// <summary>Two standard normals per lane by Box-Muller in 512-bit lanes: the scalar form lane by lane, bit for bit (the same operations in the same order).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static (Vector512<double> Cos, Vector512<double> Sin) Normals(Vector512<double> u0, Vector512<double> u1)
    {
        var radius = Vector512.Sqrt(Vector512.Create(-2.0) * Log(u0));
        var (sin, cos) = SinCosTwoPi(u1);
        return (radius * cos, radius * sin);
    }

    /// <summary>Two standard normals per lane by Box-Muller in 256-bit lanes: the scalar form lane by lane, bit for bit (the same operations in the same order).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static (Vector256<double> Cos, Vector256<double> Sin) Normals(Vector256<double> u0, Vector256<double> u1)
    {
        var radius = Vector256.Sqrt(Vector256.Create(-2.0) * Log(u0));
        var (sin, cos) = SinCosTwoPi(u1);
        return (radius * cos, radius * sin);
    }

    /// <summary>
    /// Box-Muller over spans: lane j turns (u0[j], u1[j]) into cos[j] and sin[j], in the widest vectors the
    /// processor runs natively, the tail in scalar code, the same bits in every path. An empty
    /// <paramref name="sin"/> keeps only the cosine branch.
    /// </summary>
    public static void BoxMuller(ReadOnlySpan<double> u0, ReadOnlySpan<double> u1, Span<double> cos, Span<double> sin)
    {
        int n = u0.Length, i = 0;
        bool both = !sin.IsEmpty;
        if (Vector512.IsHardwareAccelerated)
            for (; i + 8 <= n; i += 8)
            {
                var (c, s) = Normals(Vector512.Create(u0.Slice(i, 8)), Vector512.Create(u1.Slice(i, 8)));
                c.CopyTo(cos.Slice(i, 8));
                if (both) s.CopyTo(sin.Slice(i, 8));
            }
        else if (Vector256.IsHardwareAccelerated)
            for (; i + 4 <= n; i += 4)
            {
                var (c, s) = Normals(Vector256.Create(u0.Slice(i, 4)), Vector256.Create(u1.Slice(i, 4)));
                c.CopyTo(cos.Slice(i, 4));
                if (both) s.CopyTo(sin.Slice(i, 4));
            }
        for (; i < n; i++)
        {
            var (c, s) = Normals(u0[i], u1[i]);
            cos[i] = c;
            if (both) sin[i] = s;
        }
    }

    /// <summary>y = ln x over spans (x positive normal doubles, here uniforms), in the widest vectors the processor runs natively, the tail in scalar code, the same bits in every path.</summary>
    public static void Logs(ReadOnlySpan<double> x, Span<double> y)
    {
        int n = x.Length, i = 0;
        if (Vector512.IsHardwareAccelerated)
            for (; i + 8 <= n; i += 8)
                Log(Vector512.Create(x.Slice(i, 8))).CopyTo(y.Slice(i, 8));
        else if (Vector256.IsHardwareAccelerated)
            for (; i + 4 <= n; i += 4)
                Log(Vector256.Create(x.Slice(i, 4))).CopyTo(y.Slice(i, 4));
        for (; i < n; i++) y[i] = Log(x[i]);
    }
}
