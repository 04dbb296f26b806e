using BenchmarkDotNet.Attributes;
using BrainDrainSim.Model;
using BrainDrainSim.MonteCarlo;
using BrainDrainSim.Randomness;
using BrainDrainSim.Validation;

namespace BrainDrainSim.Benchmarks;

/// <summary>
/// What a replication with uncertain quantities pays before the engine runs: drawing them (truncated inverse
/// CDFs) and validating the drawn scenario again, on the national baseline with its five uncertain coefficients.
/// Set against one replication (NationalBaselineReplication, about 0.1 s), this is the overhead the rule
/// "every drawn scenario is validated" adds.
/// </summary>
[MemoryDiagnoser]
public class ValidationBenchmarks
{
    private Scenario _baseline = null!;
    private StreamKey _key;

    [GlobalSetup]
    public void Setup()
    {
        _baseline = Workloads.Load("scenarios/baseline.yaml");
        _key = StreamKey.FromSeed(StreamKey.ReplicationSeed(1, 0));
    }

    [Benchmark]
    public Scenario DrawUncertainQuantities() => UncertaintySampler.Apply(_baseline, _key, out _);

    [Benchmark]
    public bool ValidateDrawnScenario() => ScenarioValidator.Check(_baseline).Ok;
}
