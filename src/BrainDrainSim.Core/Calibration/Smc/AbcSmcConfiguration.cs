using System.Globalization;

namespace BrainDrainSim.Calibration.Smc;

/// <summary>
/// Everything that decides the bytes of an ABC-SMC run besides the simulator: the prior, the population size, the
/// tolerance schedule, the stopping rules and the seed. The thread count is not here because it changes nothing.
/// A checkpoint stores it, and resuming with a configuration whose <see cref="AbcCheckpoint.Fingerprint"/> differs
/// is refused.
/// </summary>
public sealed record AbcSmcConfiguration
{
    /// <summary>The prior over the calibrated parameters.</summary>
    public required AbcPrior Prior { get; init; }

    /// <summary>The particles of every generation (N).</summary>
    public int Particles { get; init; } = 1000;

    /// <summary>The master seed: every simulation's seed and every draw of the sampler derive from it.</summary>
    public ulong Seed { get; init; }

    /// <summary>
    /// The tolerance of generation t is this quantile of generation t - 1's accepted distances (0.5: the median,
    /// pyABC's default too).
    /// </summary>
    public double ToleranceQuantile { get; init; } = 0.5;

    /// <summary>
    /// The tolerance not to go below: once the adaptive tolerance falls to it or below, one last generation runs at
    /// exactly this tolerance and the run stops (<see cref="AbcStopReason.MinimumTolerance"/>). With a distance
    /// scaled by the observations' error, <see cref="AbcTolerance.ChiQuantile"/> gives the point where observation
    /// error alone explains the misfit (Wilkinson 2013). 0 turns the rule off.
    /// </summary>
    public double MinimumTolerance { get; init; }

    /// <summary>
    /// How the last generation, the one at <see cref="MinimumTolerance"/>, accepts a simulation:
    /// <see cref="AbcFinalAcceptance.Uniform"/> (the default) when its distance is at most the minimum tolerance;
    /// <see cref="AbcFinalAcceptance.ObservationError"/> with probability exp(-D^2 / 2), which makes the final
    /// population the exact posterior of the simulator plus normal observation error, when the distance is in units of
    /// the observations' sd (Wilkinson 2013). Only a run that reaches the minimum tolerance has such a generation;
    /// without one (<see cref="MinimumTolerance"/> 0, or another rule stopping the run first) this changes nothing.
    /// The default leaves the fingerprint, and so every checkpoint, as it was before the setting existed.
    /// </summary>
    public AbcFinalAcceptance FinalAcceptance { get; init; }

    /// <summary>
    /// The run stops after a generation whose acceptance rate (accepted / simulations) is at or below this
    /// (<see cref="AbcStopReason.AcceptanceFloor"/>): the tolerance then costs more than it gains. 0 turns it off.
    /// It is judged only once a generation has completed, and the last generation, at the minimum tolerance, stops
    /// the run for that reason whatever its rate, so it never cuts the last generation short.
    /// </summary>
    public double AcceptanceFloor { get; init; } = 0.01;

    /// <summary>
    /// The most simulations the whole run may make, never exceeded. A generation runs only when what is left gives
    /// every particle at least one; one whose particles need more than is left in all (each until its first
    /// acceptance) uses what is left and is discarded, and the previous generation is the result
    /// (<see cref="AbcStopReason.SimulationBudget"/>).
    /// </summary>
    public long SimulationBudget { get; init; } = long.MaxValue;

    /// <summary>The most generations, generation 0 (the prior) included (<see cref="AbcStopReason.MaxGenerations"/>).</summary>
    public int MaxGenerations { get; init; } = 20;

    /// <summary>
    /// The perturbation kernel's covariance is this times the weighted covariance of the previous population
    /// (2: Beaumont et al. 2009).
    /// </summary>
    public double KernelScale { get; init; } = 2;

    /// <summary>
    /// What is being calibrated, in the caller's words (for example a hash of the scenario and the targets): it
    /// goes into the fingerprint, so a checkpoint of another model or other observations is not resumed.
    /// </summary>
    public string Model { get; init; } = "";

    /// <summary>Throws <see cref="ArgumentException"/> naming the first setting out of its range.</summary>
    public void Validate()
    {
        ArgumentNullException.ThrowIfNull(Prior, nameof(Prior));
        ArgumentNullException.ThrowIfNull(Model, nameof(Model));
        // The weighted covariance of N points in d dimensions is singular unless N > d.
        if (Particles < 2 || Particles <= Prior.Dimension)
            throw new ArgumentException($"particles must be at least 2 and above the {Prior.Dimension} parameters, not {Particles}");
        if (!(ToleranceQuantile > 0 && ToleranceQuantile < 1))
            throw new ArgumentException($"the tolerance quantile must lie in (0, 1), not {F(ToleranceQuantile)}");
        if (!(MinimumTolerance >= 0 && double.IsFinite(MinimumTolerance)))
            throw new ArgumentException($"the minimum tolerance must be a finite number of at least 0, not {F(MinimumTolerance)}");
        if (!Enum.IsDefined(FinalAcceptance))
            throw new ArgumentException($"the final acceptance must be one of {string.Join(", ", Enum.GetNames<AbcFinalAcceptance>())}, not {(int)FinalAcceptance}");
        if (!(AcceptanceFloor >= 0 && AcceptanceFloor < 1))
            throw new ArgumentException($"the acceptance floor must lie in [0, 1), not {F(AcceptanceFloor)}");
        if (SimulationBudget < 1) throw new ArgumentException($"the simulation budget must be at least 1, not {SimulationBudget}");
        if (MaxGenerations < 1) throw new ArgumentException($"the generations must be at least 1, not {MaxGenerations}");
        if (!(KernelScale > 0 && double.IsFinite(KernelScale)))
            throw new ArgumentException($"the kernel scale must be a finite number above 0, not {F(KernelScale)}");
    }

    private static string F(double v) => v.ToString("R", CultureInfo.InvariantCulture);
}
