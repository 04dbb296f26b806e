namespace BrainDrainSim.Scenarios.Tests.Fuzz;

/// <summary>What a fuzz case must give, beyond the properties every case must have.</summary>
public enum Expect
{
    /// <summary>A valid scenario or errors: the mutation may or may not break the file.</summary>
    Either,

    /// <summary>The mutation certainly breaks the file (a misspelt key, NaN for a number, a bad date...).</summary>
    Errors,

    /// <summary>The mutation keeps the file valid (CRLF line ends, a byte-order mark, a comment).</summary>
    Valid,
}

/// <summary>
/// One input of the fuzz test. <see cref="Text"/> is loaded with <see cref="ScenarioLoader.LoadText"/> as if it
/// were the file <see cref="File"/> (so that <c>extends</c> resolves beside it); with no text, the file on disk
/// is loaded with <see cref="ScenarioLoader.Load"/> (raw bytes, huge files, folders, devices).
/// </summary>
public sealed record FuzzCase(string Name, string File, string? Text, Expect Expect = Expect.Either)
{
    /// <summary>An error message fragment that must appear among the errors (a size limit, a cycle...).</summary>
    public string? Fragment { get; init; }

    /// <summary>The number of errors there must be: one mistake in a valid file gives one error, not two.</summary>
    public int? Exactly { get; init; }

    /// <summary>A file that at least one error must name (a broken base reached through <c>extends</c>).</summary>
    public string? ErrorIn { get; init; }

    /// <summary>
    /// True when the text is well-formed YAML whose root is a mapping: every error about it then concerns a key
    /// and must name its key path (a file-level error such as a syntax error cannot occur).
    /// </summary>
    public bool WellFormed { get; init; }

    public override string ToString() => Name;
}
