namespace BrainDrainSim.Engine;

/// <summary>
/// Thrown by the engine's check mode when a count or cache it keeps incrementally disagrees with the same
/// quantity recomputed from scratch: the message names the month, the quantity, the researcher (if any)
/// and both values. Always a bug in the engine, never a problem with the scenario.
/// </summary>
public sealed class EngineCheckException(string message) : Exception(message);
