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
                scenarioSeries[r] = Keep(RunOne(problem, r, point, scenario, masterSeed), indices);
                if (baseline is not null) baselineSeries![r] = Keep(RunOne(problem, r, point, baseline, masterSeed), indices);
                progress?.Report(Interlocked.Increment(ref done));
            });
        }
        catch (AggregateException e) when (e.InnerExceptions.OfType<InvalidScenarioException>().FirstOrDefault() is { } invalid)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(invalid).Throw();
        }
        return new DesignResults(kept, scenarioSeries, baselineSeries, problem.Scenario.Months);
    }

    // Validated once; the row's values are spelt out only for the message of a row that breaks a rule.
    private static double[][] RunOne(SensitivityProblem problem, int row, DesignPoint point, Scenario scenario, ulong masterSeed)
    {
        var validated = ScenarioValidator.TryValidate(scenario, out var report)
            ?? throw new InvalidScenarioException(scenario.Name ?? "", report.Errors,
                $"at design row {row} ({string.Join(", ", problem.ValuesAt(point.Coordinates).Select(v => $"{v.Path} = {Shown.Number(v.Value)}"))})");
        return MonteCarloRunner.RunOne(validated, masterSeed, point.Replication).Series;
    }

    private static double[][] Keep(double[][] series, int[] indices) => indices.Select(i => series[i]).ToArray();
}
