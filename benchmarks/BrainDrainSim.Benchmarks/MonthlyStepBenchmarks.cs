using BenchmarkDotNet.Attributes;
using BrainDrainSim.Engine;
using BrainDrainSim.Model;
using BrainDrainSim.Randomness;

namespace BrainDrainSim.Benchmarks;

/// <summary>
/// The monthly step of the reference workload at 10 thousand to 10 million researchers: how cost grows
/// with the population (cache-resident at 10k, memory-bound at 10M). Each invocation steps all 120
/// months of a freshly built replication (setup excluded: it runs in the iteration setup), so the
/// figure is the mean month of a real run, not a steady state. A month visits only the researchers with
/// an event due (about 1% here: candidate decisions at lambda_out = 0.01), so the figure measures work
/// per event, spread over the population. Agent-steps per operation (one month) = researchers (nobody
/// exits in the reference workload).
/// </summary>
[MemoryDiagnoser]
[InvocationCount(1)]
public class MonthlyStepBenchmarks
{
    public const int Months = 120;
    private Simulation? _sim;
    private double[][] _series = [];
    private int _replication;
    private ValidatedScenario? _scenario;
    private MonthPolicy[] _plan = [];

    [Params(10_000, 100_000, 1_000_000, 10_000_000)]
    public int Researchers { get; set; }

    /// <summary>
    /// One invocation per iteration leaves too few calls for tiered compilation to promote the engine's
    /// methods, so whole small replications run first and the background recompilation is given time.
    /// The scenario is loaded and validated here, once, so that the garbage of reading it is not collected
    /// inside a measured invocation.
    /// </summary>
    [GlobalSetup]
    public void WarmUp()
    {
        _scenario = Workloads.Reference(Researchers);
        _plan = PolicySchedule.Build(_scenario);
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
        var key = StreamKey.FromSeed(StreamKey.ReplicationSeed(1, _replication++));
        _sim = new Simulation(_scenario!, _plan, key);
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
