using BrainDrainSim.Model;
using BrainDrainSim.MonteCarlo;

namespace BrainDrainSim.Reference.Tests.Comparison;

/// <summary>
/// The engine side of the comparisons: the one place that calls the engine, so that a new engine (or a new
/// way to hand it a scenario) changes this file only. It runs the ensemble as the command does and hands
/// back its metric series.
/// </summary>
public static class EngineUnderTest
{
    /// <summary>
    /// <paramref name="runs"/> replications from <paramref name="masterSeed"/> on <paramref name="threads"/> threads
    /// (every core when null; the values do not depend on it).
    /// </summary>
    public static MetricEnsemble Run(Scenario scenario, int runs, ulong masterSeed, bool checkEngine = false, int? threads = null)
    {
        var ensemble = MonteCarloRunner.Run(scenario.Validate(), runs, masterSeed, threads: threads ?? Environment.ProcessorCount, checkEngine: checkEngine);
        return new MetricEnsemble
        {
            Source = "engine",
            Names = ensemble.Metrics.Select(m => m.Name).ToArray(),
            IsFlow = ensemble.Metrics.Select(m => m.Kind == MetricKind.Flow).ToArray(),
            Values = ensemble.Runs.Select(r => r.Series).ToArray(),
        };
    }
}
