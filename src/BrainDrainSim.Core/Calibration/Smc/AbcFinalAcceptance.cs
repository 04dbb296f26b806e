namespace BrainDrainSim.Calibration.Smc;

/// <summary>
/// How the last generation of a run, the one at <see cref="AbcSmcConfiguration.MinimumTolerance"/>, accepts a
/// simulation (<see cref="AbcSmcConfiguration.FinalAcceptance"/>). Every earlier generation accepts by the uniform
/// kernel, distance at most its tolerance, whichever is chosen.
/// </summary>
public enum AbcFinalAcceptance
{
    /// <summary>
    /// A simulation is accepted when its distance is at most the minimum tolerance, and every accepted one counts
    /// alike: the posterior is the prior's given a fit within the ball, so a misfit just inside it counts as fully
    /// as a perfect fit.
    /// </summary>
    Uniform,

    /// <summary>
    /// A simulation at distance D is accepted with probability exp(-D^2 / 2), whatever the minimum tolerance (which
    /// then only says when the last generation comes), by one more uniform drawn from the attempt's own keys. With
    /// a distance that is the Euclidean norm of the summaries' misfits each divided by its observation error's sd,
    /// this is the Gaussian density of the observation error relative to its largest value, so the result is the
    /// exact posterior of the model "simulator plus independent normal observation errors" (Wilkinson 2013, Stat.
    /// Appl. Genet. Mol. Biol. 12(2):129), no longer an approximation. At a tolerance such as
    /// <see cref="AbcTolerance.ChiQuantile"/> it accepts fewer simulations than the uniform ball, and its particles'
    /// distances may exceed the minimum tolerance.
    /// </summary>
    ObservationError,
}
