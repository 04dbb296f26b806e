using BrainDrainSim.Model;
using BrainDrainSim.MonteCarlo;
using BrainDrainSim.Randomness;

namespace BrainDrainSim.Calibration.Smc;

/// <summary>
/// The prior of an ABC calibration: independent marginals, one per calibrated quantity, in a fixed order (the
/// order of a parameter vector theta). A draw under a <see cref="StreamKey"/> gives each quantity the value the
/// scenario's <c>uncertainty:</c> block would give it under that key, because both take the inverse CDF of the
/// uniform keyed by the quantity's name (its path).
/// </summary>
public sealed class AbcPrior
{
    private readonly PriorParameter[] parameters;

    /// <summary>A prior over <paramref name="parameters"/>, which must have distinct names.</summary>
    public AbcPrior(IEnumerable<PriorParameter> parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        this.parameters = [.. parameters];
        if (this.parameters.Length == 0) throw new ArgumentException("a prior needs at least one parameter", nameof(parameters));
        if (this.parameters.Any(p => p is null)) throw new ArgumentException("a prior parameter is null", nameof(parameters));
        var twice = this.parameters.GroupBy(p => p.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        // Two parameters of one name would draw the same keyed uniform, and a report could not tell them apart.
        if (twice is not null) throw new ArgumentException($"the prior names {twice.Key} twice", nameof(parameters));
    }

    /// <summary>The parameters, in the order of theta.</summary>
    public IReadOnlyList<PriorParameter> Parameters => parameters;

    /// <summary>The number of parameters (the length of theta).</summary>
    public int Dimension => parameters.Length;

    /// <summary>
    /// The prior of every quantity of the scenario's uncertainty block, each truncated to the quantity's valid
    /// range, in the block's order. Throws <see cref="ArgumentException"/> for a path that names no quantity and
    /// for a Dirichlet (a set of shares is not calibrated as one parameter).
    /// </summary>
    public static AbcPrior FromUncertainty(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        return new AbcPrior(scenario.Uncertainty.Select(u =>
        {
            if (ScenarioPath.Check(scenario, u.Path, out var bounds) is { } error)
                throw new ArgumentException($"the prior of {u.Path}: {error}", nameof(scenario));
            return new PriorParameter(u.Path, u.Distribution, bounds);
        }));
    }

    /// <summary>
    /// Draws theta under <paramref name="key"/>: parameter i is its truncated distribution's quantile at the
    /// uniform keyed by its name, as <see cref="UncertaintySampler.Apply"/> draws the same quantity.
    /// </summary>
    public void Sample(StreamKey key, Span<double> theta)
    {
        if (theta.Length != parameters.Length)
            throw new ArgumentException($"theta has {theta.Length} values but the prior {parameters.Length} parameters", nameof(theta));
        for (int i = 0; i < parameters.Length; i++)
            theta[i] = parameters[i].Quantile(UncertaintySampler.Uniform(key, parameters[i].Name));
    }

    /// <summary>The log density of theta: the sum of the marginals' (negative infinity when any is outside its support).</summary>
    public double LogDensity(ReadOnlySpan<double> theta)
    {
        if (theta.Length != parameters.Length)
            throw new ArgumentException($"theta has {theta.Length} values but the prior {parameters.Length} parameters", nameof(theta));
        double sum = 0;
        for (int i = 0; i < parameters.Length; i++)
        {
            double d = parameters[i].LogDensity(theta[i]);
            if (double.IsNegativeInfinity(d)) return d;
            sum += d;
        }
        return sum;
    }
}
