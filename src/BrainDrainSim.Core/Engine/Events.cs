using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using BrainDrainSim.Randomness;

namespace BrainDrainSim.Engine;

/// <summary>
/// The fused kernel of the sweep: for up to 64 researchers, this month's <see cref="MonthStream"/> words
/// and the mask of those whose word fires any of the month's three events (decision &lt; its hazard
/// threshold: intent at home or return abroad; exit field &lt; exit threshold; advancement field &lt;
/// advancement threshold). Events are rare, so the engine then visits only the set bits and redraws
/// their words there. Everything is integer arithmetic, so 512-bit, 256-bit and scalar lanes give the
/// same mask.
/// </summary>
internal static class Events
{
    /// <summary>The mask of researchers start .. start + n - 1 (bit j for start + j) whose word this month fires an event.</summary>
    /// <param name="seeds">Stream seeds, indexed from <paramref name="start"/>.</param>
    /// <param name="advance">(month + 1) * gamma: the month's advance of every stream.</param>
    /// <param name="decision">Each researcher's decision threshold (intent at home, return abroad) for this month.</param>
    /// <param name="exit">Each researcher's exit threshold.</param>
    /// <param name="advancement">Each researcher's advancement threshold.</param>
    /// <param name="start">The first researcher of the block.</param>
    /// <param name="n">Researchers in the block, at most 64.</param>
    public static ulong Fired(ReadOnlySpan<ulong> seeds, ulong advance, ReadOnlySpan<uint> decision, ReadOnlySpan<uint> exit,
        ReadOnlySpan<uint> advancement, int start, int n)
    {
        ulong mask = 0;
        int j = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            var step = Vector512.Create(advance);
            for (; j + 8 <= n; j += 8)
            {
                int o = start + j;
                var w = Mix(Vector512.Create(seeds.Slice(o, 8)) + step);
                var any = Vector512.LessThan(Vector512.ShiftRightLogical(w, 40), Widen(decision.Slice(o, 8)))
                        | Vector512.LessThan(Vector512.ShiftRightLogical(w, MonthStream.LifeBits) & Vector512.Create(LifeMask), Widen(exit.Slice(o, 8)))
                        | Vector512.LessThan(w & Vector512.Create(LifeMask), Widen(advancement.Slice(o, 8)));
                mask |= any.ExtractMostSignificantBits() << j;
            }
        }
        else if (Vector256.IsHardwareAccelerated)
        {
            var step = Vector256.Create(advance);
            for (; j + 4 <= n; j += 4)
            {
                int o = start + j;
                var w = Mix(Vector256.Create(seeds.Slice(o, 4)) + step);
                var any = Vector256.LessThan(Vector256.ShiftRightLogical(w, 40), Widen4(decision.Slice(o, 4)))
                        | Vector256.LessThan(Vector256.ShiftRightLogical(w, MonthStream.LifeBits) & Vector256.Create(LifeMask), Widen4(exit.Slice(o, 4)))
                        | Vector256.LessThan(w & Vector256.Create(LifeMask), Widen4(advancement.Slice(o, 4)));
                mask |= (ulong)any.ExtractMostSignificantBits() << j;
            }
        }
        for (; j < n; j++)
        {
            int o = start + j;
            ulong w = MonthStream.Mix(seeds[o] + advance);
            if (MonthStream.Decision(w) < decision[o] || MonthStream.Exit(w) < exit[o] || MonthStream.Advance(w) < advancement[o])
                mask |= 1UL << j;
        }
        return mask;
    }

    private const ulong LifeMask = (1UL << MonthStream.LifeBits) - 1;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<ulong> Mix(Vector512<ulong> z)
    {
        z = (z ^ Vector512.ShiftRightLogical(z, 30)) * Vector512.Create(0xBF58476D1CE4E5B9UL);
        z = (z ^ Vector512.ShiftRightLogical(z, 27)) * Vector512.Create(0x94D049BB133111EBUL);
        return z ^ Vector512.ShiftRightLogical(z, 31);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<ulong> Mix(Vector256<ulong> z)
    {
        z = (z ^ Vector256.ShiftRightLogical(z, 30)) * Vector256.Create(0xBF58476D1CE4E5B9UL);
        z = (z ^ Vector256.ShiftRightLogical(z, 27)) * Vector256.Create(0x94D049BB133111EBUL);
        return z ^ Vector256.ShiftRightLogical(z, 31);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<ulong> Widen(ReadOnlySpan<uint> eight) => Avx512F.ConvertToVector512UInt64(Vector256.Create(eight));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<ulong> Widen4(ReadOnlySpan<uint> four) => Vector256.WidenLower(Vector256.Create(Vector128.Create(four), Vector128<uint>.Zero));
}
