using System.Runtime.CompilerServices;

namespace BrainDrainSim.Randomness;

/// <summary>
/// The Philox key of one replication, derived from the master seed and the replication index, and the
/// counter layout every draw uses: (entity low, entity high, month, purpose | sub-index &lt;&lt; 8).
/// Initial researcher i is entity (i, 0); an entrant is (rank within its month, entry month + 1).
/// </summary>
public readonly record struct StreamKey(uint K0, uint K1)
{
    /// <summary>The month word of draws made before the first month (setup).</summary>
    public const uint SetupMonth = 0xFFFF_FFFF;

    /// <summary>The replication's own seed: a SplitMix64 mix of the master seed and the index.</summary>
    public static ulong ReplicationSeed(ulong masterSeed, int replication) =>
        SplitMix64(masterSeed ^ SplitMix64(0x5EED_0000_0000_0000UL + (ulong)replication));

    /// <summary>The Philox key of a replication: its 64-bit seed split into the two 32-bit key words.</summary>
    public static StreamKey FromSeed(ulong replicationSeed) => new((uint)replicationSeed, (uint)(replicationSeed >> 32));

    /// <summary>Four uniforms in (0, 1) for one (entity, month, purpose, sub-index).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Uniforms(uint entityLo, uint entityHi, uint month, Purpose purpose, uint sub,
        out double u0, out double u1, out double u2, out double u3)
    {
        uint c0 = entityLo, c1 = entityHi, c2 = month, c3 = (uint)purpose | (sub << 8);
        Philox4x32.Hash(ref c0, ref c1, ref c2, ref c3, K0, K1);
        u0 = Philox4x32.ToUnit(c0);
        u1 = Philox4x32.ToUnit(c1);
        u2 = Philox4x32.ToUnit(c2);
        u3 = Philox4x32.ToUnit(c3);
    }

    /// <summary>Four raw 32-bit words for one (entity, month, purpose, sub-index).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Words(uint entityLo, uint entityHi, uint month, Purpose purpose, uint sub,
        out uint w0, out uint w1, out uint w2, out uint w3)
    {
        uint c0 = entityLo, c1 = entityHi, c2 = month, c3 = (uint)purpose | (sub << 8);
        Philox4x32.Hash(ref c0, ref c1, ref c2, ref c3, K0, K1);
        w0 = c0; w1 = c1; w2 = c2; w3 = c3;
    }

    /// <summary>Vigna's SplitMix64 output function of one 64-bit value (a strong, cheap mix).</summary>
    public static ulong SplitMix64(ulong x)
    {
        x += 0x9E3779B97F4A7C15UL;
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL;
        x = (x ^ (x >> 27)) * 0x94D049BB133111EBUL;
        return x ^ (x >> 31);
    }

    /// <summary>FNV-1a 64 of a path's UTF-8 bytes: an uncertain quantity is keyed by its path, not its position.</summary>
    public static ulong PathHash(string path)
    {
        ulong h = 0xCBF29CE484222325UL;
        foreach (byte b in System.Text.Encoding.UTF8.GetBytes(path))
        {
            h ^= b;
            h *= 0x100000001B3UL;
        }
        return h;
    }
}
