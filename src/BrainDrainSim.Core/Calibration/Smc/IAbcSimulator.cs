namespace BrainDrainSim.Calibration.Smc;

/// <summary>
/// The model an ABC-SMC run calibrates: one simulation at a parameter vector, compared with the observations.
/// The sampler calls it from several threads at once, so an implementation must be safe to call concurrently and
/// must draw all of its randomness from <c>simulationSeed</c>: the same (theta, seed) must give the same outcome,
/// bit for bit, or a run cannot be repeated, resumed or spread over threads.
/// </summary>
public interface IAbcSimulator
{
    /// <summary>
    /// Simulates the model at <paramref name="theta"/> (one value per prior parameter, in the prior's order) with
    /// its randomness keyed by <paramref name="simulationSeed"/>, and measures the distance of the result from the
    /// observations. The span is only valid during the call.
    /// </summary>
    AbcOutcome Simulate(ReadOnlySpan<double> theta, ulong simulationSeed);
}
