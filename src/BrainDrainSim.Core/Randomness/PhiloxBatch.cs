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
        Span<double> u0, Span<double> u1, Span<double> u2) => Uniforms(key, lo, hi, month, purpose, 0, u0, u1, u2, []);

    /// <summary>
    /// All four words of each lane's block for counter (lo[j], hi[j], month, purpose | sub &lt;&lt; 8), exactly as
    /// <see cref="StreamKey.Uniforms"/>; an empty <paramref name="u3"/> skips the fourth word.
    /// </summary>
    public static void Uniforms(StreamKey key, ReadOnlySpan<uint> lo, ReadOnlySpan<uint> hi, uint month, Purpose purpose, uint sub,
        Span<double> u0, Span<double> u1, Span<double> u2, Span<double> u3)
    {
        int n = lo.Length, i = 0;
        uint c3 = (uint)purpose | (sub << 8);
        bool four = !u3.IsEmpty;
        if (Vector512.IsHardwareAccelerated)
        {
            var month512 = Vector512.Create((ulong)month);
            var purpose512 = Vector512.Create((ulong)c3);
            // Four independent blocks of eight per pass: a round's multiply-shift-xor chain is long,
            // and interleaving four chains keeps the vector units busy instead of waiting on latency.
            for (; i + 32 <= n; i += 32)
            {
                var a = new Block(lo, hi, i, month512, purpose512);
                var b = new Block(lo, hi, i + 8, month512, purpose512);
                var c = new Block(lo, hi, i + 16, month512, purpose512);
                var d = new Block(lo, hi, i + 24, month512, purpose512);
                uint k0 = key.K0, k1 = key.K1;
                for (int round = 0; round < 10; round++)
                {
                    if (round > 0) { k0 += W0; k1 += W1; }
                    var kk0 = Vector512.Create((ulong)k0);
                    var kk1 = Vector512.Create((ulong)k1);
                    a.Round(kk0, kk1);
                    b.Round(kk0, kk1);
                    c.Round(kk0, kk1);
                    d.Round(kk0, kk1);
                }
                a.Store(u0, u1, u2, u3, four, i);
                b.Store(u0, u1, u2, u3, four, i + 8);
                c.Store(u0, u1, u2, u3, four, i + 16);
                d.Store(u0, u1, u2, u3, four, i + 24);
            }
            for (; i + 8 <= n; i += 8)
            {
                var a = new Block(lo, hi, i, month512, purpose512);
                uint k0 = key.K0, k1 = key.K1;
                for (int round = 0; round < 10; round++)
                {
                    if (round > 0) { k0 += W0; k1 += W1; }
                    a.Round(Vector512.Create((ulong)k0), Vector512.Create((ulong)k1));
                }
                a.Store(u0, u1, u2, u3, four, i);
            }
        }
        for (; i < n; i++)
        {
            uint a = lo[i], b = hi[i], c = month, d = c3;
            Philox4x32.Hash(ref a, ref b, ref c, ref d, key.K0, key.K1);
            u0[i] = Philox4x32.ToUnit(a);
            u1[i] = Philox4x32.ToUnit(b);
            u2[i] = Philox4x32.ToUnit(c);
            if (four) u3[i] = Philox4x32.ToUnit(d);
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

    /// <summary>Eight lanes' counters through the rounds.</summary>
    private struct Block
    {
        private Vector512<ulong> _c0, _c1, _c2, _c3;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public Block(ReadOnlySpan<uint> lo, ReadOnlySpan<uint> hi, int at, Vector512<ulong> month, Vector512<ulong> purpose)
        {
            _c0 = Widen(Vector256.Create(lo.Slice(at, 8)));
            _c1 = Widen(Vector256.Create(hi.Slice(at, 8)));
            _c2 = month;
            _c3 = purpose;
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Round(Vector512<ulong> k0, Vector512<ulong> k1)
        {
            var mask = Vector512.Create(Low32);
            var p0 = MulLow32(Vector512.Create(M0), _c0);
            var p1 = MulLow32(Vector512.Create(M1), _c2);
            _c0 = Vector512.ShiftRightLogical(p1, 32) ^ _c1 ^ k0;
            _c1 = p1 & mask;
            _c2 = Vector512.ShiftRightLogical(p0, 32) ^ _c3 ^ k1;
            _c3 = p0 & mask;
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public readonly void Store(Span<double> u0, Span<double> u1, Span<double> u2, Span<double> u3, bool four, int at)
        {
            ToUnit(_c0).CopyTo(u0.Slice(at, 8));
            ToUnit(_c1).CopyTo(u1.Slice(at, 8));
            ToUnit(_c2).CopyTo(u2.Slice(at, 8));
            if (four) ToUnit(_c3).CopyTo(u3.Slice(at, 8));
        }
    }
}
