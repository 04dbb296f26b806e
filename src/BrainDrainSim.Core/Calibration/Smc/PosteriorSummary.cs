namespace BrainDrainSim.Calibration.Smc;

/// <summary>One parameter's weighted posterior summary over an ABC population, as a report shows it.</summary>
/// <param name="Parameter">The parameter's name.</param>
/// <param name="Mean">The weighted mean.</param>
/// <param name="Sd">The weighted standard deviation.</param>
/// <param name="Lower">The weighted quantile at the lower probability (5% unless asked otherwise).</param>
/// <param name="Median">The weighted median.</param>
/// <param name="Upper">The weighted quantile at the upper probability (95% unless asked otherwise).</param>
/// <param name="EffectiveSampleSize">The population's effective sample size (the same for every parameter).</param>
public sealed record PosteriorSummary(string Parameter, double Mean, double Sd, double Lower, double Median, double Upper, double EffectiveSampleSize)
{
    /// <summary>
    /// The summary of every parameter of the state's last population, in the prior's order (the quantiles by
    /// <see cref="WeightedStatistics.Quantile"/>). Throws <see cref="InvalidOperationException"/> before generation 0 has completed.
    /// </summary>
    public static IReadOnlyList<PosteriorSummary> Of(AbcSmcState state, double lower = 0.05, double upper = 0.95)
    {
        ArgumentNullException.ThrowIfNull(state);
        var population = state.Population ?? throw new InvalidOperationException("the run has no population yet");
        if (!(lower >= 0 && lower <= upper && upper <= 1))
            throw new ArgumentOutOfRangeException(nameof(lower), lower, $"0 <= lower <= upper (here {upper}) <= 1");
        var weights = population.Weights();
        double ess = WeightedStatistics.EffectiveSampleSize(weights);
        var prior = state.Configuration.Prior;
        return prior.Parameters.Select((parameter, i) =>
        {
            var x = population.Values(i);
            return new PosteriorSummary(parameter.Name, WeightedStatistics.Mean(x, weights), WeightedStatistics.StandardDeviation(x, weights),
                WeightedStatistics.Quantile(x, weights, lower), WeightedStatistics.Quantile(x, weights, 0.5),
                WeightedStatistics.Quantile(x, weights, upper), ess);
        }).ToArray();
    }
}
