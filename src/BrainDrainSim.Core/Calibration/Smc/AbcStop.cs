namespace BrainDrainSim.Calibration.Smc;

/// <summary>Why and where a run stopped.</summary>
/// <param name="Reason">The rule that stopped it.</param>
/// <param name="Detail">A sentence for a person: the figures that met the rule.</param>
public sealed record AbcStop(AbcStopReason Reason, string Detail);
