namespace BrainDrainSim.Sensitivity;

/// <summary>
/// One factor's elementary effects summarised (Morris 1991; mu*, Campolongo et al. 2007), per unit of the factor's
/// coordinate on the unit scale; all three are absent when the quantity's status is not defined. For a grouped
/// factor only mu* has a plain reading: the effect of moving the whole group.
/// </summary>
public sealed class MorrisFactorEffect
{
    internal MorrisFactorEffect(int factor, double? mu, double? muStar, double? sigma)
    {
        Factor = factor;
        Mu = mu;
        MuStar = muStar;
        Sigma = sigma;
    }

    /// <summary>The factor's index in the layout.</summary>
    public int Factor { get; }

    /// <summary>mu, the mean effect: effects of opposite signs cancel in it.</summary>
    public double? Mu { get; }

    /// <summary>mu*, the mean absolute effect: the factor's overall importance, the screen's ranking.</summary>
    public double? MuStar { get; }

    /// <summary>sigma, the effects' standard deviation (over r - 1): nonlinearity or interactions.</summary>
    public double? Sigma { get; }
}
