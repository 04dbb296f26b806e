using MathNet.Numerics.Distributions;

namespace BrainDrainSim.Calibration.Smc;

/// <summary>Tolerances with a meaning of their own, for <see cref="AbcSmcConfiguration.MinimumTolerance"/>.</summary>
public static class AbcTolerance
{
    /// <summary>
    /// The <paramref name="probability"/> point of a chi distribution with <paramref name="degreesOfFreedom"/>
    /// degrees of freedom, sqrt(ChiSquared.InvCDF(K, p)). When the distance is the Euclidean norm of K summaries'
    /// misfits each divided by its observation error's sd, the distance of the true parameters is chi-distributed
    /// with K degrees of freedom (errors normal and independent), so below its 95% point observation error alone
    /// accounts for the misfit and a smaller tolerance fits noise (Wilkinson 2013, Stat. Appl. Genet. Mol. Biol. 12(2)).
    /// </summary>
    public static double ChiQuantile(int degreesOfFreedom, double probability = 0.95)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(degreesOfFreedom, 1);
        if (!(probability > 0 && probability < 1)) throw new ArgumentOutOfRangeException(nameof(probability), probability, "a probability in (0, 1)");
        return Math.Sqrt(ChiSquared.InvCDF(degreesOfFreedom, probability));
    }
}
