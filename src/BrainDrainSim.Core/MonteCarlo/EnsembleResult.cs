using BrainDrainSim.Model;

namespace BrainDrainSim.MonteCarlo;

/// <summary>All replications of one scenario, indexed by replication, plus what the manifest reports.</summary>
public sealed class EnsembleResult
{
    public required Scenario Scenario { get; init; }
    public required IReadOnlyList<MetricInfo> Metrics { get; init; }

    /// <summary>Runs[i] is replication i.</summary>
    public required IReadOnlyList<ReplicationResult> Runs { get; init; }

    /// <summary>The label of each simulated month (value at the end of that month).</summary>
    public required IReadOnlyList<YearMonth> Months { get; init; }

    public required ulong MasterSeed { get; init; }
    public required int Threads { get; init; }

    /// <summary>Wall seconds building populations and networks, and stepping months (summed over the ensemble's wall time).</summary>
    public required double SetupSeconds { get; init; }
    public required double SteppingSeconds { get; init; }

    public long AgentSteps => Runs.Sum(r => r.AgentSteps);

    public int MetricIndex(string name) => MetricCatalog.IndexOf(Metrics, name);
}
