using MathNet.Numerics.Statistics;

namespace BrainDrainSim.Reporting.Comparisons;

/// <summary>
/// A ratio of means, mean(cost) / mean(effect), over paired replications, with Fieller's 95% confidence
/// interval (Fieller 1954; the standard interval for cost-effectiveness ratios, e.g. Willan and O'Brien
/// 1996): the set of R for which mean(cost) - R mean(effect) is not significantly different from zero,
/// using the variances and the covariance of cost and effect over the runs. The interval is bounded
/// exactly when the effect's own interval excludes zero; when it does not, the ratio is not estimable
/// (an unbounded or disjoint set) and every figure is left undefined with a status, never NaN in a file.
/// A policy that keeps fewer researchers (the effect's interval below zero) has no cost per researcher
/// kept either.
/// </summary>
public sealed record RatioEstimate
{
    public const string StatusOk = "ok";
    public const string StatusTooFew = "not estimable: fewer than 2 replications";
    public const string StatusEffectSpansZero = "not estimable: the effect's 95% interval contains zero";
    public const string StatusEffectNegative = "not estimable: the policy keeps fewer (the effect's 95% interval is below zero)";

    public double Estimate { get; init; } = double.NaN;
    public double CiLow { get; init; } = double.NaN;
    public double CiHigh { get; init; } = double.NaN;
    public string Status { get; init; } = StatusOk;

    public bool IsEstimable => Status == StatusOk;

    /// <summary>Pairs cost_i with effect_i (replication order); pairs with an undefined value are left out.</summary>
    public static RatioEstimate Fieller(ReadOnlySpan<double> cost, ReadOnlySpan<double> effect)
    {
        if (cost.Length != effect.Length) throw new ArgumentException("cost and effect need the same replications");
        var a = new List<double>(cost.Length);
        var b = new List<double>(cost.Length);
        for (int i = 0; i < cost.Length; i++)
        {
            if (!double.IsFinite(cost[i]) || !double.IsFinite(effect[i])) continue;
            a.Add(cost[i]);
            b.Add(effect[i]);
        }
        int n = a.Count;
        if (n < 2) return new RatioEstimate { Status = StatusTooFew };
        double meanA = a.Mean(), meanB = b.Mean();
        double vaa = a.Variance() / n, vbb = b.Variance() / n, vab = a.Covariance(b) / n;
        double t = PairedStatistics.TQuantile(n), t2 = t * t;
        // The effect's own t interval: meanB +- t sqrt(vbb). Fieller's interval is bounded iff it excludes 0.
        double effectHalf = t * Math.Sqrt(vbb);
        if (meanB - effectHalf <= 0 && meanB + effectHalf >= 0) return new RatioEstimate { Status = StatusEffectSpansZero };
        if (meanB + effectHalf < 0) return new RatioEstimate { Status = StatusEffectNegative };

        // (meanB^2 - t^2 vbb) R^2 - 2 (meanA meanB - t^2 vab) R + (meanA^2 - t^2 vaa) <= 0
        double qa = meanB * meanB - t2 * vbb;
        double qb = meanA * meanB - t2 * vab;
        double qc = meanA * meanA - t2 * vaa;
        double disc = Math.Max(0, qb * qb - qa * qc); // non-negative in exact arithmetic when qa > 0
        double root = Math.Sqrt(disc);
        return new RatioEstimate
        {
            Estimate = meanA / meanB,
            CiLow = (qb - root) / qa,
            CiHigh = (qb + root) / qa,
        };
    }
}
