namespace BrainDrainSim.Reporting.Comparisons;

/// <summary>
/// sweep.csv: one row per (value, metric, month), long form. The level columns (n, mean, p05, p50, p95) are
/// that value's own runs (<see cref="CrossRunStatistics"/>); the diff columns are the paired difference from
/// the first value, run by run, so the first value's are zero. status is the first figure's problem found:
/// the level's when no run defines it, otherwise the difference's.
/// </summary>
public static class SweepCsv
{
    public const string Header =
        "path,value,metric,month,unit,n,mean,p05,p50,p95,diff_mean,diff_ci_low,diff_ci_high,diff_p05,diff_p95,status";

    /// <param name="sweptPath">The scenario path the sweep varied, repeated in every row so files from several sweeps can be stacked.</param>
    public static string Format(Comparison comparison, string sweptPath, IReadOnlyList<double> values) =>
        Format(comparison, SweepPoints.From(comparison, values), sweptPath);

    public static void Write(Comparison comparison, string sweptPath, IReadOnlyList<double> values, string file) =>
        OutputFiles.WriteText(file, Format(comparison, sweptPath, values));

    internal static string Format(Comparison c, SweepPoints sweep, string sweptPath)
    {
        ArgumentException.ThrowIfNullOrEmpty(sweptPath);
        var csv = new Csv().Row(Header.Split(','));
        for (int k = 0; k < sweep.Values.Count; k++)
        {
            var summary = SeriesSummary.From(sweep.Ensembles[k]);
            string value = Csv.Number(sweep.Values[k]);
            for (int m = 0; m < c.Metrics.Count; m++)
            {
                var metric = c.Metrics[m];
                int own = summary.MetricIndex(metric.Name);
                for (int t = 0; t < summary.Months.Count; t++)
                {
                    var level = summary[own, t];
                    var diff = sweep.Differences[k][m][t];
                    csv.Row(
                    [
                        sweptPath, value, metric.Name, summary.Months[t].ToString(), metric.Unit, Csv.Integer(level.N),
                        Csv.Number(level.Mean), Csv.Number(level.P05), Csv.Number(level.P50), Csv.Number(level.P95),
                        Csv.Number(diff.Mean), Csv.Number(diff.CiLow), Csv.Number(diff.CiHigh), Csv.Number(diff.P05), Csv.Number(diff.P95),
                        Status(level, diff),
                    ]);
                }
            }
        }
        return csv.ToString();
    }

    /// <summary>
    /// One status for the row: the level's when its figures are undefined, otherwise the difference's. The
    /// level's "sd undefined" is not a problem here, since sweep.csv has no sd column.
    /// </summary>
    private static string Status(CrossRunStatistics level, PairedStatistics diff) =>
        level.Status is CrossRunStatistics.StatusOk or CrossRunStatistics.StatusSdUndefined ? diff.Status : level.Status;
}
