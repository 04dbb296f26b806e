namespace BrainDrainSim.Sensitivity;

/// <summary>
/// The Sobol sequence under Owen's nested uniform scrambling (Owen 1995), keyed by a 64-bit seed: digit d of a
/// coordinate is flipped or not by a random bit that belongs to the node of the binary tree reached by the
/// coordinate's first d digits, so every elementary interval is mapped onto one of the same size. The scrambled
/// points are therefore still a (t, m, s)-net wherever the unscrambled ones were (the balance the tests check),
/// each point is uniform on the unit cube, and averages over them are unbiased with a variance that falls faster
/// than Monte Carlo's (Owen 1997). The node bits are Philox4x32-10 outputs under the seed's key (Burley 2020's
/// hash-based scheme with a strong hash): one Philox block holds the 127 bits of a 7-level subtree, so a
/// coordinate costs 5 blocks, well under a microsecond, nothing beside one simulation per design row.
/// Why this scramble: it is the full randomization the variance results are stated for, it keeps no state but the
/// seed (a row stays a pure function of seed and index), and its cost does not matter here. The Laine-Karras hash
/// (Burley 2020) has the same structure with a faster, weaker hash; a random linear matrix scramble with a digital
/// shift (Matoušek 1998) would also do on average (Owen 2003) but randomizes with far fewer bits; a digital shift
/// alone keeps the points' pattern, only moved.
/// Coordinates are the centres of their 2^-32 cells, (word + 1/2) / 2^32: Owen's scramble would draw the digits
/// past the 32nd at random, and fixing them at the cell's centre instead moves a point by under 2^-33 while keeping
/// every coordinate in [2^-33, 1 - 2^-33], never 0 or 1, so a normal inverse CDF stays within 6.34 standard deviations.
/// </summary>
public sealed class ScrambledSobolSequence
{
    // Levels of the tree whose bits one Philox block supplies: 1 + 2 + ... + 64 = 127 of its 128 bits.
    private const int LevelsPerBlock = 7;

    private readonly SensitivityStream stream;

    /// <summary>The sequence scrambled under <paramref name="seed"/>; the same seed gives the same points.</summary>
    public ScrambledSobolSequence(ulong seed)
    {
        Seed = seed;
        stream = new SensitivityStream(seed);
    }

    /// <summary>The seed the scramble is keyed by.</summary>
    public ulong Seed { get; }

    /// <summary>The dimensions available, as for <see cref="SobolSequence"/>.</summary>
    public static int MaxDimensions => SobolSequence.MaxDimensions;

    /// <summary>Coordinate <paramref name="dimension"/> of point <paramref name="index"/>, scrambled, as a 32-bit binary fraction.</summary>
    public uint Word(uint index, int dimension) => Scramble(SobolSequence.Word(index, dimension), dimension);

    /// <summary>Coordinate <paramref name="dimension"/> of point <paramref name="index"/> in [2^-33, 1 - 2^-33]: never 0 or 1.</summary>
    public double Coordinate(uint index, int dimension) => (Word(index, dimension) + 0.5) * (1.0 / 4294967296.0);

    /// <summary>Owen's nested scramble of one 32-digit coordinate of one dimension.</summary>
    internal uint Scramble(uint x, int dimension)
    {
        uint flips = 0;
        for (int start = 0; start < SobolDirectionNumbers.Bits; start += LevelsPerBlock)
        {
            // The subtree's root: the coordinate's first `start` digits behind a leading 1 that marks the depth,
            // so nodes of different depths never share a counter.
            uint node = start == 0 ? 1u : (1u << start) | (x >> (32 - start));
            stream.Words(node, (uint)dimension, SensitivityStream.ScrambleUse, 0, out uint w0, out uint w1, out uint w2, out uint w3);
            int levels = Math.Min(LevelsPerBlock, SobolDirectionNumbers.Bits - start);
            for (int r = 0; r < levels; r++)
            {
                int depth = start + r;
                // The digits between the subtree's root and this depth pick one of the 2^r nodes at this level;
                // level r of the subtree owns bits 2^r - 1 .. 2^(r+1) - 2 of the block.
                uint within = r == 0 ? 0 : (x >> (32 - depth)) & ((1u << r) - 1);
                int bit = (1 << r) - 1 + (int)within;
                uint word = (bit >> 5) switch { 0 => w0, 1 => w1, 2 => w2, _ => w3 };
                flips |= ((word >> (bit & 31)) & 1) << (31 - depth);
            }
        }
        return x ^ flips;
    }
}
