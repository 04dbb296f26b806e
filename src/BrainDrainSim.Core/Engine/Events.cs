using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace BrainDrainSim.Engine;

/// <summary>
/// Finds, among up to 64 researchers, those whose draw fires any of the month's three events
/// (u0 &lt; hazard: intent or return; u1 &lt; exit; u2 &lt; advance), as a bit mask. Events are rare, so the
/// engine then visits only the set bits. Comparisons are exact (a float probability widens to the same
/// double in every path), so every vector width gives the same mask.
/// </summary>
internal static class Events
{
    public static ulong Fired(ReadOnlySpan<double> u0, ReadOnlySpan<double> hazard, ReadOnlySpan<double> u1, ReadOnlySpan<float> exit,
        ReadOnlySpan<double> u2, ReadOnlySpan<float> advance, int start, int n)
    {
        ulong mask = 0;
        int j = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            for (; j + 8 <= n; j += 8)
            {
                int o = start + j;
                var any = Vector512.LessThan(Vector512.Create(u0.Slice(o, 8)), Vector512.Create(hazard.Slice(o, 8)))
                        | Vector512.LessThan(Vector512.Create(u1.Slice(o, 8)), Widen(exit.Slice(o, 8)))
                        | Vector512.LessThan(Vector512.Create(u2.Slice(o, 8)), Widen(advance.Slice(o, 8)));
                mask |= any.ExtractMostSignificantBits() << j;
            }
        }
        for (; j < n; j++)
        {
            int o = start + j;
            if (u0[o] < hazard[o] || u1[o] < exit[o] || u2[o] < advance[o]) mask |= 1UL << j;
        }
        return mask;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<double> Widen(ReadOnlySpan<float> eight)
    {
        var (lower, upper) = Vector256.Widen(Vector256.Create(eight));
        return Vector512.Create(lower, upper);
    }
}
