using MathNet.Numerics.Distributions;

namespace BrainDrainSim.Reporting.Comparisons;

/// <summary>
/// A policy's paired difference from the baseline for one value (a metric in a month), over the
/// replications: replication i of both faced the same draws, so d_i = policy_i - baseline_i is the
/// policy's effect in that run. The 5-95% range of d (type 7 percentiles) carries the spread over runs,
/// parameter uncertainty included; the mean's 95% confidence interval is the paired t interval
/// (mean +- t(0.975, n - 1) sd / sqrt n), which is what "the policy changes this by" is estimated to.
/// Replications where either value is undefined (NaN) are left out of every figure.
/// </summary>
public sealed record PairedStatistics
{
    public const string StatusOk = "ok";
    public const string StatusNoPairs = "undefined: no replication defines both values";
    public const string StatusCiUndefined = "ci undefined: fewer than 2 replications define both values";
    public const string StatusOverflow = "undefined: a figure overflowed the range of double";

    /// <summary>The confidence level of <see cref="CiLow"/> and <see cref="CiHigh"/>.</summary>
    public const double Confidence = 0.95;

    /// <summary>Replications defining both values.</summary>
    public int N { get; init; }
    public int Replications { get; init; }
    public double BaselineMean { get; init; } = double.NaN;
    public double PolicyMean { get; init; } = double.NaN;
    /// <summary>Mean of the paired differences (policy minus baseline).</summary>
    public double Mean { get; init; } = double.NaN;
    public double Sd { get; init; } = double.NaN;
    public double CiLow { get; init; } = double.NaN;
    public double CiHigh { get; init; } = double.NaN;
    public double P05 { get; init; } = double.NaN;
    public double P50 { get; init; } = double.NaN;
    public double P95 { get; init; } = double.NaN;
    /// <summary>Share of replications where the policy's value is higher, ties counting one half.</summary>
    public double ProbPolicyHigher { get; init; } = double.NaN;

    public string Status
    {
        get
        {
            if (N == 0) return StatusNoPairs;
            if (!double.IsFinite(Mean) || !double.IsFinite(BaselineMean) || !double.IsFinite(PolicyMean)) return StatusOverflow;
            if (N == 1) return StatusCiUndefined;
            return double.IsFinite(CiLow) && double.IsFinite(CiHigh) ? StatusOk : StatusOverflow;
        }
    }

    /// <summary>True when the confidence interval is defined and excludes zero.</summary>
    public bool Excludes0 => Status == StatusOk && (CiLow > 0 || CiHigh < 0);

    /// <summary>The t quantile of a two-sided <see cref="Confidence"/> interval with n - 1 degrees of freedom.</summary>
    public static double TQuantile(int n) => StudentT.InvCDF(0, 1, n - 1, 0.5 + Confidence / 2);

    /// <summary>Pairs the values replication by replication (both in replication order, same length).</summary>
    public static PairedStatistics Of(ReadOnlySpan<double> baseline, ReadOnlySpan<double> policy)
    {
        if (baseline.Length != policy.Length)
            throw new ArgumentException($"paired values need the same replications ({baseline.Length} and {policy.Length})");
        var d = new List<double>(baseline.Length);
        double sumB = 0, sumP = 0;
        int higher2 = 0; // twice the count of "policy higher", ties adding one
        for (int i = 0; i < baseline.Length; i++)
        {
            double b = baseline[i], p = policy[i];
            if (!double.IsFinite(b) || !double.IsFinite(p)) continue;
            d.Add(p - b);
            sumB += b;
            sumP += p;
            higher2 += p > b ? 2 : p == b ? 1 : 0;
        }
        int n = d.Count;
        if (n == 0) return new PairedStatistics { N = 0, Replications = baseline.Length };
        var spread = CrossRunStatistics.Of(d.ToArray());
        // A difference of two finite values can overflow, and CrossRunStatistics would silently leave it out:
        // the differences' figures are then undefined (status overflow), not computed from the others.
        if (spread.N < n) return new PairedStatistics { N = n, Replications = baseline.Length, BaselineMean = sumB / n, PolicyMean = sumP / n };
        double mean = spread.Mean, sd = n >= 2 ? spread.Sd : double.NaN;
        double half = n >= 2 ? TQuantile(n) * sd / Math.Sqrt(n) : double.NaN;
        return new PairedStatistics
        {
            N = n,
            Replications = baseline.Length,
            BaselineMean = sumB / n,
            PolicyMean = sumP / n,
            Mean = mean,
            Sd = sd,
            CiLow = mean - half,
            CiHigh = mean + half,
            P05 = spread.P05,
            P50 = spread.P50,
            P95 = spread.P95,
            ProbPolicyHigher = higher2 / (2.0 * n),
        };
    }
}
