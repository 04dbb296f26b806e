namespace BrainDrainSim.Reporting;

/// <summary>
/// annual.csv: per metric and calendar year, the statistics over runs of each run's yearly value (flows
/// summed, stocks and ratios at the year's last simulated month). <c>months</c> says how many simulated months
/// the year holds, so a partial first or last year is not mistaken for a full one.
/// </summary>
public static class AnnualCsv
{
    public const string Header = "metric,year,months,unit,aggregate,n,mean,sd,p05,p25,p50,p75,p95,status";

    public static string Format(AnnualSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var csv = new Csv().Row(Header.Split(','));
        for (int m = 0; m < summary.Metrics.Count; m++)
        {
            var metric = summary.Metrics[m];
            string unit = AnnualSummary.AnnualUnitOf(metric);
            string aggregate = AnnualSummary.AggregateOf(metric.Kind);
            for (int y = 0; y < summary.Years.Count; y++)
            {
                var year = summary.Years[y];
                csv.Row([metric.Name, Csv.Integer(year.Year), Csv.Integer(year.MonthCount), unit, aggregate,
                    .. SummaryCsv.StatisticsCells(summary[m, y])]);
            }
        }
        return csv.ToString();
    }

    public static void Write(AnnualSummary summary, string path) => OutputFiles.WriteText(path, Format(summary));
}
