namespace BrainDrainSim.Scenarios.Tests.Fuzz;

/// <summary>What every load must give, whatever the input: the properties the fuzz test checks on each case.</summary>
internal static class CaseChecks
{
    /// <summary>An error line longer than this is no longer a clear message (it echoes the input whole).</summary>
    public const int MaxMessageLength = 1000;

    /// <summary>Errors about a file as a whole, which have no line or column: it could not be read at all.</summary>
    private static readonly string[] UnplacedFragments = ["cannot find", "is a directory", "larger than", "cannot read", "no scenario file"];

    /// <summary>Errors about the text as a whole, which have a place but no key (a key that is a list has no name either).</summary>
    private static readonly string[] FileLevelPrefixes =
        ["YAML syntax error", "the file", "a scenario file must be a mapping", "the document", "the alias", "a key must be plain text"];

    public static IEnumerable<string> Problems(FuzzCase c, ScenarioLoadResult r)
    {
        if (r.Ok != (r.Scenario is not null)) yield return "Ok and Scenario disagree";
        if (r.Ok != (r.Errors.Count == 0)) yield return "Ok and Errors disagree";
        if (c.Expect == Expect.Errors && r.Ok) yield return "expected errors, but the scenario is valid";
        if (c.Expect == Expect.Valid && !r.Ok) yield return "expected a valid scenario";
        if (c.Exactly is { } n && r.Errors.Count != n) yield return $"expected exactly {n} error(s), got {r.Errors.Count}";
        if (c.Fragment is { } fragment && !r.Errors.Any(e => e.Message.Contains(fragment, StringComparison.Ordinal)))
            yield return $"no error says '{fragment}'";
        if (c.ErrorIn is { } file && !r.Errors.Any(e => e.File == file)) yield return $"no error names {file}";

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var e in r.Errors)
        {
            foreach (var p in ErrorProblems(c, e)) yield return $"{p}: {e}";
            if (!seen.Add(e.ToString())) yield return $"reported twice: {e}";
        }
        for (int i = 1; i < r.Errors.Count; i++)
            if (r.Errors[i].File == r.Errors[i - 1].File && (r.Errors[i].Line, r.Errors[i].Column).CompareTo((r.Errors[i - 1].Line, r.Errors[i - 1].Column)) < 0)
                yield return "errors are not in file order";
    }

    private static IEnumerable<string> ErrorProblems(FuzzCase c, ScenarioError e)
    {
        if (string.IsNullOrWhiteSpace(e.Message)) yield return "empty message";
        if (e.Message.Contains("could not be loaded (", StringComparison.Ordinal)) yield return "an exception was caught inside the loader";
        if (e.Message.Any(ch => char.IsControl(ch) || ch is '\u2028' or '\u2029')) yield return "the message holds a control character or line break";
        if (e.ToString().Length > MaxMessageLength + e.File.Length) yield return $"the error is {e.ToString().Length} characters long";
        if (e.Message != e.Message.Trim()) yield return "the message has leading or trailing spaces";
        if (string.IsNullOrEmpty(e.File)) yield return "no file";
        if (e.Line < 0 || e.Column < 0 || (e.Line == 0) != (e.Column == 0)) yield return "a bad line or column";
        if (e.Line == 0 && (e.KeyPath.Length > 0 || !UnplacedFragments.Any(f => e.Message.Contains(f, StringComparison.Ordinal))))
            yield return "no line or column for a problem that has a place";
        string place = $"{e.File}:{e.Line}:{e.Column}: ";
        if (!e.ToString().StartsWith(e.KeyPath.Length == 0 ? place : $"{place}{e.KeyPath}: ", StringComparison.Ordinal))
            yield return "the line does not read file:line:column: key: message";
        if (c.WellFormed && e.KeyPath.Length == 0 && !FileLevelPrefixes.Any(p => e.Message.StartsWith(p, StringComparison.Ordinal)))
            yield return "no key path for a problem with a key";
    }
}
