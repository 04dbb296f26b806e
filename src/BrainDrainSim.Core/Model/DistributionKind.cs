namespace BrainDrainSim.Model;

/// <summary>
/// The families an uncertain quantity can be drawn from (MathNet.Numerics gives their quantiles). Dirichlet is
/// for a set of shares of one whole (sectors, a stage mix, a GPU import's sector shares), drawn together.
/// </summary>
public enum DistributionKind { Normal, Lognormal, Uniform, Beta, Triangular, Gamma, Dirichlet }
