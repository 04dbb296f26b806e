using System.Globalization;
using System.Reflection;

namespace BrainDrainSim.Sensitivity;

/// <summary>
/// The direction numbers v_1 .. v_32 of each Sobol dimension, as 32-bit binary fractions, built from Joe and
/// Kuo's initial numbers (new-joe-kuo-6.21201, their recommended set; the embedded file's header cites it) by
/// Bratley and Fox's recurrence. The first 1111 dimensions are kept: Joe and Kuo's set has Property A up to
/// dimension 1111, and a Saltelli design of up to 555 columns (A's and B's side by side) fits in them, far more
/// than the scenario library's uncertain inputs; the remaining 20,090 lines would add 1.8 MB for nothing used.
/// </summary>
internal static class SobolDirectionNumbers
{
    /// <summary>The dimensions kept (dimension 0 is van der Corput's, the others lines 2 .. 1111 of the file).</summary>
    internal const int Dimensions = 1111;

    /// <summary>Binary digits per coordinate: the sequence has 2^32 points.</summary>
    internal const int Bits = 32;

    internal const string ResourceName = "BrainDrainSim.Sensitivity.new-joe-kuo-6.21201.first-1111.txt";

    private static readonly Lazy<uint[]> Table = new(Build);

    /// <summary>The 32 direction numbers of one dimension, v_1 (the half) first.</summary>
    internal static ReadOnlySpan<uint> Of(int dimension) => Table.Value.AsSpan(dimension * Bits, Bits);

    private static uint[] Build()
    {
        var table = new uint[Dimensions * Bits];
        // Dimension 0 is the van der Corput sequence: v_k = 2^-k, which no line of the file describes.
        for (int k = 0; k < Bits; k++) table[k] = 1u << (31 - k);

        using var stream = typeof(SobolDirectionNumbers).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource '{ResourceName}' is missing from {Assembly.GetExecutingAssembly().GetName().Name}.");
        using var reader = new StreamReader(stream);
        int dimension = 1;
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#' || line[0] == 'd') continue;
            if (dimension >= Dimensions) throw Corrupt(line, "more lines than dimensions");
            var fields = line.Split(' ');
            int d = Parse(fields[0], line), s = Parse(fields[1], line), a = Parse(fields[2], line);
            if (d != dimension + 1) throw Corrupt(line, $"dimension {dimension + 1} expected");
            if (s < 1 || s >= Bits || fields.Length != 3 + s) throw Corrupt(line, "the degree and the count of m_i disagree");
            var v = table.AsSpan(dimension * Bits, Bits);
            for (int k = 0; k < s; k++)
            {
                int m = Parse(fields[3 + k], line);
                // m_k is odd and below 2^k (Sobol's condition): anything else is a damaged table.
                if ((m & 1) == 0 || m >= 1 << (k + 1)) throw Corrupt(line, $"m_{k + 1} = {m} is not odd and below 2^{k + 1}");
                v[k] = (uint)m << (31 - k);
            }
            // Bratley and Fox (1988): v_k = a_1 v_(k-1) ^ ... ^ a_(s-1) v_(k-s+1) ^ v_(k-s) ^ (v_(k-s) >> s), where
            // a_i is bit s-1-i of a (the polynomial's inner coefficients, highest degree first).
            for (int k = s; k < Bits; k++)
            {
                uint x = v[k - s] ^ (v[k - s] >> s);
                for (int i = 1; i < s; i++)
                {
                    if (((a >> (s - 1 - i)) & 1) != 0) x ^= v[k - i];
                }
                v[k] = x;
            }
            dimension++;
        }
        if (dimension != Dimensions) throw new InvalidOperationException($"The embedded direction numbers hold {dimension} dimensions, not {Dimensions}.");
        return table;
    }

    private static int Parse(string field, string line) =>
        int.TryParse(field, NumberStyles.None, CultureInfo.InvariantCulture, out int value) ? value : throw Corrupt(line, $"'{field}' is not a whole number");

    private static InvalidOperationException Corrupt(string line, string why) =>
        new($"The embedded direction numbers are damaged at \"{line}\": {why}.");
}
