namespace BrainDrainSim.Reporting.Tests;

/// <summary>A small RFC 4180 reader, so the tests check the files as a CSV consumer would read them.</summary>
internal static class CsvText
{
    public static List<string[]> Parse(string text)
    {
        var rows = new List<string[]>();
        var row = new List<string>();
        var field = new System.Text.StringBuilder();
        bool quoted = false;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else field.Append(c);
            }
            else if (c == '"') quoted = true;
            else if (c == ',') { row.Add(field.ToString()); field.Clear(); }
            else if (c == '\n') { row.Add(field.ToString()); field.Clear(); rows.Add([.. row]); row.Clear(); }
            else field.Append(c);
        }
        if (field.Length > 0 || row.Count > 0) { row.Add(field.ToString()); rows.Add([.. row]); }
        return rows;
    }

    /// <summary>Rows as dictionaries keyed by the header.</summary>
    public static List<Dictionary<string, string>> Records(string text)
    {
        var rows = Parse(text);
        var header = rows[0];
        return rows.Skip(1).Select(r =>
        {
            Assert.Equal(header.Length, r.Length);
            return header.Zip(r).ToDictionary(p => p.First, p => p.Second);
        }).ToList();
    }

    public static double Number(string cell) => double.Parse(cell, System.Globalization.CultureInfo.InvariantCulture);
}
