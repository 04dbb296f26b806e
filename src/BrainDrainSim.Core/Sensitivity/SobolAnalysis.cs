using MathNet.Numerics.Statistics;

namespace BrainDrainSim.Sensitivity;

/// <summary>
/// Sobol indices from the outputs of a <see cref="SaltelliDesign"/>, with bootstrap intervals.
/// With f_A, f_B, f_ABi and f_BAi the outputs of base point j's rows, m their mean over A and B, and V the
/// variance over A's and B's rows together (divided by 2N):
/// first order S_i = mean((f_B - m)(f_ABi - f_A)) / V (Saltelli et al. 2010);
/// total ST_i = mean((f_A - f_ABi)^2) / 2 / V (Jansen 1999);
/// second order S_jk = mean((f_BAj - m)(f_ABk - m) - (f_A - m)(f_B - m)) / V - S_j - S_k (Saltelli 2002, as SALib).
/// Centring on m changes no expectation (E[f_ABi - f_A] = 0), but it removes the term m · mean(f_ABi - f_A),
/// whose noise grows with the square of the quantity's level: researchers at home are counted in thousands while
/// a policy moves them by tens. It also makes the indices of f + c those of f, exactly as far as rounding allows.
/// A factor the model does not read leaves f_ABi = f_A on every row, so its S_i and ST_i are exactly 0.
/// </summary>
public static class SobolAnalysis
{
    /// <summary>
    /// Resamples when none are given: 1,000, the number Efron and Tibshirani (1993) advise for percentile
    /// intervals, whose 2.5% and 97.5% ends then rest on 25 resamples each. Their cost is N times the factors per
    /// resample, a fraction of a second for the designs a simulation can afford.
    /// </summary>
    public const int DefaultResamples = 1000;

    /// <summary>The fewest resamples a 95% percentile interval is allowed to rest on.</summary>
    public const int MinimumResamples = 100;

    /// <summary>The coverage of the intervals.</summary>
    public const double Confidence = 0.95;

    /// <summary>
    /// The indices of one quantity. <paramref name="outputs"/> holds the model's output for every row of the
    /// design, in row order. Resample r draws N base points with replacement from Philox under
    /// <paramref name="bootstrapSeed"/>, a pure function of (seed, r, position): the same seed gives the same bits.
    /// </summary>
    public static SobolResult Analyze(SaltelliDesign design, ReadOnlySpan<double> outputs, ulong bootstrapSeed, int resamples = DefaultResamples)
    {
        ArgumentNullException.ThrowIfNull(design);
        if (outputs.Length != design.RowCount)
        {
            throw new ArgumentException($"The design has {design.RowCount} rows but {outputs.Length} outputs were given.", nameof(outputs));
        }
        ArgumentOutOfRangeException.ThrowIfLessThan(resamples, MinimumResamples);

        int f = design.FactorCount;
        int pairs = design.SecondOrder ? f * (f - 1) / 2 : 0;
        foreach (double y in outputs)
        {
            if (!double.IsFinite(y)) return Undefined(design, IndexStatus.NonFiniteOutput, resamples);
        }

        var runs = new BaseRuns(design, outputs);
        if (!runs.Varies()) return Undefined(design, IndexStatus.ZeroVariance, resamples);

        int width = 2 * f + pairs;
        var estimate = new double[width];
        double variance = runs.Estimate(null, estimate);

        // Each resample's indices, stored index by index so that each index's values sort on their own.
        var draws = new double[width][];
        for (int k = 0; k < width; k++) draws[k] = new double[resamples];
        var stream = new SensitivityStream(bootstrapSeed);
        var rows = new int[design.BaseCount];
        var values = new double[width];
        int usable = 0;
        for (int r = 0; r < resamples; r++)
        {
            Draw(stream, r, rows);
            if (runs.Estimate(rows, values) == 0) continue;
            for (int k = 0; k < width; k++) draws[k][usable] = values[k];
            usable++;
        }

        IndexEstimate Interval(int k)
        {
            if (usable == 0) return new IndexEstimate(estimate[k], estimate[k], estimate[k]);
            var sorted = draws[k].AsSpan(0, usable).ToArray();
            Array.Sort(sorted);
            double tail = (1 - Confidence) / 2;
            return new IndexEstimate(estimate[k],
                SortedArrayStatistics.QuantileCustom(sorted, tail, QuantileDefinition.R7),
                SortedArrayStatistics.QuantileCustom(sorted, 1 - tail, QuantileDefinition.R7));
        }

        var factors = new FactorSobolIndices[f];
        for (int i = 0; i < f; i++) factors[i] = new FactorSobolIndices(i, Interval(i), Interval(f + i));
        var second = new SecondOrderIndex[pairs];
        for (int j = 0, p = 0; j < f && design.SecondOrder; j++)
        {
            for (int k = j + 1; k < f; k++, p++) second[p] = new SecondOrderIndex(j, k, Interval(2 * f + p));
        }
        return new SobolResult(IndexStatus.Defined, variance, factors, second, resamples, usable);
    }

