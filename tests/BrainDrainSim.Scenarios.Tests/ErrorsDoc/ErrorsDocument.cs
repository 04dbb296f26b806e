using System.Text.RegularExpressions;

namespace BrainDrainSim.Scenarios.Tests.ErrorsDoc;

/// <summary>
/// The loader's rows of docs/errors.md, read from the doc itself: so that the golden test follows the doc
/// (a row added without an example fails) instead of a second list that could silently fall behind it.
/// </summary>
internal static partial class ErrorsDocument
{
    /// <summary>The doc's sections whose messages come from the scenario loader and the targets loader (the rest are the command line's).</summary>
    public static readonly string[] LoaderSections =
    [
        "File and YAML syntax", "Unknown keys", "Types and values", "Bounds and units", "Dates, lever timing and the timeline",
        "Shares and sectors", "Levers", "extends", "Uncertainty", "Calibration targets",
    ];

    public static string DocPath => Path.Combine(RepoPaths.Root, "docs", "errors.md");

    /// <summary>
    /// The first cell of every table row of the loader's sections, in the doc's order: the message without its
    /// backticks, or the cell as written when it is not one literal message (such as "any error above, ...").
    /// Fails when a loader section is missing, so that a renamed heading cannot make rows vanish from the test.
    /// </summary>
    public static IReadOnlyList<(string Section, string Message)> LoaderRows()
    {
        var rows = new List<(string, string)>();
        var seen = new HashSet<string>();
        string? section = null;
        foreach (string line in File.ReadLines(DocPath))
        {
            if (line.StartsWith("## ", StringComparison.Ordinal))
            {
                section = LoaderSections.Contains(line[3..]) ? line[3..] : null;
                if (section is not null) seen.Add(section);
                continue;
            }
            if (section is null || !line.StartsWith("| ", StringComparison.Ordinal) || line.StartsWith("| message |", StringComparison.Ordinal)) continue;
            var match = Row().Match(line);
            if (!match.Success) throw new InvalidDataException($"a table row of '{section}' in errors.md cannot be read: {line}");
            rows.Add((section, match.Groups["code"].Success ? match.Groups["code"].Value : match.Groups["cell"].Value));
        }
        var missing = LoaderSections.Where(s => !seen.Contains(s)).ToList();
        if (missing.Count > 0) throw new InvalidDataException("errors.md has no section " + string.Join(", ", missing));
        return rows;
    }

    /// <summary>A row's first cell: a message in backticks (then nothing but " | "), or plain text up to " | ".</summary>
    [GeneratedRegex(@"^\| (?:`(?<code>[^`]+)`|(?<cell>[^`|]+?)) \|")]
    private static partial Regex Row();
}
