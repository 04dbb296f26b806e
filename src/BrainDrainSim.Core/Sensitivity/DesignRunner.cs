using BrainDrainSim.Model;
using BrainDrainSim.MonteCarlo;
using BrainDrainSim.Validation;

namespace BrainDrainSim.Sensitivity;

/// <summary>
/// Runs the rows of a sensitivity design: at each row the scenario (and its baseline, with the same seed:
/// common random numbers) with the factors' values, one replication each. A row's result is a pure function of
/// the problem, the master seed and the row's coordinates, so the rows can run in any order, on any number of
/// threads or in separate processes, and give the same bytes.
/// </summary>
public static class DesignRunner
{
    /// <summary>
    /// Runs every row on up to <paramref name="threads"/> threads and keeps, for each, the series of
    /// <paramref name="metrics"/> and of the cumulative policy cost. A row whose values break a scenario rule
    /// (one that ties a quantity to others, which the ranges alone cannot rule out) stops the run with
    /// <see cref="InvalidScenarioException"/> naming the row's values.
    /// </summary>
    public static DesignResults Run(SensitivityProblem problem, IReadOnlyList<DesignPoint> rows, ulong masterSeed, int threads,
        IReadOnlyList<string> metrics, IProgress<int>? progress = null, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(metrics);
        if (threads < 1) throw new ArgumentOutOfRangeException(nameof(threads), threads, "at least one thread");
        var catalog = MetricCatalog.For(problem.Scenario);
        var kept = metrics.Append(MetricCatalog.PolicyCostCumulative).Distinct(StringComparer.Ordinal).ToArray();
        var indices = kept.Select(m => MetricCatalog.IndexOf(catalog, m)).ToArray();
        int at = Array.IndexOf(indices, -1);
        if (at >= 0)
            throw new ArgumentException($"no metric '{kept[at]}'", nameof(metrics));
        var scenarioSeries = new double[rows.Count][][];
        var baselineSeries = problem.Baseline is null ? null : new double[rows.Count][][];
        int done = 0;
        try
        {
            Parallel.For(0, rows.Count, new ParallelOptions { MaxDegreeOfParallelism = threads, CancellationToken = cancel }, r =>
            {
                var point = rows[r];
                var (scenario, baseline) = problem.At(point.Coordinates);
                string origin = "at design row " + r + " (" + string.Join(", ", problem.ValuesAt(point.Coordinates).Select(v => $"{v.Path} = {Shown.Number(v.Value)}")) + ")";
                scenarioSeries[r] = Keep(RunOne(scenario, origin, masterSeed, point.Replication), indices);
                if (baseline is not null) baselineSeries![r] = Keep(RunOne(baseline, origin, masterSeed, point.Replication), indices);
                progress?.Report(Interlocked.Increment(ref done));
            });
        }
        catch (AggregateException e) when (e.InnerExceptions.OfType<InvalidScenarioException>().FirstOrDefault() is { } invalid)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(invalid).Throw();
        }
        return new DesignResults(kept, scenarioSeries, baselineSeries, problem.Scenario.Months);
    }

    private static double[][] RunOne(Scenario scenario, string origin, ulong masterSeed, int replication)
    {
        var validated = new ValidatedScenario(scenario, origin);
        return MonteCarloRunner.RunOne(validated, masterSeed, replication).Series;
    }

    private static double[][] Keep(double[][] series, int[] indices) => indices.Select(i => series[i]).ToArray();
}
