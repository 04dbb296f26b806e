namespace BrainDrainSim.Validation;

/// <summary>Everything the validator found in a scenario: errors (it may not run) and warnings (it runs).</summary>
public sealed class ValidationReport
{
    internal ValidationReport(IReadOnlyList<ScenarioIssue> issues)
    {
        Errors = issues.Where(i => i.Severity == IssueSeverity.Error).ToArray();
        Warnings = issues.Where(i => i.Severity == IssueSeverity.Warning).ToArray();
    }

    /// <summary>What makes the scenario invalid, in the order found.</summary>
    public IReadOnlyList<ScenarioIssue> Errors { get; }

    /// <summary>Values outside their plausible range, in the order found.</summary>
    public IReadOnlyList<ScenarioIssue> Warnings { get; }

    /// <summary>True when there is no error.</summary>
    public bool Ok => Errors.Count == 0;
}
