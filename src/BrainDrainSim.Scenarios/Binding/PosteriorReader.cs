using System.Globalization;
using System.Text;
using BrainDrainSim.Model;
using BrainDrainSim.Validation;

namespace BrainDrainSim.Scenarios.Binding;

/// <summary>
/// Reads a calibration's posterior.csv into a <see cref="PosteriorSample"/>: the <c>weight</c> column and every
/// column headed by a scenario path; <c>particle</c>, <c>distance</c>, <c>simulation_seed</c> and the
/// <c>summary.*</c> columns are the calibration's own and are left out. Only the file's form is checked here
/// (a header, numbers where numbers go); whether the paths and values fit the scenario is the validator's, so
/// that a posterior built in code meets the same rules.
/// </summary>
internal static class PosteriorReader
{
    public const string WeightColumn = "weight";
    private static readonly string[] Ignored = ["particle", "distance", "simulation_seed"];
    private const string SummaryPrefix = "summary.";

    /// <summary>The rows of the file, or null after <paramref name="fail"/> was given the first reason it cannot be read.</summary>
    /// <param name="bytes">The file's bytes.</param>
    /// <param name="source">The file as the scenario names it, for messages and the sample.</param>
    /// <param name="fail">Takes the message of a failure.</param>
    public static PosteriorSample? Read(byte[] bytes, string source, Action<string> fail)
    {
        string named = Shown.FilePath(source);
        string text;
        try
        {
            text = new UTF8Encoding(false, true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            fail($"{named} is not UTF-8 text (is it the posterior.csv that braindrain calibrate wrote?)");
            return null;
        }
        if (text.Length > 0 && text[0] == '\uFEFF') text = text[1..];
        var lines = text.Split('\n');
        int headerAt = Array.FindIndex(lines, l => l.Trim('\r').Length > 0);
        if (headerAt < 0)
        {
            fail($"{named} is empty: a posterior needs a header line and one row per particle");
            return null;
        }
        if (Fields(lines[headerAt], named, headerAt + 1, fail) is not { } header) return null;
        for (int c = 0; c < header.Count; c++)
            if (header.IndexOf(header[c]) != c)
            {
                fail($"{named}: the column '{Shown.Text(header[c])}' appears twice in the header");
                return null;
            }
        int weightAt = header.IndexOf(WeightColumn);
        if (weightAt < 0)
        {
            fail($"{named} has no '{WeightColumn}' column: each row is drawn by its weight (the posterior.csv of braindrain calibrate has one)");
            return null;
        }
        var columns = Enumerable.Range(0, header.Count)
            .Where(c => c != weightAt && !Ignored.Contains(header[c]) && !header[c].StartsWith(SummaryPrefix, StringComparison.Ordinal))
            .ToArray();

        var rows = new List<double[]>();
        var weights = new List<double>();
        var rowLines = new List<int>();
        for (int i = headerAt + 1; i < lines.Length; i++)
        {
            if (lines[i].Trim('\r').Length == 0) continue;
            int line = i + 1;
            if (Fields(lines[i], named, line, fail) is not { } fields) return null;
            if (fields.Count != header.Count)
            {
                fail($"{named}, line {line} has {fields.Count} fields; the header has {header.Count}");
                return null;
            }
            if (Number(fields[weightAt], named, line, WeightColumn, fail) is not { } weight) return null;
            var row = new double[columns.Length];
            for (int k = 0; k < columns.Length; k++)
            {
                if (Number(fields[columns[k]], named, line, header[columns[k]], fail) is not { } v) return null;
                row[k] = v;
            }
            rows.Add(row);
            weights.Add(weight);
            rowLines.Add(line);
        }
        return new PosteriorSample(source, columns.Select(c => header[c]), rows, weights, rowLines);
    }

    private static double? Number(string field, string named, int line, string column, Action<string> fail)
    {
        string trimmed = field.Trim();
        if (double.TryParse(trimmed, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v)) return v;
        fail($"{named}, line {line}, column '{Shown.Text(column)}': expected a finite number, not '{Shown.Text(trimmed)}'");
        return null;
    }

    /// <summary>The fields of one line: separated by commas, a field in double quotes may hold commas and doubled quotes.</summary>
    private static List<string>? Fields(string line, string named, int number, Action<string> fail)
    {
        line = line.TrimEnd('\r');
        var fields = new List<string>();
        var field = new StringBuilder();
        bool quoted = false;
        for (int i = 0; i < line.Length; i++)
        {
            char ch = line[i];
            if (quoted)
            {
                if (ch != '"') field.Append(ch);
                else if (i + 1 < line.Length && line[i + 1] == '"') field.Append(line[++i]);
                else quoted = false;
            }
            else if (ch == '"' && field.Length == 0) quoted = true;
            else if (ch == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else field.Append(ch);
        }
        if (quoted)
        {
            fail($"{named}, line {number}: a quoted field is not closed on its line");
            return null;
        }
        fields.Add(field.ToString());
        return fields;
    }
}
