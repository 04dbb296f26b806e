namespace BrainDrainSim.Model;

/// <summary>A path that does not name a real-valued quantity of the scenario.</summary>
public sealed class ScenarioPathException(string message) : Exception(message);
