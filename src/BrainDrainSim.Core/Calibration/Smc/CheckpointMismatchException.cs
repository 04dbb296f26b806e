namespace BrainDrainSim.Calibration.Smc;

/// <summary>
/// Thrown when a checkpoint is resumed with a configuration other than the one that made it: continuing would
/// give a run that neither configuration describes. The message names every setting that differs.
/// </summary>
public sealed class CheckpointMismatchException(string message) : Exception(message);
