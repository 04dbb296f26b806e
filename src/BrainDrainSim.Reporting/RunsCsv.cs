using BrainDrainSim.MonteCarlo;

namespace BrainDrainSim.Reporting;

/// <summary>
/// runs.csv: one row per replication with its seed, the values drawn for the uncertain parameters and the
/// final month of every metric, so that outcomes can be regressed on inputs (a sensitivity analysis) and any
/// single run can be reproduced from its seed.
/// </summary>
public static class RunsCsv
{
    public const string FinalPrefix = "final.";
    public const string StatusMissingParameter = "missing parameter";
    public const string StatusUndefinedFinal = "undefined";

    /// <summary>
    /// The drawn-parameter columns: every path any run reports, in ordinal order (the engine gives each run
    /// the same sorted list; the union keeps a malformed ensemble from silently dropping a column).
    /// </summary>
    public static IReadOnlyList<string> ParameterColumns(EnsembleResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var paths = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var run in result.Runs)
            foreach (var p in run.Parameters) paths.Add(p.Key);
        return [.. paths];
    }

    public static IReadOnlyList<string> Columns(EnsembleResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return ["replication", "seed", .. ParameterColumns(result), .. result.Metrics.Select(m => FinalPrefix + m.Name), "status"];
    }

    public static string Format(EnsembleResult result)
    {
        EnsembleShape.Check(result);
        var parameters = ParameterColumns(result);
        int last = result.Months.Count - 1;
        var csv = new Csv().Row(Columns(result));
        foreach (var run in result.Runs)
        {
            var row = new List<string>(2 + parameters.Count + result.Metrics.Count + 1)
            {
                Csv.Integer(run.Replication),
                Csv.Integer(run.Seed),
            };
            var missing = new List<string>();
            var drawn = new Dictionary<string, double>(StringComparer.Ordinal);
            foreach (var p in run.Parameters) drawn[p.Key] = p.Value;
            foreach (var path in parameters)
            {
                if (drawn.TryGetValue(path, out var v) && double.IsFinite(v)) row.Add(Csv.Number(v));
                else { row.Add(""); missing.Add(path); }
            }

            var undefined = new List<string>();
            for (int m = 0; m < result.Metrics.Count; m++)
            {
                double v = last >= 0 ? run.Series[m][last] : double.NaN;
                row.Add(Csv.Number(v));
                if (!double.IsFinite(v)) undefined.Add(FinalPrefix + result.Metrics[m].Name);
            }

            var reasons = new List<string>();
            if (missing.Count > 0) reasons.Add($"{StatusMissingParameter}: {string.Join(" ", missing)}");
            if (undefined.Count > 0) reasons.Add($"{StatusUndefinedFinal}: {string.Join(" ", undefined)}");
            row.Add(reasons.Count == 0 ? CrossRunStatistics.StatusOk : string.Join("; ", reasons));
            csv.Row(row);
        }
        return csv.ToString();
    }

    public static void Write(EnsembleResult result, string path) => OutputFiles.WriteText(path, Format(result));
}
