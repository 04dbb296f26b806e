using BrainDrainSim.Model;
using BrainDrainSim.Reference.Tests.ReferenceModel;

namespace BrainDrainSim.Reference.Tests.Comparison;

/// <summary>The reference model's side of the comparisons, in the same shape as the engine's.</summary>
internal static class ReferenceUnderTest
{
    public static MetricEnsemble Run(Scenario scenario, int runs, ulong masterSeed, ReferencePerturbation? perturbation = null)
    {
        var ensemble = ReferenceEnsemble.Run(scenario, runs, masterSeed, perturbation);
        return new MetricEnsemble
        {
            Source = perturbation is null || perturbation == ReferencePerturbation.None ? "reference" : $"reference ({perturbation})",
            Names = ensemble.Metrics.Select(m => m.Name).ToArray(),
            IsFlow = ensemble.Metrics.Select(m => m.IsFlow).ToArray(),
            Values = ensemble.Values,
        };
    }
}
