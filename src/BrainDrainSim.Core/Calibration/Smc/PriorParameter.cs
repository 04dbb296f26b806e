using BrainDrainSim.Model;
using BrainDrainSim.MonteCarlo;
using BrainDrainSim.Validation;
using MathNet.Numerics.Distributions;

namespace BrainDrainSim.Calibration.Smc;

/// <summary>
/// One calibrated quantity's prior: a distribution of the scenario format (<see cref="DistributionSpec"/>),
/// optionally truncated to the quantity's valid range. It is drawn as the scenario's <c>uncertainty:</c> block
/// draws it (<see cref="UncertaintySampler.Quantile"/>: the inverse CDF of the truncated distribution at a keyed
/// uniform), and its density is that of the same truncated distribution. Dirichlet is refused: a set of shares is
/// not one quantity.
/// </summary>
public sealed class PriorParameter
{
    private readonly double logMass;

    /// <summary>
    /// A prior for the quantity <paramref name="name"/> (its scenario path, such as <c>coefficients.b_gpu</c>: the
    /// keyed uniform of a draw is keyed by it). Throws <see cref="ArgumentException"/> for a Dirichlet, a parameter
    /// missing, left over or invalid, or bounds that leave the distribution no probability.
    /// </summary>
    public PriorParameter(string name, DistributionSpec distribution, BoundsAttribute? bounds = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(distribution);
        if (Problem(distribution) is { } problem) throw new ArgumentException($"the prior of {name}: {problem}", nameof(distribution));
        Name = name;
        Distribution = distribution;
        Bounds = bounds;
        logMass = 0;
        if (bounds is null) return;
        if (!(bounds.Min < bounds.Max)) throw new ArgumentException($"the prior of {name}: the bounds {bounds.Describe()} are empty", nameof(bounds));
        double lo = UncertaintySampler.Cdf(distribution, bounds.Min), hi = UncertaintySampler.Cdf(distribution, bounds.Max);
        if (!(hi > lo))
            throw new ArgumentException($"the prior of {name}: a {Describe(distribution)} distribution has no probability in the valid range {bounds.Describe()}", nameof(bounds));
        // As UncertaintySampler.Quantile: a distribution wholly inside the bounds (in double precision) is not renormalised.
        if (!(lo == 0 && hi == 1)) logMass = Math.Log(hi - lo);
    }

    /// <summary>The quantity's name: its scenario path when it has one.</summary>
    public string Name { get; }

    /// <summary>The distribution before truncation.</summary>
    public DistributionSpec Distribution { get; }

    /// <summary>The range the distribution is truncated to (the quantity's valid range), or null for none.</summary>
    public BoundsAttribute? Bounds { get; }

    /// <summary>The quantile at p in (0, 1) of the truncated distribution.</summary>
    public double Quantile(double p) => UncertaintySampler.Quantile(Distribution, Bounds, p);

    /// <summary>
    /// The natural logarithm of the density at x of the distribution truncated to the bounds (renormalised to
    /// integrate to 1); negative infinity outside the bounds or where the density is 0, including the open ends of
    /// a lognormal, gamma or beta (where some shapes' densities are infinite, which no weight can use).
    /// </summary>
    public double LogDensity(double x)
    {
        if (double.IsNaN(x) || (Bounds is not null && !Bounds.Contains(x))) return double.NegativeInfinity;
        var d = Distribution;
        double density = d.Dist!.Value switch
        {
            DistributionKind.Normal => Normal.PDFLn(d.Mean!.Value, d.Sd!.Value, x),
            DistributionKind.Lognormal => x > 0 ? LogNormal.PDFLn(d.Mu!.Value, d.Sigma!.Value, x) : double.NegativeInfinity,
            DistributionKind.Uniform => x >= d.Min!.Value && x <= d.Max!.Value ? -Math.Log(d.Max.Value - d.Min.Value) : double.NegativeInfinity,
            DistributionKind.Beta => BetaLogDensity(d, x),
            DistributionKind.Triangular => x >= d.Min!.Value && x <= d.Max!.Value ? Triangular.PDFLn(d.Min.Value, d.Max.Value, d.Mode!.Value, x) : double.NegativeInfinity,
            DistributionKind.Gamma => x > 0 ? Gamma.PDFLn(d.Shape!.Value, d.Rate!.Value, x) : double.NegativeInfinity,
            _ => throw new InvalidOperationException($"no density for {d.Dist}"),
        };
        return double.IsNaN(density) || double.IsPositiveInfinity(density) ? double.NegativeInfinity : density - logMass;
    }

