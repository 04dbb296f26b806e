using System.Runtime.CompilerServices;

namespace BrainDrainSim.Randomness;

/// <summary>
/// The draw every researcher present makes every month, the one draw of the hot loop. Each researcher
/// owns a SplitMix64 stream: its 64-bit seed comes once from Philox4x32-10 (entity key, setup month,
/// <see cref="Purpose.Month"/>), so streams are keyed by replication and entity exactly like every other
/// draw, and month t's word is output t of Vigna's SplitMix64 seeded there: mix(seed + (t + 1) * gamma).
/// That is one add, two multiplies and three shift-xors per researcher-month, eight researchers to a
/// 512-bit vector, where Philox4x32-10 costs ten rounds; SplitMix64's output passes BigCrush, and the
/// tests hold the words to the published reference vector and to uniformity and independence checks.
/// The 64-bit word is cut into three fields compared as integers against thresholds:
/// the decision (bits 40-63, 24 bits), the exit (bits 20-39) and the advancement (bits 0-19).
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1711", Justification = "A per-researcher SplitMix64 stream of random words, as docs/model.md 3.3.8 names it; not a System.IO.Stream")]
public static class MonthStream
{
    /// <summary>SplitMix64's increment (the golden ratio in 64 bits).</summary>
    public const ulong Gamma = 0x9E3779B97F4A7C15UL;

    /// <summary>Bits of the decision draw (intent at home, return abroad): a probability is honoured to 2^-24.</summary>
    public const int DecisionBits = 24;

    /// <summary>Bits of each of the exit and advancement draws: a probability is honoured to 2^-20.</summary>
    public const int LifeBits = 20;
    private const ulong LifeMask = (1UL << LifeBits) - 1;

    /// <summary>The seed of a researcher's monthly stream.</summary>
    public static ulong Seed(StreamKey key, uint entityLo, uint entityHi)
    {
        key.Words(entityLo, entityHi, StreamKey.SetupMonth, Purpose.Month, 0, out uint w0, out uint w1, out _, out _);
        return w0 | (ulong)w1 << 32;
    }

    /// <summary>
    /// <see cref="Seed"/> for many researchers at once, through the batched Philox in vector lanes. The batch
    /// gives each word as the uniform (w + 1/2) / 2^32, which is exact in a double (33 significant bits), so
    /// u * 2^32 - 1/2 gives the word back exactly; the tests hold every seed to the scalar one.
    /// </summary>
    public static void Seeds(StreamKey key, ReadOnlySpan<uint> entityLo, ReadOnlySpan<uint> entityHi, Span<ulong> seeds)
    {
        const int chunk = 256;
        Span<double> u0 = stackalloc double[chunk], u1 = stackalloc double[chunk], u2 = stackalloc double[chunk];
        for (int start = 0; start < seeds.Length; start += chunk)
        {
            int n = Math.Min(chunk, seeds.Length - start);
            PhiloxBatch.Uniforms(key, entityLo.Slice(start, n), entityHi.Slice(start, n), StreamKey.SetupMonth, Purpose.Month,
                u0[..n], u1[..n], u2[..n]);
            for (int j = 0; j < n; j++)
                seeds[start + j] = Word32(u0[j]) | (ulong)Word32(u1[j]) << 32;
        }
    }

    private static uint Word32(double unit) => (uint)(unit * 4294967296.0 - 0.5);

    /// <summary>Month <paramref name="month"/>'s word: output number <paramref name="month"/> (from 0) of SplitMix64 seeded with <paramref name="seed"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Word(ulong seed, int month) => Mix(seed + (ulong)(month + 1) * Gamma);

    /// <summary>SplitMix64's output function (Stafford's variant 13), applied to an advanced state.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>The decision draw of a month's word: its top 24 bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint Decision(ulong word) => (uint)(word >> 40);

    /// <summary>The exit draw of a month's word: bits 20-39.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint Exit(ulong word) => (uint)((word >> LifeBits) & LifeMask);

    /// <summary>The advancement draw of a month's word: its low 20 bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint Advance(ulong word) => (uint)(word & LifeMask);

    /// <summary>
    /// The integer threshold T of a probability p for a field of <paramref name="bits"/> bits: a field value
    /// d fires when d &lt; T, the same event as U &lt; p for the uniform U = (d + 1/2) / 2^bits, so the event's
    /// probability is p rounded to the nearest multiple of 2^-bits (6e-8 for decisions, 1e-6 for exits
    /// and advancement). Zero (or NaN) never fires, one always does.
    /// </summary>
    public static uint Threshold(double p, int bits)
    {
        double scaled = p * (1UL << bits) - 0.5;
        if (!(scaled > 0)) return 0;
        return scaled >= (1UL << bits) ? 1u << bits : (uint)Math.Ceiling(scaled);
    }
}
