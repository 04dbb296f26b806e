using BrainDrainSim.Calibration.Smc;

namespace BrainDrainSim.Reporting.Calibration;

/// <summary>
/// One fitted parameter's prior beside its posterior: means, sds and central 90% intervals, and how much the data
/// narrowed it (the sd ratio posterior / prior). The prior's figures are those of its distribution truncated to the
/// quantity's valid range (the prior the sampler drew from): the mean and sd by the midpoint rule over
/// <see cref="PriorQuantiles"/> equally spaced quantiles, the interval from the quantiles at 5% and 95%. The
/// posterior's are <see cref="PosteriorSummary"/>'s (weighted over the final population).
/// </summary>
/// <param name="Prior">The prior.</param>
/// <param name="PriorMean">The prior mean.</param>
/// <param name="PriorSd">The prior sd.</param>
/// <param name="PriorLower">The prior's 5% point.</param>
/// <param name="PriorUpper">The prior's 95% point.</param>
/// <param name="Posterior">The weighted posterior summary (5% and 95% points).</param>
public sealed record ParameterFit(PriorParameter Prior, double PriorMean, double PriorSd, double PriorLower, double PriorUpper, PosteriorSummary Posterior)
{
    /// <summary>The quantiles the prior's mean and sd are computed over.</summary>
    public const int PriorQuantiles = 4000;

    /// <summary>Below this sd ratio the parameter is pinned down by the data.</summary>
    public const double PinnedRatio = 0.5;

    /// <summary>Above this sd ratio the parameter stays near its prior: the data say little about it.</summary>
    public const double NearPriorRatio = 0.8;

    /// <summary>The parameter's path.</summary>
    public string Name => Prior.Name;

    /// <summary>The posterior sd over the prior sd: 1 when the data say nothing, near 0 when they fix the parameter.</summary>
    public double SdRatio => Posterior.Sd / PriorSd;

    /// <summary>What the sd ratio says, in words (see <see cref="PinnedRatio"/> and <see cref="NearPriorRatio"/>).</summary>
    public string Reading => !double.IsFinite(SdRatio) ? "undefined"
        : SdRatio > NearPriorRatio ? "stays near its prior: the data say little about it"
        : SdRatio < PinnedRatio ? "pinned down by the data"
        : "narrowed by the data";

    /// <summary>Every fitted parameter of the state's final population, in the prior's order.</summary>
    public static IReadOnlyList<ParameterFit> Of(AbcSmcState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var posterior = PosteriorSummary.Of(state, 0.05, 0.95);
        return state.Configuration.Prior.Parameters.Select((p, i) =>
        {
            var (mean, sd) = Moments(p);
            return new ParameterFit(p, mean, sd, p.Quantile(0.05), p.Quantile(0.95), posterior[i]);
        }).ToArray();
    }

    /// <summary>The prior's mean and sd by the midpoint rule over its quantile function.</summary>
    internal static (double Mean, double Sd) Moments(PriorParameter p)
    {
        var x = new double[PriorQuantiles];
        for (int i = 0; i < x.Length; i++) x[i] = p.Quantile((i + 0.5) / x.Length);
        double mean = 0;
        foreach (double v in x) mean += v;
        mean /= x.Length;
        double squares = 0;
        foreach (double v in x) squares += (v - mean) * (v - mean);
        return (mean, Math.Sqrt(squares / x.Length));
    }
}
