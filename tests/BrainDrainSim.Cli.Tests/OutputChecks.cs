using System.Globalization;
using System.Text;
using System.Text.Json;

namespace BrainDrainSim.Cli.Tests;

/// <summary>
/// What every text output must honour whatever the input: no "NaN", "Infinity" or "∞" anywhere; every CSV
/// row as wide as its header, every number cell a finite invariant-culture number, and an empty cell only
/// in a row whose status says why (never "ok"); every JSON file well-formed.
/// </summary>
internal static class OutputChecks
{
    private static readonly string[] Forbidden = ["NaN", "Infinity", "∞"];

    /// <summary>CSV columns that hold text; every other column holds numbers.</summary>
    private static readonly HashSet<string> TextColumns = new(StringComparer.Ordinal)
    {
        "metric", "month", "unit", "aggregate", "status", "policy", "measure", "method", "path",
    };

    /// <summary>Checks every non-PNG file of a results folder; returns the problems found (empty when sound).</summary>
    public static List<string> Folder(string dir)
    {
        var problems = new List<string>();
        foreach (var file in Directory.GetFiles(dir).Order(StringComparer.Ordinal))
        {
            string name = Path.GetFileName(file);
            if (name.EndsWith(".png", StringComparison.Ordinal)) continue;
            string text = File.ReadAllText(file, Encoding.UTF8);
            problems.AddRange(Text(name, text));
            if (name.EndsWith(".csv", StringComparison.Ordinal)) problems.AddRange(Csv(name, text));
            else if (name.EndsWith(".json", StringComparison.Ordinal)) problems.AddRange(Json(name, text));
        }
        return problems;
    }

    public static IEnumerable<string> Text(string what, string text)
    {
        foreach (var f in Forbidden)
        {
            int at = text.IndexOf(f, StringComparison.Ordinal);
            if (at >= 0) yield return $"{what}: '{f}' at {at}: ...{Around(text, at)}...";
        }
    }

    private static IEnumerable<string> Csv(string file, string text)
    {
        var rows = Table.Parse(text);
        if (rows.Count == 0) { yield return $"{file}: empty"; yield break; }
        var header = rows[0];
        int status = Array.IndexOf(header, "status");
        if (status < 0) yield return $"{file}: no status column";
        for (int r = 1; r < rows.Count; r++)
        {
            var row = rows[r];
            if (row.Length != header.Length)
            {
                yield return $"{file} row {r}: {row.Length} cells, header has {header.Length}";
                continue;
            }
            for (int c = 0; c < row.Length; c++)
            {
                string cell = row[c];
                if (cell.Length == 0)
                {
                    if (status >= 0 && (row[status] is "ok" or ""))
                        yield return $"{file} row {r}: {header[c]} is empty but the status is '{row[status]}': {string.Join(',', row)}";
                }
                else if (!TextColumns.Contains(header[c]) &&
                         !(double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v)))
                {
                    yield return $"{file} row {r}: {header[c]} = '{cell}' is not a finite number";
                }
            }
        }
    }

    private static IEnumerable<string> Json(string file, string text)
    {
        string? error = null;
        try { using var _ = JsonDocument.Parse(text); }
        catch (JsonException e) { error = $"{file}: not valid JSON: {e.Message}"; }
        if (error is not null) yield return error;
    }

    private static string Around(string text, int at)
    {
        int from = Math.Max(0, at - 60), to = Math.Min(text.Length, at + 60);
        return text[from..to].ReplaceLineEndings(" ");
    }
}

/// <summary>A CSV file as rows of cells (RFC 4180: quoted cells may hold commas, quotes and line breaks).</summary>
internal static class Table
{
    public static List<string[]> Parse(string text)
    {
        var rows = new List<string[]>();
        var row = new List<string>();
        var cell = new StringBuilder();
        bool quoted = false;
        for (int i = 0; i < text.Length; i++)
        {
            char ch = text[i];
            if (quoted)
            {
                if (ch != '"') cell.Append(ch);
                else if (i + 1 < text.Length && text[i + 1] == '"') { cell.Append('"'); i++; }
                else quoted = false;
            }
            else if (ch == '"') quoted = true;
            else if (ch == ',') { row.Add(cell.ToString()); cell.Clear(); }
            else if (ch == '\n')
            {
                row.Add(cell.ToString());
                cell.Clear();
                rows.Add([.. row]);
                row.Clear();
            }
            else cell.Append(ch);
        }
        if (cell.Length > 0 || row.Count > 0) { row.Add(cell.ToString()); rows.Add([.. row]); }
        return rows;
    }

    /// <summary>The file's rows as maps from column name to cell.</summary>
    public static List<Dictionary<string, string>> Read(string path)
    {
        var rows = Parse(File.ReadAllText(path, Encoding.UTF8));
        var header = rows[0];
        return rows.Skip(1).Select(r => header.Zip(r).ToDictionary(p => p.First, p => p.Second, StringComparer.Ordinal)).ToList();
    }

    public static double Number(string cell) => double.Parse(cell, NumberStyles.Float, CultureInfo.InvariantCulture);
}
