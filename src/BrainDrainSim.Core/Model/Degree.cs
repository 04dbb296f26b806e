namespace BrainDrainSim.Model;

/// <summary>Highest degree held; master's and PhD open the H-1B advanced-degree round when earned in the US.</summary>
public enum Degree : byte { Bachelor = 0, Master = 1, Phd = 2 }
