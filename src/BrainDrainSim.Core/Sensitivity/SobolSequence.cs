namespace BrainDrainSim.Sensitivity;

/// <summary>
/// The unscrambled Sobol low-discrepancy sequence (Sobol 1967) in Gray-code order (Antonov and Saleev 1979):
/// point n is the XOR of the direction numbers v_k of the bits set in n ^ (n &gt;&gt; 1), so each point is a pure
/// function of its index and any range of indices can be computed on its own. Joe and Kuo's direction numbers
/// (new-joe-kuo-6.21201) for <see cref="MaxDimensions"/> dimensions, 32 binary digits: 2^32 points. Its first
/// point is the origin, which is why designs use <see cref="ScrambledSobolSequence"/> instead.
/// </summary>
public static class SobolSequence
{
    /// <summary>The dimensions available (0 .. 1110): Joe and Kuo's set keeps Property A that far.</summary>
    public const int MaxDimensions = SobolDirectionNumbers.Dimensions;

    /// <summary>Coordinate <paramref name="dimension"/> of point <paramref name="index"/> as a 32-bit binary fraction (x = word / 2^32).</summary>
    public static uint Word(uint index, int dimension)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(dimension);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(dimension, MaxDimensions);
        var v = SobolDirectionNumbers.Of(dimension);
        uint gray = index ^ (index >> 1);
        uint x = 0;
        while (gray != 0)
        {
            x ^= v[System.Numerics.BitOperations.TrailingZeroCount(gray)];
            gray &= gray - 1;
        }
        return x;
    }

    /// <summary>Coordinate <paramref name="dimension"/> of point <paramref name="index"/> in [0, 1), exactly word / 2^32.</summary>
    public static double Coordinate(uint index, int dimension) => Word(index, dimension) * (1.0 / 4294967296.0);
}
