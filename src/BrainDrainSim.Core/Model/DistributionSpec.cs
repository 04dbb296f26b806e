using System.Diagnostics.CodeAnalysis;

namespace BrainDrainSim.Model;

/// <summary>
/// A distribution for an uncertain scenario quantity. Which fields apply depends on <see cref="Dist"/>:
/// normal (mean, sd); lognormal (mu, sigma of the log); uniform (min, max); beta (alpha, beta, and
/// optional min, max to rescale from [0, 1]); triangular (min, mode, max); gamma (shape, rate); dirichlet
/// (concentration: one positive number per share of the set, by the share's name).
/// </summary>
public sealed record DistributionSpec
{
    /// <summary>The family; null only when not given (an error): a file may not write it empty.</summary>
    [DisallowNull] public DistributionKind? Dist { get; init; }
    /// <summary>The mean of a normal.</summary>
    public double? Mean { get; init; }
    /// <summary>A normal's standard deviation.</summary>
    public double? Sd { get; init; }
    /// <summary>The mean of the logarithm of a lognormal.</summary>
    public double? Mu { get; init; }
    /// <summary>The standard deviation of the logarithm of a lognormal.</summary>
    public double? Sigma { get; init; }
    /// <summary>The lower end of a uniform or triangular, or of the range a beta is rescaled to.</summary>
    public double? Min { get; init; }
    /// <summary>The upper end of a uniform or triangular, or of the range a beta is rescaled to.</summary>
    public double? Max { get; init; }
    /// <summary>A triangular's most likely value.</summary>
    public double? Mode { get; init; }
    /// <summary>A beta's first shape parameter.</summary>
    public double? Alpha { get; init; }
    /// <summary>A beta's second shape parameter.</summary>
    public double? Beta { get; init; }
    /// <summary>A gamma's shape parameter.</summary>
    public double? Shape { get; init; }
    /// <summary>A gamma's rate parameter (1 / scale).</summary>
    public double? Rate { get; init; }

    /// <summary>
    /// A Dirichlet's concentration parameters, one per share of the set by its name (a sector's name, a stage, a
    /// degree, a GPU model). Share i has mean c_i / sum(c); the larger the sum, the tighter the draws around it.
    /// </summary>
    [Bounds(0.1, 1e6)]
    public IReadOnlyDictionary<string, double>? Concentration { get; init; }

    /// <summary>The parameters each family must take and may take, by their keys.</summary>
    public static IReadOnlyDictionary<DistributionKind, (string[] Required, string[] Optional)> Parameters { get; } =
        new Dictionary<DistributionKind, (string[] Required, string[] Optional)>
        {
            [DistributionKind.Normal] = ([K(nameof(Mean)), K(nameof(Sd))], []),
            [DistributionKind.Lognormal] = ([K(nameof(Mu)), K(nameof(Sigma))], []),
            [DistributionKind.Uniform] = ([K(nameof(Min)), K(nameof(Max))], []),
            [DistributionKind.Beta] = ([K(nameof(Alpha)), K(nameof(Beta))], [K(nameof(Min)), K(nameof(Max))]),
            [DistributionKind.Triangular] = ([K(nameof(Min)), K(nameof(Mode)), K(nameof(Max))], []),
            [DistributionKind.Gamma] = ([K(nameof(Shape)), K(nameof(Rate))], []),
            [DistributionKind.Dirichlet] = ([K(nameof(Concentration))], []),
        };

    private static string K(string propertyName) => ScenarioNames.ToSnake(propertyName);
}
