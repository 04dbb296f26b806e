namespace BrainDrainSim.Validation;

/// <summary>Whether a finding stops a scenario from running (an error) or only asks the user to look (a warning).</summary>
public enum IssueSeverity
{
    /// <summary>The scenario is not valid: nothing runs.</summary>
    Error,

    /// <summary>The scenario is valid but a value is outside its plausible range: it runs, and the warning is reported.</summary>
    Warning,
}
