namespace BrainDrainSim.Calibration.Smc;

/// <summary>Why an ABC-SMC run stopped. Every rule depends only on the run's state, never on timing.</summary>
public enum AbcStopReason
{
    /// <summary>The last generation ran at the minimum tolerance.</summary>
    MinimumTolerance,

    /// <summary>The last generation's acceptance rate was at or below the floor.</summary>
    AcceptanceFloor,

    /// <summary>
    /// The budget could not pay for another generation: what was left could not give each particle one simulation,
    /// or a generation needed more than was left and was discarded after using it.
    /// </summary>
    SimulationBudget,

    /// <summary>The run made the most generations allowed.</summary>
    MaxGenerations,

    /// <summary>
    /// The population's weighted covariance was not positive definite (its weight sat on too few distinct
    /// particles), so no perturbation kernel could be built.
    /// </summary>
    DegeneratePopulation,
}
