using System.Diagnostics;
using BrainDrainSim.Engine;
using BrainDrainSim.Model;
using BrainDrainSim.Randomness;
using BrainDrainSim.Validation;

namespace BrainDrainSim.MonteCarlo;

/// <summary>
/// Runs replications in parallel. Replication i is a pure function of (scenario, master seed, i): it
/// derives its own seed, draws its uncertain quantities, builds its population and steps it. Results are
/// kept by index, so the bytes of any reduction do not depend on the thread count or completion order,
/// and a range of indices can run in another process or on another node.
/// </summary>
public static class MonteCarloRunner
{
    /// <summary>
    /// Runs replications <paramref name="firstReplication"/> .. + <paramref name="runs"/> - 1 on up to
    /// <paramref name="threads"/> threads. <paramref name="cancel"/> is checked before every replication and
    /// every month of one, so a cancelled ensemble throws <see cref="OperationCanceledException"/> within a
    /// month's work per thread (setup of a replication, which allocates and draws, runs to its end).
    /// <paramref name="checkEngine"/> turns on the engine's check mode (see <see cref="RunOne(ValidatedScenario, ulong, int, bool)"/>).
    /// </summary>
    public static EnsembleResult Run(ValidatedScenario validated, int runs, ulong masterSeed, int threads,
        IProgress<int>? progress = null, int firstReplication = 0, bool checkEngine = false, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(validated);
        var scenario = validated.Scenario;
        if (runs < 1) throw new ArgumentOutOfRangeException(nameof(runs), runs, "at least one run");
        if (threads < 1) throw new ArgumentOutOfRangeException(nameof(threads), threads, "at least one thread");
        if (ResourceEstimate.ScenarioSize.Of(scenario).EngineLimit is { } limit) throw new ArgumentException(limit, nameof(validated));
        var results = new ReplicationResult[runs];
        // Without uncertainty every replication shares the month plan.
        var sharedPlan = scenario.Uncertainty.Length == 0 && scenario.Posterior is null ? PolicySchedule.Build(validated) : null;
        long setupTicks = 0, stepTicks = 0;
        int done = 0;
        var wall = Stopwatch.StartNew();
        try
        {
            Parallel.For(0, runs, new ParallelOptions { MaxDegreeOfParallelism = threads, CancellationToken = cancel }, i =>
            {
                var r = RunOne(validated, masterSeed, firstReplication + i, sharedPlan, checkEngine, cancel, out var setup, out var step);
                results[i] = r;
                Interlocked.Add(ref setupTicks, setup);
                Interlocked.Add(ref stepTicks, step);
                progress?.Report(Interlocked.Increment(ref done));
            });
        }
        catch (AggregateException e) when (e.InnerExceptions.OfType<InvalidScenarioException>().FirstOrDefault() is { } invalid)
        {
            // A draw that broke a rule is the scenario's problem, not the runner's: say it as the validator does.
            // (Which replication is named depends on the threads; any one of them is reason enough.)
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(invalid).Throw();
        }
        wall.Stop();

        // Phase times are summed over workers; scale them to the ensemble's wall time so that
        // agent-steps per second reflect the throughput of all threads together.
        double busy = setupTicks + stepTicks;
        double wallSeconds = wall.Elapsed.TotalSeconds;
        return new EnsembleResult
        {
            Scenario = scenario,
            Metrics = MetricCatalog.For(scenario),
            Runs = results,
            Months = Enumerable.Range(0, scenario.Months).Select(scenario.Start.AddMonths).ToArray(),
            MasterSeed = masterSeed,
            Threads = threads,
            SetupSeconds = busy > 0 ? wallSeconds * setupTicks / busy : 0,
            SteppingSeconds = busy > 0 ? wallSeconds * stepTicks / busy : 0,
        };
    }

    /// <summary>
    /// One replication, exactly as the ensemble runs it. With <paramref name="checkEngine"/> the engine recomputes
    /// every count and cache it keeps incrementally from scratch each month and throws
    /// <see cref="EngineCheckException"/> on the first disagreement (a test aid: it costs a pass over the
    /// population and its ties every month; off, it costs one branch per month).
    /// </summary>
    public static ReplicationResult RunOne(ValidatedScenario scenario, ulong masterSeed, int replication, bool checkEngine = false)
        => RunOne(scenario, masterSeed, replication, null, checkEngine, default, out _, out _);

    private static ReplicationResult RunOne(ValidatedScenario scenario, ulong masterSeed, int replication, MonthPolicy[]? sharedPlan,
        bool checkEngine, CancellationToken cancel, out long setupTicks, out long stepTicks)
    {
        long t0 = Stopwatch.GetTimestamp();
        ulong seed = StreamKey.ReplicationSeed(masterSeed, replication);
        var key = StreamKey.FromSeed(seed);
        IReadOnlyList<KeyValuePair<string, double>> drawn = [];
        // The draws make a new scenario, which must pass every rule again before the engine sees it.
        var drawnScenario = scenario.Scenario.Uncertainty.Length == 0 && scenario.Scenario.Posterior is null ? scenario
            : new ValidatedScenario(UncertaintySampler.Apply(scenario.Scenario, key, out drawn), $"as drawn for replication {replication}");
        var plan = sharedPlan ?? PolicySchedule.Build(drawnScenario);
        var sim = new Simulation(drawnScenario, plan, key) { CheckEngine = checkEngine };
        long t1 = Stopwatch.GetTimestamp();
        var series = sim.Run(out long agentSteps, cancel);
        sim.Release();
        long t2 = Stopwatch.GetTimestamp();
        setupTicks = t1 - t0;
        stepTicks = t2 - t1;
        return new ReplicationResult
        {
            Replication = replication,
            Seed = seed,
            Parameters = drawn,
            Series = series,
            AgentSteps = agentSteps,
        };
    }
}
