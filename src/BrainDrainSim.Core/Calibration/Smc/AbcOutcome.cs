namespace BrainDrainSim.Calibration.Smc;

/// <summary>
/// What one simulation gives the sampler: its distance from the observations and the summary statistics it was
/// computed from. The summaries are kept with every accepted particle so posterior predictive checks can be drawn
/// from the population without simulating again.
/// </summary>
/// <param name="Distance">
/// The distance from the observations, 0 or more; positive infinity (or NaN) when it is undefined, for example
/// when the simulated population died out: such a simulation is never accepted. A negative distance is a bug in
/// the simulator and stops the run.
/// </param>
/// <param name="Summaries">The simulated summary statistics (the sampler only stores them).</param>
public sealed record AbcOutcome(double Distance, IReadOnlyList<double> Summaries);
