namespace BrainDrainSim.Calibration.Smc;

/// <summary>
/// Statistics of a weighted sample (an ABC population), summed in index order so the same sample gives the same
/// bits. Weights need not be normalised; they must be finite, at least 0 and not all 0.
/// </summary>
public static class WeightedStatistics
{
    /// <summary>The weighted mean, sum w x / sum w.</summary>
    public static double Mean(ReadOnlySpan<double> values, ReadOnlySpan<double> weights)
    {
        double total = Total(values, weights), sum = 0;
        for (int i = 0; i < values.Length; i++) sum += weights[i] * values[i];
        return sum / total;
    }

    /// <summary>
    /// The weighted standard deviation, sqrt(sum w (x - mean)^2 / sum w): the sd of the distribution the sample
    /// stands for, without a small-sample correction (for a population of a thousand particles it would change the
    /// figure in the fourth digit).
    /// </summary>
    public static double StandardDeviation(ReadOnlySpan<double> values, ReadOnlySpan<double> weights)
    {
        double total = Total(values, weights), mean = Mean(values, weights), sum = 0;
        for (int i = 0; i < values.Length; i++) sum += weights[i] * (values[i] - mean) * (values[i] - mean);
        return Math.Sqrt(sum / total);
    }

    /// <summary>
    /// The weighted quantile at <paramref name="p"/> in [0, 1]: the smallest value whose cumulative weight (values
    /// in increasing order) reaches p of the total, the inverse of the weighted empirical CDF. With equal weights
    /// this is R's type 1; it never interpolates, so it is always one of the values.
    /// </summary>
    public static double Quantile(ReadOnlySpan<double> values, ReadOnlySpan<double> weights, double p)
    {
        if (!(p >= 0 && p <= 1)) throw new ArgumentOutOfRangeException(nameof(p), p, "a probability in [0, 1]");
        double total = Total(values, weights);
        var order = new int[values.Length];
        for (int i = 0; i < order.Length; i++) order[i] = i;
        var keys = values.ToArray();
        // Ties keep their index order (the sort is not stable), so the cumulative sum is the same every time.
        var comparer = Comparer<int>.Create((a, b) => keys[a] != keys[b] ? keys[a].CompareTo(keys[b]) : a.CompareTo(b));
        Array.Sort(order, comparer);
        double target = p * total, cumulative = 0;
        foreach (int i in order)
        {
            if (weights[i] == 0) continue;
            cumulative += weights[i];
            if (cumulative >= target) return keys[i];
        }
        // Rounding can leave the sum a hair below p * total at p = 1: the largest value with weight.
        for (int k = order.Length - 1; ; k--)
        {
            if (weights[order[k]] > 0) return keys[order[k]];
        }
    }

    /// <summary>Kish's effective sample size, (sum w)^2 / sum w^2: N for equal weights, 1 when one particle has them all.</summary>
    public static double EffectiveSampleSize(ReadOnlySpan<double> weights)
    {
        double sum = Total(weights, weights), squares = 0;
        foreach (double w in weights) squares += w * w;
        return sum * sum / squares;
    }

    private static double Total(ReadOnlySpan<double> values, ReadOnlySpan<double> weights)
    {
        if (values.Length != weights.Length)
            throw new ArgumentException($"{values.Length} values but {weights.Length} weights", nameof(weights));
        if (values.Length == 0) throw new ArgumentException("no values", nameof(values));
        double total = 0;
        foreach (double w in weights)
        {
            if (!(w >= 0 && double.IsFinite(w))) throw new ArgumentException($"a weight of {w} (weights must be finite and at least 0)", nameof(weights));
            total += w;
        }
        if (!(total > 0)) throw new ArgumentException("every weight is 0", nameof(weights));
        return total;
    }
}
