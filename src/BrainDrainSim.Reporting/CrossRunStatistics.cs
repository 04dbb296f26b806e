using MathNet.Numerics.Statistics;

namespace BrainDrainSim.Reporting;

/// <summary>
/// One value's distribution over the replications: count of defined values, mean, standard deviation (n - 1)
/// and the 5/25/50/75/95th percentiles (Hyndman-Fan type 7, the numpy and R default). An undefined figure is
/// NaN here and an empty cell in the CSV files, with <see cref="Status"/> saying why.
/// </summary>
public sealed record CrossRunStatistics
{
    /// <summary>The percentile levels reported, in column order (p05, p25, p50, p75, p95).</summary>
    public static IReadOnlyList<double> Levels { get; } = [0.05, 0.25, 0.50, 0.75, 0.95];

    public const string StatusOk = "ok";
    public const string StatusNoValues = "undefined: no replication defines this value";
    public const string StatusSdUndefined = "sd undefined: fewer than 2 values";
    public const string StatusOverflow = "undefined: a figure overflowed the range of double";

    /// <summary>How many replications define the value (non-NaN, finite).</summary>
    public int N { get; init; }
    /// <summary>How many replications were looked at, defined or not.</summary>
    public int Replications { get; init; }
    public double Mean { get; init; } = double.NaN;
    public double Sd { get; init; } = double.NaN;
    public double P05 { get; init; } = double.NaN;
    public double P25 { get; init; } = double.NaN;
    public double P50 { get; init; } = double.NaN;
    public double P75 { get; init; } = double.NaN;
    public double P95 { get; init; } = double.NaN;

    /// <summary><c>ok</c>, or why some figures are undefined.</summary>
    public string Status
    {
        get
        {
            if (N == 0) return StatusNoValues;
            // Finite inputs can still overflow a sum; say so rather than leave an unexplained empty cell.
            if (!double.IsFinite(Mean) || (N >= 2 && !double.IsFinite(Sd)) || Percentiles.Any(p => !double.IsFinite(p)))
                return StatusOverflow;
            return N == 1 ? StatusSdUndefined : StatusOk;
        }
    }

    /// <summary>The percentiles in the order of <see cref="Levels"/>.</summary>
    public IReadOnlyList<double> Percentiles => [P05, P25, P50, P75, P95];

    /// <summary>
    /// Summarises values given in replication order. NaN (and, defensively, infinities) count as undefined and
    /// are left out. Sums run in the given order, so the same input in the same order gives the same bits.
    /// </summary>
    public static CrossRunStatistics Of(ReadOnlySpan<double> valuesInReplicationOrder)
    {
        int replications = valuesInReplicationOrder.Length;
        var defined = new List<double>(replications);
        foreach (var v in valuesInReplicationOrder)
            if (double.IsFinite(v)) defined.Add(v);

        int n = defined.Count;
        if (n == 0) return new CrossRunStatistics { N = 0, Replications = replications };

        var sorted = defined.ToArray();
        Array.Sort(sorted);

        double mean, sd;
        if (sorted[0] == sorted[^1])
        {
            // Identical values (a quantity no draw touched): sum / n can miss the value in the last bit
            // (0.1 * 3 / 3 = 0.10000000000000002) and give sd 1.7e-17; report the value itself and sd 0.
            mean = sorted[0];
            sd = n >= 2 ? 0 : double.NaN;
        }
        else
        {
            double sum = 0;
            foreach (var v in defined) sum += v;
            mean = sum / n;

            // Two passes rather than a running update: no cancellation for large levels such as
            // cumulative costs in KRW, and a fixed order of operations.
            sd = double.NaN;
            if (n >= 2)
            {
                double ss = 0;
                foreach (var v in defined)
                {
                    double d = v - mean;
                    ss += d * d;
                }
                sd = Math.Sqrt(ss / (n - 1));
            }
        }

        return new CrossRunStatistics
        {
            N = n,
            Replications = replications,
            Mean = mean,
            Sd = sd,
            P05 = QuantileType7(sorted, 0.05),
            P25 = QuantileType7(sorted, 0.25),
            P50 = QuantileType7(sorted, 0.50),
            P75 = QuantileType7(sorted, 0.75),
            P95 = QuantileType7(sorted, 0.95),
        };
    }

    /// <summary>
    /// Hyndman-Fan type 7 quantile of ascending, finite data: h = (n - 1) tau, interpolate between the order
    /// statistics around h. MathNet's plain <c>Quantile</c> is type 8, which numpy and R users would not expect.
    /// </summary>
    public static double QuantileType7(double[] sortedAscending, double tau)
    {
        ArgumentNullException.ThrowIfNull(sortedAscending);
        if (sortedAscending.Length == 0) return double.NaN;
        if (sortedAscending.Length == 1) return sortedAscending[0];
        return SortedArrayStatistics.QuantileCustom(sortedAscending, tau, QuantileDefinition.R7);
    }
}
