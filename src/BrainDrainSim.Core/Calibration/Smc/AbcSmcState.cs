namespace BrainDrainSim.Calibration.Smc;

/// <summary>
/// The whole state of an ABC-SMC run after a generation: enough to continue it exactly
/// (<see cref="AbcSmcSampler.Step"/> is a pure function of it) and to report on it. A checkpoint
/// (<see cref="AbcCheckpoint"/>) stores it bit for bit.
/// </summary>
/// <param name="Configuration">The configuration, seed included.</param>
/// <param name="Population">The last completed generation, or null before generation 0 has completed.</param>
/// <param name="History">Every completed generation's figures, in order.</param>
/// <param name="Simulations">Every simulation made, those of a discarded generation included.</param>
/// <param name="Attempts">
/// Every proposal of the completed generations: their simulations and their proposals of zero prior density. (A
/// discarded generation's are left out: how many proposals it made before the budget ran out depends on the threads.)
/// </param>
/// <param name="Stop">Why the run stopped, or null while it can go on.</param>
public sealed record AbcSmcState(AbcSmcConfiguration Configuration, AbcPopulation? Population,
    IReadOnlyList<AbcGenerationStats> History, long Simulations, long Attempts, AbcStop? Stop)
{
    /// <summary>The state before generation 0: the configuration alone (checked, so a bad one fails here).</summary>
    public static AbcSmcState Start(AbcSmcConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        configuration.Validate();
        return new AbcSmcState(configuration, null, [], 0, 0, null);
    }

    /// <summary>True once a stopping rule has been met: stepping it again changes nothing.</summary>
    public bool Finished => Stop is not null;
}
