using BenchmarkDotNet.Attributes;
using BrainDrainSim.Model;
using BrainDrainSim.MonteCarlo;

namespace BrainDrainSim.Benchmarks;

/// <summary>
/// One replication of the national baseline (68,000 researchers plus entrants, 120 months, every
/// mechanism on) through the path `braindrain run` uses, setup included.
/// </summary>
[MemoryDiagnoser]
public class ReplicationBenchmarks
{
    private ValidatedScenario _baseline = null!;

    [GlobalSetup]
    public void Setup() => _baseline = Workloads.Baseline();

    [Benchmark]
    public long NationalBaselineReplication() => MonteCarloRunner.RunOne(_baseline, 1, 0).AgentSteps;
}
