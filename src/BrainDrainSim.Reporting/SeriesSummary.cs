using BrainDrainSim.Model;
using BrainDrainSim.MonteCarlo;

namespace BrainDrainSim.Reporting;

/// <summary>
/// Cross-run statistics of every metric in every month, reduced in replication order so that the result
/// depends only on the per-replication series, never on threads or the order in which runs finished.
/// </summary>
public sealed class SeriesSummary
{
    private readonly CrossRunStatistics[][] _cells;

    private SeriesSummary(string scenarioName, IReadOnlyList<MetricInfo> metrics, IReadOnlyList<YearMonth> months,
        int replications, CrossRunStatistics[][] cells)
    {
        ScenarioName = scenarioName;
        Metrics = metrics;
        Months = months;
        Replications = replications;
        _cells = cells;
    }

    public string ScenarioName { get; }
    public IReadOnlyList<MetricInfo> Metrics { get; }
    public IReadOnlyList<YearMonth> Months { get; }
    public int Replications { get; }

    /// <summary>The statistics of metric <paramref name="metric"/> (index into <see cref="Metrics"/>) in month <paramref name="month"/>.</summary>
    public CrossRunStatistics this[int metric, int month] => _cells[metric][month];

    /// <summary>One metric's statistics, month by month.</summary>
    public IReadOnlyList<CrossRunStatistics> Of(int metric) => _cells[metric];

    /// <summary>The index of a metric by name, or -1.</summary>
    public int MetricIndex(string name) => MetricCatalog.IndexOf(Metrics, name);

    /// <summary>
    /// The type-7 median of the defined values (NaN if there are none), the figure the charts draw as the line;
    /// for a one-off figure such as a console summary of final values.
    /// </summary>
    public static double Median(IEnumerable<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return CrossRunStatistics.Of(values.ToArray()).P50;
    }

    public static SeriesSummary From(EnsembleResult result)
    {
        EnsembleShape.Check(result);
        int runs = result.Runs.Count, months = result.Months.Count;
        var cells = new CrossRunStatistics[result.Metrics.Count][];
        // Metrics on the cores the process may use: each cell is reduced alone, in replication order, so the
        // figures do not depend on which thread reduced it.
        var options = new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount };
        Parallel.For(0, cells.Length, options, () => new double[runs], (m, _, column) =>
        {
            var row = new CrossRunStatistics[months];
            for (int t = 0; t < months; t++)
            {
                for (int r = 0; r < runs; r++) column[r] = result.Runs[r].Series[m][t];
                row[t] = CrossRunStatistics.Of(column);
            }
            cells[m] = row;
            return column;
        }, _ => { });
        return new SeriesSummary(result.Scenario.Name, result.Metrics, result.Months, runs, cells);
    }
}
