using System.Runtime.CompilerServices;
using BrainDrainSim.Randomness;

namespace BrainDrainSim.Sensitivity;

/// <summary>
/// The randomness of the sensitivity designs and estimators: Philox4x32-10 (the engine's generator) under a key
/// derived from the analysis's own 64-bit seed. The key is a SplitMix64 mix of the seed and a constant, so an
/// analysis run with the same number as a replication's seed still shares no bits with the engine's streams; the
/// third counter word names the use (scramble, bootstrap, trajectory), so the uses share none with each other.
/// Every draw is a pure function of (seed, counter): rows and resamples can be computed in any order or shard.
/// </summary>
internal readonly struct SensitivityStream
{
    /// <summary>The digit flips of the scrambled Sobol sequence.</summary>
    internal const uint ScrambleUse = 0x5C01_0001;

    /// <summary>The base rows of each bootstrap resample.</summary>
    internal const uint BootstrapUse = 0x5C01_0002;

    /// <summary>The base points, directions and factor orders of Morris trajectories.</summary>
    internal const uint TrajectoryUse = 0x5C01_0003;

    private readonly uint k0, k1;

    internal SensitivityStream(ulong seed)
    {
        ulong key = StreamKey.SplitMix64(seed ^ 0x5E75_1715_C0DE_0011UL);
        k0 = (uint)key;
        k1 = (uint)(key >> 32);
    }

    /// <summary>The four 32-bit words of Philox at counter (c0, c1, use, c3).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal void Words(uint c0, uint c1, uint use, uint c3, out uint w0, out uint w1, out uint w2, out uint w3)
    {
        Philox4x32.Hash(ref c0, ref c1, ref use, ref c3, k0, k1);
        w0 = c0; w1 = c1; w2 = use; w3 = c3;
    }

    /// <summary>
    /// A whole number in [0, n) from 32 random bits by multiply-and-shift (Lemire 2019). Its bias, at most n / 2^32
    /// in probability, is far below anything the bootstrap or a trajectory's draws could show.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static int Below(uint word, int n) => (int)(((ulong)word * (uint)n) >> 32);
}
