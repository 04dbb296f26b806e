namespace BrainDrainSim.Calibration.Smc;

/// <summary>The accepted particles of one generation: a weighted sample of the ABC posterior at its tolerance.</summary>
/// <param name="Generation">The generation, from 0 (the prior).</param>
/// <param name="Tolerance">
/// The tolerance every particle's distance is at most (positive infinity in generation 0). In a last generation
/// accepted by <see cref="AbcFinalAcceptance.ObservationError"/> it is the minimum tolerance, which bounds no
/// distance there.
/// </param>
/// <param name="Particles">The particles, in particle order.</param>
public sealed record AbcPopulation(int Generation, double Tolerance, IReadOnlyList<AbcParticle> Particles)
{
    /// <summary>Kish's effective sample size of the weights, 1 / sum of squared weights.</summary>
    public double EffectiveSampleSize => WeightedStatistics.EffectiveSampleSize(Weights());

    /// <summary>The weights, in particle order.</summary>
    public double[] Weights() => Particles.Select(p => p.Weight).ToArray();

    /// <summary>Parameter <paramref name="index"/> of every particle, in particle order.</summary>
    public double[] Values(int index) => Particles.Select(p => p.Theta[index]).ToArray();
}
