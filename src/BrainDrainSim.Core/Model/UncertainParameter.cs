namespace BrainDrainSim.Model;

/// <summary>A scenario quantity, addressed by its path (<c>coefficients.b_gpu</c>), drawn once per replication.</summary>
public sealed record UncertainParameter(string Path, DistributionSpec Distribution);
