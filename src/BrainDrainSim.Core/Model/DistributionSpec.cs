namespace BrainDrainSim.Model;

/// <summary>
/// A distribution for an uncertain scenario quantity. Which fields apply depends on <see cref="Dist"/>:
/// normal (mean, sd); lognormal (mu, sigma of the log); uniform (min, max); beta (alpha, beta, and
/// optional min, max to rescale from [0, 1]); triangular (min, mode, max); gamma (shape, rate).
/// </summary>
public sealed record DistributionSpec
{
    public DistributionKind Dist { get; init; }
    public double? Mean { get; init; }
    public double? Sd { get; init; }
    public double? Mu { get; init; }
    public double? Sigma { get; init; }
    public double? Min { get; init; }
    public double? Max { get; init; }
    public double? Mode { get; init; }
    public double? Alpha { get; init; }
    public double? Beta { get; init; }
    public double? Shape { get; init; }
    public double? Rate { get; init; }
}
