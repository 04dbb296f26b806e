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
    /// <summary>
    /// Left the field while in the US: an exited researcher has no location, but the US PhD stay rate counts one
    /// who left the field in the US as still there (docs/model.md 3.3.9).
    /// </summary>
    ExitedInUs = 4,
}
