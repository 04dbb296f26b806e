using BenchmarkDotNet.Attributes;
using BrainDrainSim.Engine;
using BrainDrainSim.Randomness;

namespace BrainDrainSim.Benchmarks;

/// <summary>
/// The monthly step of the reference workload at 10 thousand to 10 million researchers: how cost grows
/// with the population (cache-resident at 10k, memory-bound at 10M). Each invocation steps all 120
/// months of a freshly built replication (setup excluded: it runs in the iteration setup), so the
/// figure is the mean month of a real run - the first month's full hazard computation, the months of
/// many moves and the quiet ones - not a steady state. Agent-steps per operation (one month) =
/// researchers (nobody exits in the reference workload).
/// </summary>
[MemoryDiagnoser]
[InvocationCount(1)]
public class MonthlyStepBenchmarks
{
    public const int Months = 120;
    private Simulation? _sim;
    private double[][] _series = [];
    private int _replication;

    [Params(10_000, 100_000, 1_000_000, 10_000_000)]
    public int Researchers { get; set; }

    /// <summary>
    /// One invocation per iteration leaves too few calls for tiered compilation to promote the engine's
    /// methods, so whole small replications run first and the background recompilation is given time.
    /// </summary>
    [GlobalSetup]
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1822", Justification = "BenchmarkDotNet calls [GlobalSetup] on the benchmark instance")]
    public void WarmUp()
    {
        var sc = Workloads.Reference(10_000);
        var plan = PolicySchedule.Build(sc);
        for (int r = 0; r < 60; r++)
        {
            var sim = new Simulation(sc, plan, StreamKey.FromSeed(StreamKey.ReplicationSeed(2, r)));
            sim.Run(out _);
            sim.Release();
        }
        Thread.Sleep(1500);
    }

    [IterationSetup]
    public void Setup()
    {
        _sim?.Release();
        var sc = Workloads.Reference(Researchers);
        var key = StreamKey.FromSeed(StreamKey.ReplicationSeed(1, _replication++));
        _sim = new Simulation(sc, PolicySchedule.Build(sc), key);
        _series = _sim.NewSeries();
    }

    [Benchmark(OperationsPerInvoke = Months)]
    public long MonthlyStep()
    {
        long steps = 0;
        for (int t = 0; t < Months; t++) steps += _sim!.StepMonth(t, _series);
        return steps;
    }
}
