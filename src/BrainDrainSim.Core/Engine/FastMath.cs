using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace BrainDrainSim.Engine;

/// <summary>
/// exp, hand-written so that the scalar form and the 256- and 512-bit vector
/// forms perform the same IEEE operations in the same order (no fused multiply-add, no library call):
/// a lane of a vector gives the same bits as the scalar call, so outputs do not depend on the
/// processor's vector width (model.md: determinism). Relative error about 2e-16 on [-708, 708].
/// </summary>
public static class FastMath
{
    private const double Log2E = 1.4426950408889634;
    // ln 2 split in two (Cephes): n * Ln2Hi is exact for |n| < 2^11, so the reduction loses nothing.
    private const double Ln2Hi = 6.93145751953125E-1;
    private const double Ln2Lo = 1.42860682030941723212E-6;
    private const double Limit = 708;

    // 1/k! for the Taylor series of e^r on |r| <= ln2/2, where the 13th term is below 1e-16.
    private const double C2 = 1.0 / 2, C3 = 1.0 / 6, C4 = 1.0 / 24, C5 = 1.0 / 120, C6 = 1.0 / 720, C7 = 1.0 / 5040,
        C8 = 1.0 / 40320, C9 = 1.0 / 362880, C10 = 1.0 / 3628800, C11 = 1.0 / 39916800, C12 = 1.0 / 479001600;

    /// <summary>e^x, with x clamped to [-708, 708] (so e^x stays a normal double; callers never need more).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Exp(double x)
    {
        x = Math.Min(Math.Max(x, -Limit), Limit);
        double n = Math.Floor(x * Log2E + 0.5);
        double r = x - n * Ln2Hi;
        r = r - n * Ln2Lo;
        double p = C11 + r * C12;
        p = C10 + r * p;
        p = C9 + r * p;
        p = C8 + r * p;
        p = C7 + r * p;
        p = C6 + r * p;
        p = C5 + r * p;
        p = C4 + r * p;
        p = C3 + r * p;
        p = C2 + r * p;
        p = 1.0 + r * p;
        p = 1.0 + r * p;
        double scale = BitConverter.Int64BitsToDouble(((long)n + 1023) << 52);
        return p * scale;
    }

    /// <summary>e^x in 512-bit lanes: the scalar form lane by lane, bit for bit (the same operations in the same order).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> Exp(Vector512<double> x)
    {
        x = Vector512.Min(Vector512.Max(x, Vector512.Create(-Limit)), Vector512.Create(Limit));
        var n = Vector512.Floor(x * Vector512.Create(Log2E) + Vector512.Create(0.5));
        var r = x - n * Vector512.Create(Ln2Hi);
        r = r - n * Vector512.Create(Ln2Lo);
        var p = Vector512.Create(C11) + r * Vector512.Create(C12);
        p = Vector512.Create(C10) + r * p;
        p = Vector512.Create(C9) + r * p;
        p = Vector512.Create(C8) + r * p;
        p = Vector512.Create(C7) + r * p;
        p = Vector512.Create(C6) + r * p;
        p = Vector512.Create(C5) + r * p;
        p = Vector512.Create(C4) + r * p;
        p = Vector512.Create(C3) + r * p;
        p = Vector512.Create(C2) + r * p;
        p = Vector512<double>.One + r * p;
        p = Vector512<double>.One + r * p;
        var bits = Vector512.ShiftLeft(Vector512.ConvertToInt64(n) + Vector512.Create(1023L), 52);
        return p * bits.AsDouble();
    }

    /// <summary>e^x in 256-bit lanes: the scalar form lane by lane, bit for bit (the same operations in the same order).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> Exp(Vector256<double> x)
    {
        x = Vector256.Min(Vector256.Max(x, Vector256.Create(-Limit)), Vector256.Create(Limit));
        var n = Vector256.Floor(x * Vector256.Create(Log2E) + Vector256.Create(0.5));
        var r = x - n * Vector256.Create(Ln2Hi);
        r = r - n * Vector256.Create(Ln2Lo);
        var p = Vector256.Create(C11) + r * Vector256.Create(C12);
        p = Vector256.Create(C10) + r * p;
        p = Vector256.Create(C9) + r * p;
        p = Vector256.Create(C8) + r * p;
        p = Vector256.Create(C7) + r * p;
        p = Vector256.Create(C6) + r * p;
        p = Vector256.Create(C5) + r * p;
        p = Vector256.Create(C4) + r * p;
        p = Vector256.Create(C3) + r * p;
        p = Vector256.Create(C2) + r * p;
        p = Vector256<double>.One + r * p;
        p = Vector256<double>.One + r * p;
        var bits = Vector256.ShiftLeft(Vector256.ConvertToInt64(n) + Vector256.Create(1023L), 52);
        return p * bits.AsDouble();
    }

    /// <summary>y = e^x over spans, in the widest vectors the processor runs natively, the tail in scalar code.</summary>
    public static void Exps(ReadOnlySpan<double> x, Span<double> y)
    {
        int n = x.Length, i = 0;
        if (Vector512.IsHardwareAccelerated)
            for (; i + 8 <= n; i += 8)
                Exp(Vector512.Create(x.Slice(i, 8))).CopyTo(y.Slice(i, 8));
        else if (Vector256.IsHardwareAccelerated)
            for (; i + 4 <= n; i += 4)
                Exp(Vector256.Create(x.Slice(i, 4))).CopyTo(y.Slice(i, 4));
        for (; i < n; i++) y[i] = Exp(x[i]);
    }
}
