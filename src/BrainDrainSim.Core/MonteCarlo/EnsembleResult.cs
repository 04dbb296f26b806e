using BrainDrainSim.Model;

namespace BrainDrainSim.MonteCarlo;

/// <summary>All replications of one scenario, indexed by replication, plus what the manifest reports.</summary>
public sealed class EnsembleResult
{
    /// <summary>The scenario run (before its uncertain quantities were drawn: each run's draws are in its result).</summary>
    public required Scenario Scenario { get; init; }

    /// <summary>The metrics each run recorded, in the order of its series.</summary>
    public required IReadOnlyList<MetricInfo> Metrics { get; init; }

    /// <summary>Runs[i] is replication i.</summary>
    public required IReadOnlyList<ReplicationResult> Runs { get; init; }

    /// <summary>The label of each simulated month (value at the end of that month).</summary>
    public required IReadOnlyList<YearMonth> Months { get; init; }

    /// <summary>The seed every replication's own seed derives from.</summary>
    public required ulong MasterSeed { get; init; }

    /// <summary>The worker threads used (the results do not depend on it).</summary>
    public required int Threads { get; init; }

    /// <summary>
    /// Wall seconds building populations and networks: the workers' setup time, scaled so that it and
    /// <see cref="SteppingSeconds"/> add up to the ensemble's wall time.
    /// </summary>
    public required double SetupSeconds { get; init; }
    /// <summary>Wall seconds stepping months, on the same scale as <see cref="SetupSeconds"/>.</summary>
    public required double SteppingSeconds { get; init; }

    /// <summary>Researcher-months simulated over all runs (researchers at home or abroad; the exited do not count).</summary>
    public long AgentSteps => Runs.Sum(r => r.AgentSteps);

    /// <summary>The position of the metric named <paramref name="name"/> in <see cref="Metrics"/>, or -1.</summary>
    public int MetricIndex(string name) => MetricCatalog.IndexOf(Metrics, name);
}
