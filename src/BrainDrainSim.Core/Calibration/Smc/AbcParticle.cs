namespace BrainDrainSim.Calibration.Smc;

/// <summary>One accepted particle of a generation.</summary>
/// <param name="Theta">The parameter vector, in the prior's order.</param>
/// <param name="Weight">The importance weight, normalised over the generation (the weights sum to 1).</param>
/// <param name="Distance">The distance of its accepted simulation (at most the generation's tolerance, except under <see cref="AbcFinalAcceptance.ObservationError"/>).</param>
/// <param name="Summaries">The summary statistics of its accepted simulation.</param>
/// <param name="SimulationSeed">The seed of its accepted simulation: simulating theta again with it gives the same outcome.</param>
public sealed record AbcParticle(IReadOnlyList<double> Theta, double Weight, double Distance, IReadOnlyList<double> Summaries, ulong SimulationSeed);
