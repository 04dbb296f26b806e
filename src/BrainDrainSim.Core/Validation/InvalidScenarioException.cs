namespace BrainDrainSim.Validation;

/// <summary>
/// Thrown when a scenario that must be valid is not: a scenario built in code, or one a sweep, an uncertain draw
/// or a sample made from a valid one. It lists every error, so a command can report them as bad input.
/// </summary>
public sealed class InvalidScenarioException : Exception
{
    /// <summary>An exception listing the errors, after a sentence saying where the scenario came from.</summary>
    public InvalidScenarioException(string scenarioName, IReadOnlyList<ScenarioIssue> errors, string? origin = null)
        : base(Describe(scenarioName, errors, origin))
    {
        ScenarioName = scenarioName;
        Errors = errors;
    }

    /// <summary>The name of the scenario that is not valid.</summary>
    public string ScenarioName { get; }

    /// <summary>Every error found.</summary>
    public IReadOnlyList<ScenarioIssue> Errors { get; }

    private static string Describe(string name, IReadOnlyList<ScenarioIssue> errors, string? origin) =>
        $"scenario '{Shown.Text(name)}'{(origin is null ? "" : $" ({origin})")} is not valid: " + string.Join("; ", errors);
}
