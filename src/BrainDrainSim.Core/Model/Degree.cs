namespace BrainDrainSim.Model;

/// <summary>Highest degree held; master's and PhD open the H-1B advanced-degree round when earned in the US.</summary>
public enum Degree : byte
{
    /// <summary>A bachelor's degree (entrants hired from college, and students who leave with the one they hold).</summary>
    Bachelor = 0,

    /// <summary>A master's degree.</summary>
    Master = 1,

    /// <summary>A doctorate.</summary>
    Phd = 2,
}
