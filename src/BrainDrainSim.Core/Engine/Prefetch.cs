using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics.X86;

namespace BrainDrainSim.Engine;

/// <summary>
/// Asks the processor to start loading a researcher's data before the event loop reaches it. A month's due
/// researchers sit at addresses no hardware prefetcher can guess, so each event used to wait for its own
/// cache misses one after the other; a hint issued some entries ahead lets those misses overlap. A hint
/// never changes a result: it reads nothing, cannot fault (even at an address the garbage collector has
/// since moved), and is skipped on processors without it. This is the only unsafe code in the project
/// (a managed reference has to become an address for the instruction).
/// </summary>
internal static unsafe class Prefetch
{
    /// <summary>How many entries of a due list ahead the loops issue their hints: enough to cover a miss to memory (a few hundred cycles) at the cost of one event each.</summary>
    public const int Ahead = 8;

    /// <summary>A hint for the cache line holding <paramref name="at"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Line<T>(ref T at)
    {
        if (Sse.IsSupported) Sse.Prefetch0(Unsafe.AsPointer(ref at));
    }

    /// <summary>Hints for both ends of <paramref name="at"/>, which may straddle two cache lines.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Both<T>(ref T at)
    {
        if (!Sse.IsSupported) return;
        byte* first = (byte*)Unsafe.AsPointer(ref at);
        Sse.Prefetch0(first);
        Sse.Prefetch0(first + Unsafe.SizeOf<T>() - 1);
    }
}
