namespace BrainDrainSim.Scenarios;

/// <summary>
/// One problem found in a scenario, placed where the user can fix it. <see cref="Line"/> and
/// <see cref="Column"/> are 1-based; both are 0 when the file could not be read at all (there is no
/// place in it to point at). <see cref="KeyPath"/> is the scenario path (<c>levers[1].selection_rate</c>),
/// or "" for a problem with the file as a whole.
/// </summary>
public sealed record ScenarioError(string File, int Line, int Column, string KeyPath, string Message)
{
    /// <summary>
    /// The compiler-style line that editors and terminals turn into a link. A file-level error has no key
    /// path, so its empty segment is left out rather than printed as ": :".
    /// </summary>
    public override string ToString() =>
        KeyPath.Length == 0
            ? $"{File}:{Line}:{Column}: {Message}"
            : $"{File}:{Line}:{Column}: {KeyPath}: {Message}";
}
