using BenchmarkDotNet.Attributes;
using BrainDrainSim.Model;
using BrainDrainSim.MonteCarlo;

namespace BrainDrainSim.Benchmarks;

/// <summary>An ensemble of the reference workload end to end (setup included) on one and two threads.</summary>
[MemoryDiagnoser]
public class EnsembleBenchmarks
{
    public const int Runs = 16;
    private ValidatedScenario _reference = null!;

    [Params(1, 2)]
    public int Threads { get; set; }

    [GlobalSetup]
    public void Setup() => _reference = Workloads.Reference(10_000);

    [Benchmark]
    public long ReferenceEnsemble() => MonteCarloRunner.Run(_reference, Runs, 1, Threads).AgentSteps;
}
