using BenchmarkDotNet.Attributes;
using BrainDrainSim.Model;
using BrainDrainSim.MonteCarlo;

namespace BrainDrainSim.Benchmarks;

/// <summary>
/// One replication of the full model (every mechanism on) through the same path `braindrain run` uses.
/// Agent-steps per second = researchers present each month, summed over months, divided by the mean time;
/// the benchmark returns the agent-step count so the figure can be read off beside the time.
/// </summary>
[MemoryDiagnoser]
public class ReplicationBenchmarks
{
    private Scenario _scenario = new();

    /// <summary>Researchers at the start (home and abroad in the national proportions).</summary>
    [Params(10_000, 68_000)]
    public int Researchers { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        double f = Researchers / 68_000.0;
        _scenario = new Scenario
        {
            Name = $"bench-{Researchers}",
            Population = new PopulationSpec
            {
                AtHome = (int)Math.Round(57_000 * f),
                AbroadUs = (int)Math.Round(6_300 * f),
                AbroadOther = Researchers - (int)Math.Round(57_000 * f) - (int)Math.Round(6_300 * f),
            },
            Careers = new CareerSpec { AnnualGraduates = 3_000 * f },
        };
    }

    [Benchmark]
    public long OneReplication120Months() => MonteCarloRunner.RunOne(_scenario, 1, 0).AgentSteps;
}
