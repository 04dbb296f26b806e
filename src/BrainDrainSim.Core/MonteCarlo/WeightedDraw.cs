namespace BrainDrainSim.MonteCarlo;

/// <summary>
/// Picks an index in proportion to non-negative weights with one uniform: the first index whose cumulative weight
/// exceeds u times the total, so index i comes with probability weight i / total and one of weight 0 never. The
/// resampling of ABC-SMC, the posterior predictive and a scenario's posterior rows all draw this way.
/// </summary>
public static class WeightedDraw
{
    /// <summary>The running sums of the weights, in order: the last is the total.</summary>
    public static double[] Cumulative(IReadOnlyList<double> weights)
    {
        ArgumentNullException.ThrowIfNull(weights);
        var cumulative = new double[weights.Count];
        double sum = 0;
        for (int i = 0; i < cumulative.Length; i++) cumulative[i] = sum += weights[i];
        return cumulative;
    }

    /// <summary>
    /// The index <paramref name="u"/> in [0, 1) picks, by a binary search of <paramref name="cumulative"/> (made by
    /// <see cref="Cumulative"/> from <paramref name="weights"/>). Only rounding can put u times the total at the total
    /// itself; then the last index of positive weight takes it.
    /// </summary>
    public static int Index(IReadOnlyList<double> weights, double[] cumulative, double u)
    {
        ArgumentNullException.ThrowIfNull(weights);
        ArgumentNullException.ThrowIfNull(cumulative);
        int n = cumulative.Length;
        if (n == 0) throw new ArgumentException("no weights to draw from", nameof(cumulative));
        double target = u * cumulative[n - 1];
        int lo = 0, hi = n - 1;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (cumulative[mid] > target) hi = mid;
            else lo = mid + 1;
        }
        while (lo > 0 && weights[lo] == 0) lo--;
        return lo;
    }
}
