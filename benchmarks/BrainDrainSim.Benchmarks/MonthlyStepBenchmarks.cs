using BenchmarkDotNet.Attributes;
using BrainDrainSim.Engine;
using BrainDrainSim.Randomness;

namespace BrainDrainSim.Benchmarks;

/// <summary>
/// One monthly step of the reference workload at 10 thousand to 10 million researchers: how cost grows
/// with the population (cache-resident at 10k, memory-bound at 10M). Each invocation steps the next
/// month of one replication (months wrap around), so the state drifts as in a real run.
/// Agent-steps per invocation = researchers (nobody exits in the reference workload).
/// </summary>
[MemoryDiagnoser]
public class MonthlyStepBenchmarks
{
    private Simulation _sim = null!;
    private double[][] _series = [];
    private int _month;

    [Params(10_000, 100_000, 1_000_000, 10_000_000)]
    public int Researchers { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var sc = Workloads.Reference(Researchers);
        var key = StreamKey.FromSeed(StreamKey.ReplicationSeed(1, 0));
        _sim = new Simulation(sc, PolicySchedule.Build(sc), key);
        _series = _sim.NewSeries();
    }

    [Benchmark]
    public long MonthlyStep()
    {
        long steps = _sim.StepMonth(_month, _series);
        _month = (_month + 1) % _series[0].Length;
        return steps;
    }
}
