using BrainDrainSim.Model;
using BrainDrainSim.MonteCarlo;

namespace BrainDrainSim.Reporting;

/// <summary>
/// Per calendar year and metric: each run's yearly value (flows summed over the year's simulated months,
/// stocks and ratios at the year's last simulated month), then statistics over the runs in replication order.
/// </summary>
public sealed class AnnualSummary
{
    public const string AggregateSum = "sum";
    public const string AggregateLast = "last";

    private readonly CrossRunStatistics[][] _cells;

    private AnnualSummary(string scenarioName, IReadOnlyList<MetricInfo> metrics, IReadOnlyList<AnnualPeriod> years,
        int replications, CrossRunStatistics[][] cells)
    {
        ScenarioName = scenarioName;
        Metrics = metrics;
        Years = years;
        Replications = replications;
        _cells = cells;
    }

    public string ScenarioName { get; }
    public IReadOnlyList<MetricInfo> Metrics { get; }
    public IReadOnlyList<AnnualPeriod> Years { get; }
    public int Replications { get; }

    /// <summary>The statistics of metric <paramref name="metric"/> in year index <paramref name="year"/> (into <see cref="Years"/>).</summary>
    public CrossRunStatistics this[int metric, int year] => _cells[metric][year];

    /// <summary><c>sum</c> for flows, <c>last</c> for stocks and ratios.</summary>
    public static string AggregateOf(MetricKind kind) => kind == MetricKind.Flow ? AggregateSum : AggregateLast;

    /// <summary>
    /// The unit of the yearly figure: a flow's "X per month" summed over a year is "X per year" (over the
    /// simulated months of that year; the months column says how many); other units are unchanged.
    /// </summary>
    public static string AnnualUnitOf(MetricInfo metric)
    {
        ArgumentNullException.ThrowIfNull(metric);
        const string perMonth = " per month";
        return metric.Kind == MetricKind.Flow && metric.Unit.EndsWith(perMonth, StringComparison.Ordinal)
            ? string.Concat(metric.Unit.AsSpan(0, metric.Unit.Length - perMonth.Length), " per year")
            : metric.Unit;
    }

    /// <summary>
    /// One run's yearly values, [metric][year]. A yearly sum with any undefined month is undefined (NaN): a
    /// partial sum would look like a smaller flow rather than a missing one.
    /// </summary>
    public static double[][] AggregateRun(ReplicationResult run, IReadOnlyList<MetricInfo> metrics, IReadOnlyList<AnnualPeriod> years)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(metrics);
        ArgumentNullException.ThrowIfNull(years);
        var values = new double[metrics.Count][];
        for (int m = 0; m < metrics.Count; m++)
        {
            var series = run.Series[m];
            values[m] = new double[years.Count];
            for (int y = 0; y < years.Count; y++)
            {
                var period = years[y];
                if (metrics[m].Kind == MetricKind.Flow)
                {
                    double sum = 0;
                    for (int t = period.FirstMonth; t <= period.LastMonth; t++)
                    {
                        if (!double.IsFinite(series[t])) { sum = double.NaN; break; }
                        sum += series[t];
                    }
                    values[m][y] = sum;
                }
                else
                {
                    values[m][y] = series[period.LastMonth];
                }
            }
        }
        return values;
    }

    public static AnnualSummary From(EnsembleResult result)
    {
        EnsembleShape.Check(result);
        var years = AnnualPeriod.Split(result.Months);
        int runs = result.Runs.Count;
        var perRun = new double[runs][][];
        for (int r = 0; r < runs; r++) perRun[r] = AggregateRun(result.Runs[r], result.Metrics, years);

        var cells = new CrossRunStatistics[result.Metrics.Count][];
        var column = new double[runs];
        for (int m = 0; m < cells.Length; m++)
        {
            cells[m] = new CrossRunStatistics[years.Count];
            for (int y = 0; y < years.Count; y++)
            {
                for (int r = 0; r < runs; r++) column[r] = perRun[r][m][y];
                cells[m][y] = CrossRunStatistics.Of(column);
            }
        }
        return new AnnualSummary(result.Scenario.Name, result.Metrics, years, runs, cells);
    }
}
