namespace BrainDrainSim.Model;

/// <summary>
/// The families an uncertain quantity can be drawn from (MathNet.Numerics gives their quantiles). Dirichlet is
/// for a set of shares of one whole (sectors, a stage mix, a GPU import's sector shares), drawn together.
/// </summary>
public enum DistributionKind
{
    /// <summary>Normal (mean, sd).</summary>
    Normal,

    /// <summary>Lognormal (mu, sigma of the logarithm).</summary>
    Lognormal,

    /// <summary>Uniform on [min, max].</summary>
    Uniform,

    /// <summary>Beta (alpha, beta), on [0, 1] or rescaled to [min, max].</summary>
    Beta,

    /// <summary>Triangular (min, mode, max).</summary>
    Triangular,

    /// <summary>Gamma (shape, rate).</summary>
    Gamma,

    /// <summary>Dirichlet over a set of shares (a concentration per share).</summary>
    Dirichlet,
}
