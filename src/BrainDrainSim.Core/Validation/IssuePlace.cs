namespace BrainDrainSim.Validation;

/// <summary>Where in a file a finding about a key path points, so that the user lands on what to change.</summary>
public enum IssuePlace
{
    /// <summary>At the value (or, when the key was not written, at the nearest section that was).</summary>
    Value,

    /// <summary>At the key itself: a key that should not be there, a name that is not a sector, a path that names nothing.</summary>
    Key,

    /// <summary>At the section that holds (or lacks) the key: a value that is required and missing, written empty or not at all.</summary>
    Section,
}
