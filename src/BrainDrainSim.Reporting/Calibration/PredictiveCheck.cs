using BrainDrainSim.Calibration;
using BrainDrainSim.Calibration.Targets;
using MathNet.Numerics;

namespace BrainDrainSim.Reporting.Calibration;

/// <summary>
/// One target against the posterior predictive with the observation's error included: what a new observation of
/// the target would look like if the calibrated model were true. Each predictive draw's summary s_d stands for
/// N(s_d, sd^2), the target's sd being the error of the observation (for a bound, the scale of the penalty beyond
/// it, which plays the same part in the distance), so the predictive is the equal-weight mixture of those normals
/// over the draws that define the target. Its quantiles are computed from the mixture's CDF, not from noisy draws:
/// no Monte Carlo error is added and no seed is needed, so the same draws give the same bits.
/// <para>
/// Covered: for an observed figure, the observation lies inside the central 95% interval (2.5% to 97.5%, ends
/// included); for a bound, at least 2.5% of the predictive keeps it (<see cref="KeptShare"/>), which for a one-sided
/// bound is the bound lying inside the interval or beyond it on its allowed side (a minimum at or below the 97.5%
/// point, a maximum at or above the 2.5% point). A target no draw defines is not covered. A fit target that is not
/// covered is a miss; reports never leave one out.
/// </para>
/// </summary>
public sealed record PredictiveCheck
{
    /// <summary>The lower end of the interval, 2.5%.</summary>
    public const double LowerProbability = 0.025;

    /// <summary>The upper end of the interval, 97.5%.</summary>
    public const double UpperProbability = 0.975;

    /// <summary>The share of the predictive that must keep a bound for it to count as covered.</summary>
    public const double MinimumKeptShare = 0.025;

    /// <summary>The target.</summary>
    public required CalibrationTarget Target { get; init; }

    /// <summary>The predictive draws, defined or not.</summary>
    public required int Draws { get; init; }

    /// <summary>The draws whose run defines the target's quantity.</summary>
    public required int DefinedDraws { get; init; }

    /// <summary>The predictive mean (the noise has mean 0: the mean of the defined summaries); NaN when none is defined.</summary>
    public double Mean { get; init; } = double.NaN;

    /// <summary>The predictive's 2.5% point with observation error.</summary>
    public double Lower { get; init; } = double.NaN;

    /// <summary>The predictive's median with observation error.</summary>
    public double Median { get; init; } = double.NaN;

    /// <summary>The predictive's 97.5% point with observation error.</summary>
    public double Upper { get; init; } = double.NaN;

    /// <summary>For a bound, the share of the predictive (with observation error) inside it; NaN for an observed figure.</summary>
    public double KeptShare { get; init; } = double.NaN;

    /// <summary>Whether the observation or the bound is covered (see the type's summary); false when no draw defines the target.</summary>
    public bool Covered { get; init; }

    /// <summary>A target that is not covered.</summary>
    public bool IsMiss => !Covered;

    /// <summary>The check of every target of the outcome, in the targets' order.</summary>
    public static IReadOnlyList<PredictiveCheck> Of(CalibrationOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var targets = outcome.Problem.Targets.Targets;
        var draws = outcome.Predictive.Draws;
        return targets.Select((t, k) => Of(t, draws.Select(d => d.Summaries.Count == 0 ? double.NaN : d.Summaries[k]).ToArray())).ToArray();
    }

    /// <summary>The check of one target from the draws' summaries of it (NaN: undefined in that draw), in draw order.</summary>
    public static PredictiveCheck Of(CalibrationTarget target, IReadOnlyList<double> summaries)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(summaries);
        double sd = target.Sd ?? throw new ArgumentException($"target '{target.Name}' has no sd", nameof(target));
        if (!(sd > 0 && double.IsFinite(sd))) throw new ArgumentException($"target '{target.Name}' has an sd of {sd}", nameof(target));
        var s = summaries.Where(double.IsFinite).ToArray();
        if (s.Length == 0) return new PredictiveCheck { Target = target, Draws = summaries.Count, DefinedDraws = 0, Covered = false };
        double lower = Quantile(s, sd, LowerProbability), upper = Quantile(s, sd, UpperProbability);
        double kept = double.NaN;
        bool covered;
        if (target.Observed is { } y) covered = y >= lower && y <= upper;
        else if (target.Bound is { } b && (b.Min is not null || b.Max is not null))
        {
            kept = Between(s, sd, b.Min ?? double.NegativeInfinity, b.Max ?? double.PositiveInfinity);
            covered = kept >= MinimumKeptShare;
        }
        else throw new ArgumentException($"target '{target.Name}' has neither observed nor bound", nameof(target));
        double sum = 0;
        foreach (double v in s) sum += v;
        return new PredictiveCheck
        {
            Target = target, Draws = summaries.Count, DefinedDraws = s.Length,
            Mean = sum / s.Length, Lower = lower, Median = Quantile(s, sd, 0.5), Upper = upper, KeptShare = kept, Covered = covered,
        };
    }

    /// <summary>The mixture's CDF at x: the mean over the draws of Phi((x - s_d) / sd), summed in draw order.</summary>
    internal static double Cdf(double[] s, double sd, double x)
    {
        double sum = 0;
        foreach (double v in s) sum += Phi((x - v) / sd);
        return sum / s.Length;
    }

    /// <summary>
    /// The mixture's quantile at p, by bisection of its CDF from a bracket 12 sd beyond the extreme draws (where the
    /// CDF is within 1e-32 of 0 and 1) until the bracket is narrower than 1e-9 sd: far below any figure reported.
    /// </summary>
    internal static double Quantile(double[] s, double sd, double p)
    {
        double lo = s.Min() - 12 * sd, hi = s.Max() + 12 * sd;
        while (hi - lo > 1e-9 * sd)
        {
            double mid = lo + (hi - lo) / 2;
            if (mid <= lo || mid >= hi) break; // the bracket is down to adjacent doubles
            if (Cdf(s, sd, mid) < p) lo = mid;
            else hi = mid;
        }
        return lo + (hi - lo) / 2;
    }

    /// <summary>The mixture's probability of [min, max].</summary>
    private static double Between(double[] s, double sd, double min, double max)
    {
        double sum = 0;
        foreach (double v in s)
            sum += (double.IsPositiveInfinity(max) ? 1 : Phi((max - v) / sd)) - (double.IsNegativeInfinity(min) ? 0 : Phi((min - v) / sd));
        return sum / s.Length;
    }

    /// <summary>The standard normal CDF, through erfc so the far tails keep their relative precision.</summary>
    private static double Phi(double z) => 0.5 * SpecialFunctions.Erfc(-z / Math.Sqrt(2));
}
