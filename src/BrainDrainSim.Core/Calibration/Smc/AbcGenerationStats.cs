namespace BrainDrainSim.Calibration.Smc;

/// <summary>What one generation cost and gave, as a progress line or a report shows it.</summary>
/// <param name="Generation">The generation, from 0 (the prior).</param>
/// <param name="Tolerance">Its tolerance (positive infinity in generation 0).</param>
/// <param name="Simulations">The simulations it made.</param>
/// <param name="Attempts">
/// Its proposals: the simulations plus the proposals of zero prior density, rejected without simulating.
/// </param>
/// <param name="AcceptanceRate">Accepted particles over simulations.</param>
/// <param name="EffectiveSampleSize">The effective sample size of its weights.</param>
public sealed record AbcGenerationStats(int Generation, double Tolerance, long Simulations, long Attempts, double AcceptanceRate, double EffectiveSampleSize);
