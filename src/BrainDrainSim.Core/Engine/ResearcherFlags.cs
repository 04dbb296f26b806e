namespace BrainDrainSim.Engine;

/// <summary>Per-researcher flags packed in one byte of the structure of arrays.</summary>
[Flags]
internal enum ResearcherFlags : byte
{
    None = 0,
    /// <summary>Holds a degree from a US university (opens the advanced-degree round with a master's or PhD).</summary>
    UsDegree = 1,
    /// <summary>Talent above the initial population's 90th percentile.</summary>
    TopTalent = 2,
}
