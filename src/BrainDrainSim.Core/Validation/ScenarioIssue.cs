namespace BrainDrainSim.Validation;

/// <summary>
/// One finding of the validator, placed by the scenario path of the value it concerns
/// (<c>levers[0].sector_shares</c>); the loader turns the path into a file, line and column.
/// </summary>
/// <param name="Path">The key path, as written in scenario files ("" for the scenario as a whole).</param>
/// <param name="Message">What is wrong and how to put it right.</param>
/// <param name="Severity">An error (nothing runs) or a warning (it runs, and the warning is reported).</param>
/// <param name="Place">What a file location points at: the value (by default), the key, or the section that lacks a required key.</param>
public sealed record ScenarioIssue(string Path, string Message, IssueSeverity Severity = IssueSeverity.Error, IssuePlace Place = IssuePlace.Value)
{
    /// <summary>"path: message", or the message alone for the scenario as a whole.</summary>
    public override string ToString() => Path.Length == 0 ? Message : $"{Path}: {Message}";
}
