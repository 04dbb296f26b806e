using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace BrainDrainSim.Randomness;

/// <summary>
/// Philox4x32-10 for many researchers at once: lane j hashes counter (lo[j], hi[j], month, purpose).
/// 32-bit words ride in 64-bit lanes so that the 32x32 -> 64-bit products of a round are plain lane
/// multiplies. Integer arithmetic is exact, so every width gives the scalar generator's words; the
/// tests check lanes against <see cref="Philox4x32.Hash"/>.
/// </summary>
public static class PhiloxBatch
{
    private const ulong M0 = 0xD2511F53, M1 = 0xCD9E8D57;
    private const uint W0 = 0x9E3779B9, W1 = 0xBB67AE85;
    private const ulong Low32 = 0xFFFF_FFFF;

    /// <summary>The first three words of each lane's block as uniforms in (0, 1), exactly as <see cref="Philox4x32.ToUnit"/>.</summary>
    public static void Uniforms(StreamKey key, ReadOnlySpan<uint> lo, ReadOnlySpan<uint> hi, uint month, Purpose purpose,
        Span<double> u0, Span<double> u1, Span<double> u2)
    {
        int n = lo.Length, i = 0;
        uint c3 = (uint)purpose;
        if (Vector512.IsHardwareAccelerated)
        {
            for (; i + 8 <= n; i += 8)
            {
                var c0 = Widen(Vector256.Create(lo.Slice(i, 8)));
                var c1 = Widen(Vector256.Create(hi.Slice(i, 8)));
                Rounds512(ref c0, ref c1, out var c2, Vector512.Create((ulong)month), Vector512.Create((ulong)c3), key.K0, key.K1);
                ToUnit(c0).CopyTo(u0.Slice(i, 8));
                ToUnit(c1).CopyTo(u1.Slice(i, 8));
                ToUnit(c2).CopyTo(u2.Slice(i, 8));
            }
        }
        for (; i < n; i++)
        {
            uint a = lo[i], b = hi[i], c = month, d = c3;
            Philox4x32.Hash(ref a, ref b, ref c, ref d, key.K0, key.K1);
            u0[i] = Philox4x32.ToUnit(a);
            u1[i] = Philox4x32.ToUnit(b);
            u2[i] = Philox4x32.ToUnit(c);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<ulong> Widen(Vector256<uint> v)
    {
        var (lower, upper) = Vector256.Widen(v);
        return Vector512.Create(lower, upper);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<double> ToUnit(Vector512<ulong> w) =>
        (Vector512.ConvertToDouble(w) + Vector512.Create(0.5)) * Vector512.Create(1.0 / 4294967296.0);

    /// <summary>
    /// The full 64-bit product of the low 32 bits of each lane: one vpmuludq where AVX-512F runs
    /// (a plain 64-bit lane multiply costs three times as much on Zen 4), the same value either way.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<ulong> MulLow32(Vector512<ulong> a, Vector512<ulong> b) =>
        Avx512F.IsSupported ? Avx512F.Multiply(a.AsUInt32(), b.AsUInt32()) : a * b;

    /// <summary>Ten rounds on eight lanes; returns words 0, 1, 2 of each lane (word 3 is not needed here).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Rounds512(ref Vector512<ulong> c0, ref Vector512<ulong> c1, out Vector512<ulong> c2Out,
        Vector512<ulong> c2, Vector512<ulong> c3, uint k0, uint k1)
    {
        var mask = Vector512.Create(Low32);
        var m0 = Vector512.Create(M0);
        var m1 = Vector512.Create(M1);
        for (int round = 0; round < 10; round++)
        {
            if (round > 0) { k0 += W0; k1 += W1; }
            var p0 = MulLow32(m0, c0);
            var p1 = MulLow32(m1, c2);
            var n0 = Vector512.ShiftRightLogical(p1, 32) ^ c1 ^ Vector512.Create((ulong)k0);
            var n1 = p1 & mask;
            var n2 = Vector512.ShiftRightLogical(p0, 32) ^ c3 ^ Vector512.Create((ulong)k1);
            var n3 = p0 & mask;
            c0 = n0; c1 = n1; c2 = n2; c3 = n3;
        }
        c2Out = c2;
    }
}
