using BrainDrainSim.Calibration.Smc;

namespace BrainDrainSim.Calibration;

/// <summary>
/// A finished calibration, as reports read it: the problem (prior, targets, what was kept at its prior), the sampler's
/// final state (the posterior population and every generation's figures, and why it stopped), and the posterior
/// predictive of the targets.
/// </summary>
/// <param name="Problem">What was fitted to what.</param>
/// <param name="State">The sampler's final state; its population is the posterior.</param>
/// <param name="Predictive">Fresh runs at particles drawn by weight.</param>
public sealed record CalibrationOutcome(CalibrationProblem Problem, AbcSmcState State, PosteriorPredictive Predictive);
