using BrainDrainSim.Model;

namespace BrainDrainSim.Reference.Tests.ReferenceModel;

/// <summary>Replications of the reference model: Values[run][metric][month], metrics as <see cref="Metrics"/>.</summary>
internal sealed class ReferenceEnsemble
{
    public required IReadOnlyList<ReferenceMetric> Metrics { get; init; }
    public required double[][][] Values { get; init; }

    /// <summary>
    /// Runs replications 0 .. <paramref name="runs"/> - 1 of <paramref name="scenario"/> (its uncertainty block is
    /// not read: the reference runs the scenario's own values). Each replication is a pure function of its
    /// seed and index, so running them in parallel changes nothing.
    /// </summary>
    public static ReferenceEnsemble Run(Scenario scenario, int runs, ulong masterSeed, ReferencePerturbation? perturbation = null)
    {
        var values = new double[runs][][];
        Parallel.For(0, runs, i => values[i] = ReferenceSimulation.Run(scenario, masterSeed, i, perturbation ?? ReferencePerturbation.None));
        return new ReferenceEnsemble { Metrics = ReferenceMetric.For(scenario.Sectors.Select(s => s.Name)), Values = values };
    }
}
