using System.Runtime.Intrinsics;

namespace BrainDrainSim.Engine;

/// <summary>
/// Finds, among up to 64 researchers, those whose draw fires any of the month's three events
/// (u0 &lt; p: intent or return; u1 &lt; exit; u2 &lt; advance), as a bit mask. Events are rare, so the
/// engine then visits only the set bits. Comparisons are exact, so every width gives the same mask.
/// </summary>
internal static class Events
{
    public static ulong Fired(ReadOnlySpan<double> u0, ReadOnlySpan<double> p, ReadOnlySpan<double> u1, ReadOnlySpan<double> exit,
        ReadOnlySpan<double> u2, ReadOnlySpan<double> advance, int start, int n)
    {
        ulong mask = 0;
        int j = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            for (; j + 8 <= n; j += 8)
            {
                int o = start + j;
                var any = Vector512.LessThan(Vector512.Create(u0.Slice(o, 8)), Vector512.Create(p.Slice(o, 8)))
                        | Vector512.LessThan(Vector512.Create(u1.Slice(o, 8)), Vector512.Create(exit.Slice(o, 8)))
                        | Vector512.LessThan(Vector512.Create(u2.Slice(o, 8)), Vector512.Create(advance.Slice(o, 8)));
                mask |= any.ExtractMostSignificantBits() << j;
            }
        }
        for (; j < n; j++)
        {
            int o = start + j;
            if (u0[o] < p[o] || u1[o] < exit[o] || u2[o] < advance[o]) mask |= 1UL << j;
        }
        return mask;
    }
}