    private static double BetaLogDensity(DistributionSpec d, double x)
    {
        double min = d.Min ?? 0, max = d.Max ?? 1;
        double y = (x - min) / (max - min);
        return y > 0 && y < 1 ? Beta.PDFLn(d.Alpha!.Value, d.Beta!.Value, y) - Math.Log(max - min) : double.NegativeInfinity;
    }

    /// <summary>What is wrong with the distribution as a prior of one quantity, or null.</summary>
    private static string? Problem(DistributionSpec d)
    {
        if (d.Dist is not { } kind) return "the distribution has no family";
        string name = ScenarioNames.EnumKey(kind);
        if (kind == DistributionKind.Dirichlet)
            return $"a {name} distribution is for a set of shares drawn together, not one calibrated quantity";
        var (required, optional) = DistributionSpec.Parameters[kind];
        foreach (var (key, value) in Values(d))
        {
            if (value is null && required.Contains(key)) return $"a {name} distribution needs '{key}'";
            if (value is not null && !required.Contains(key) && !optional.Contains(key))
                return $"'{key}' is not a parameter of a {name} distribution (it takes {string.Join(", ", required.Concat(optional))})";
            if (value is { } v && !double.IsFinite(v)) return $"'{key}' must be a finite number, not {Shown.Number(v)}";
        }
        if (d.Concentration is not null) return $"'concentration' is not a parameter of a {name} distribution";
        return kind switch
        {
            DistributionKind.Normal when !(d.Sd > 0) => "sd must be above 0",
            DistributionKind.Lognormal when !(d.Sigma > 0) => "sigma must be above 0",
            DistributionKind.Uniform when !(d.Min < d.Max) => "max must be above min",
            DistributionKind.Beta when !(d.Alpha > 0 && d.Beta > 0) => "alpha and beta must be above 0",
            DistributionKind.Beta when d.Min.HasValue != d.Max.HasValue => "give both min and max to rescale the beta from [0, 1], or neither",
            DistributionKind.Beta when d.Min >= d.Max => "max must be above min",
            DistributionKind.Triangular when !(d.Min < d.Max) => "max must be above min",
            DistributionKind.Triangular when !(d.Mode >= d.Min && d.Mode <= d.Max) => "mode must lie between min and max",
            DistributionKind.Gamma when !(d.Shape > 0 && d.Rate > 0) => "shape and rate must be above 0",
            _ => null,
        };
    }

    private static IEnumerable<(string Key, double? Value)> Values(DistributionSpec d)
    {
        yield return (K(nameof(d.Mean)), d.Mean);
        yield return (K(nameof(d.Sd)), d.Sd);
        yield return (K(nameof(d.Mu)), d.Mu);
        yield return (K(nameof(d.Sigma)), d.Sigma);
        yield return (K(nameof(d.Min)), d.Min);
        yield return (K(nameof(d.Max)), d.Max);
        yield return (K(nameof(d.Mode)), d.Mode);
        yield return (K(nameof(d.Alpha)), d.Alpha);
        yield return (K(nameof(d.Beta)), d.Beta);
        yield return (K(nameof(d.Shape)), d.Shape);
        yield return (K(nameof(d.Rate)), d.Rate);
    }

    private static string K(string propertyName) => ScenarioNames.ToSnake(propertyName);

    /// <summary>"normal(mean 0, sd 1)": the family and the parameters it sets.</summary>
    internal static string Describe(DistributionSpec d) =>
        $"{ScenarioNames.EnumKey(d.Dist!.Value)}({string.Join(", ", Values(d).Where(v => v.Value is not null).Select(v => $"{v.Key} {Shown.Number(v.Value!.Value)}"))})";

    /// <summary>The distribution's parameters that are set, by their scenario keys, in a fixed order.</summary>
    internal static IEnumerable<(string Key, double Value)> SetValues(DistributionSpec d) =>
        Values(d).Where(v => v.Value is not null).Select(v => (v.Key, v.Value!.Value));
}
