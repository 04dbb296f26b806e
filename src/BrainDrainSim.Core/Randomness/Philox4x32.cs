using System.Runtime.CompilerServices;

namespace BrainDrainSim.Randomness;

/// <summary>
/// Philox4x32-10 (Salmon et al., SC 2011; Random123): a counter-based generator. Every draw is a pure
/// function of a 128-bit counter and a 64-bit key, so a researcher's draw for a month and purpose is the
/// same whatever order, thread or shard computes it, and no per-agent generator state exists.
/// Checked against Random123's published known-answer vectors in the tests.
/// </summary>
public static class Philox4x32
{
    private const uint M0 = 0xD2511F53, M1 = 0xCD9E8D57;
    private const uint W0 = 0x9E3779B9, W1 = 0xBB67AE85;

    /// <summary>The ten-round bijection of (c0..c3) under key (k0, k1).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Hash(ref uint c0, ref uint c1, ref uint c2, ref uint c3, uint k0, uint k1)
    {
        for (int round = 0; round < 10; round++)
        {
            if (round > 0) { k0 += W0; k1 += W1; }
            ulong p0 = (ulong)M0 * c0;
            ulong p1 = (ulong)M1 * c2;
            uint n0 = (uint)(p1 >> 32) ^ c1 ^ k0;
            uint n1 = (uint)p1;
            uint n2 = (uint)(p0 >> 32) ^ c3 ^ k1;
            uint n3 = (uint)p0;
            c0 = n0; c1 = n1; c2 = n2; c3 = n3;
        }
    }

    /// <summary>Maps 32 random bits to a double strictly inside (0, 1), so logs and inverse CDFs stay finite.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double ToUnit(uint x) => (x + 0.5) * (1.0 / 4294967296.0);
}
