namespace BrainDrainSim.Calibration;

/// <summary>
/// One simulation of the posterior predictive: a particle drawn by weight, run again with a fresh seed.
/// </summary>
/// <param name="Particle">The index of the particle drawn in the final population.</param>
/// <param name="Seed">The simulation's seed.</param>
/// <param name="Summaries">Every target's simulated summary, in the targets' order (NaN where undefined; none at all when the point could not be run).</param>
/// <param name="Series">The monthly series of each metric the targets name, in <see cref="PosteriorPredictive.Metrics"/>'s order (empty when the point could not be run).</param>
public sealed record PredictiveDraw(int Particle, ulong Seed, IReadOnlyList<double> Summaries, IReadOnlyList<double[]> Series);
