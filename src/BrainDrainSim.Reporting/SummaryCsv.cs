namespace BrainDrainSim.Reporting;

/// <summary>
/// summary.csv: one row per (metric, month) in catalog order, long ("tidy") format so that a plotting tool or
/// a dataframe can filter by metric without knowing the metric list.
/// </summary>
public static class SummaryCsv
{
    public const string Header = "metric,month,unit,n,mean,sd,p05,p25,p50,p75,p95,status";

    public static string Format(SeriesSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var csv = new Csv().Row(Header.Split(','));
        for (int m = 0; m < summary.Metrics.Count; m++)
        {
            var metric = summary.Metrics[m];
            for (int t = 0; t < summary.Months.Count; t++)
                csv.Row([metric.Name, summary.Months[t].ToString(), metric.Unit, .. StatisticsCells(summary[m, t])]);
        }
        return csv.ToString();
    }

    public static void Write(SeriesSummary summary, string path) => OutputFiles.WriteText(path, Format(summary));

    /// <summary>n, mean, sd, p05..p95, status: the columns summary.csv and annual.csv share.</summary>
    internal static IEnumerable<string> StatisticsCells(CrossRunStatistics s)
    {
        yield return Csv.Integer(s.N);
        yield return Csv.Number(s.Mean);
        yield return Csv.Number(s.Sd);
        foreach (var p in s.Percentiles) yield return Csv.Number(p);
        yield return s.Status;
    }
}