    private static SobolResult Undefined(SaltelliDesign design, IndexStatus status, int resamples)
    {
        int f = design.FactorCount;
        var factors = Enumerable.Range(0, f).Select(i => new FactorSobolIndices(i, null, null)).ToArray();
        var second = new List<SecondOrderIndex>();
        for (int j = 0; j < f && design.SecondOrder; j++)
        {
            for (int k = j + 1; k < f; k++) second.Add(new SecondOrderIndex(j, k, null));
        }
        return new SobolResult(status, null, factors, second, resamples, 0);
    }

    // Resample r's base points: four draws per Philox block, counter (block, r).
    private static void Draw(SensitivityStream stream, int resample, int[] rows)
    {
        int n = rows.Length;
        for (int block = 0; block * 4 < n; block++)
        {
            stream.Words((uint)block, (uint)resample, SensitivityStream.BootstrapUse, 0, out uint w0, out uint w1, out uint w2, out uint w3);
            int at = block * 4;
            rows[at] = SensitivityStream.Below(w0, n);
            if (at + 1 < n) rows[at + 1] = SensitivityStream.Below(w1, n);
            if (at + 2 < n) rows[at + 2] = SensitivityStream.Below(w2, n);
            if (at + 3 < n) rows[at + 3] = SensitivityStream.Below(w3, n);
        }
    }

    /// <summary>The outputs regrouped by base point: f_A, f_B, f_ABi, f_BAi as arrays over j.</summary>
    private sealed class BaseRuns
    {
        private readonly int n, f;
        private readonly bool secondOrder;
        private readonly double[] a, b;
        private readonly double[][] ab, ba;

        internal BaseRuns(SaltelliDesign design, ReadOnlySpan<double> outputs)
        {
            n = design.BaseCount;
            f = design.FactorCount;
            secondOrder = design.SecondOrder;
            a = new double[n];
            b = new double[n];
            ab = new double[f][];
            ba = new double[secondOrder ? f : 0][];
            for (int i = 0; i < f; i++) ab[i] = new double[n];
            for (int i = 0; i < ba.Length; i++) ba[i] = new double[n];
            for (int j = 0; j < n; j++)
            {
                a[j] = outputs[(int)design.RowIndex(j, SaltelliRowKind.A)];
                b[j] = outputs[(int)design.RowIndex(j, SaltelliRowKind.B)];
                for (int i = 0; i < f; i++) ab[i][j] = outputs[(int)design.RowIndex(j, SaltelliRowKind.AB, i)];
                for (int i = 0; i < ba.Length; i++) ba[i][j] = outputs[(int)design.RowIndex(j, SaltelliRowKind.BA, i)];
            }
        }

        // Whether A's and B's outputs take more than one value. Equality, not a variance of 0: the mean of identical
        // values can differ from them in the last bit, which would give a tiny positive variance to a constant.
        internal bool Varies()
        {
            double first = a[0];
            for (int j = 0; j < n; j++)
            {
                if (a[j] != first || b[j] != first) return true;
            }
            return false;
        }

        /// <summary>
        /// The indices on base points <paramref name="rows"/> (all of them, in order, when null) into
        /// <paramref name="into"/>: S_1..S_F, ST_1..ST_F, then the pairs. Returns their variance, 0 when they have none.
        /// </summary>
        internal double Estimate(int[]? rows, double[] into)
        {
            double sum = 0;
            bool varies = false;
            double first = a[rows?[0] ?? 0];
            for (int p = 0; p < n; p++)
            {
                int j = rows?[p] ?? p;
                sum += a[j] + b[j];
                varies |= a[j] != first || b[j] != first;
            }
            if (!varies) return 0;
            double mean = sum / (2.0 * n);
            double squares = 0;
            for (int p = 0; p < n; p++)
            {
                int j = rows?[p] ?? p;
                double da = a[j] - mean, db = b[j] - mean;
                squares += da * da + db * db;
            }
            double variance = squares / (2.0 * n);
            if (variance == 0) return 0;

            for (int i = 0; i < f; i++)
            {
                double first1 = 0, total = 0;
                var abi = ab[i];
                for (int p = 0; p < n; p++)
                {
                    int j = rows?[p] ?? p;
                    double step = abi[j] - a[j];
                    first1 += (b[j] - mean) * step;
                    total += step * step;
                }
                into[i] = first1 / n / variance;
                into[f + i] = total / (2.0 * n) / variance;
            }
            if (!secondOrder) return variance;
            int at = 2 * f;
            for (int j1 = 0; j1 < f; j1++)
            {
                for (int k = j1 + 1; k < f; k++, at++)
                {
                    double closed = 0;
                    var baj = ba[j1];
                    var abk = ab[k];
                    for (int p = 0; p < n; p++)
                    {
                        int j = rows?[p] ?? p;
                        closed += (baj[j] - mean) * (abk[j] - mean) - (a[j] - mean) * (b[j] - mean);
                    }
                    into[at] = closed / n / variance - into[j1] - into[k];
                }
            }
            return variance;
        }
    }
}
