namespace BrainDrainSim.MonteCarlo;

/// <summary>
/// One replication's monthly series: a pure function of (scenario, master seed, replication index), so
/// results from any thread, process or shard can be put side by side by index and reduced in that order.
/// </summary>
public sealed class ReplicationResult
{
    /// <summary>The replication's index (0 for the first of an ensemble started at 0).</summary>
    public required int Replication { get; init; }

    /// <summary>The replication's own seed, derived from the master seed and the index.</summary>
    public required ulong Seed { get; init; }

    /// <summary>The values drawn for the scenario's uncertain quantities, by path, sorted by path.</summary>
    public required IReadOnlyList<KeyValuePair<string, double>> Parameters { get; init; }

    /// <summary>Series[metric][month], metrics in the order of <see cref="EnsembleResult.Metrics"/>. NaN marks an undefined value.</summary>
    public required double[][] Series { get; init; }

    /// <summary>Researcher-months stepped (researchers at home or abroad at the start of each month).</summary>
    public required long AgentSteps { get; init; }
}
