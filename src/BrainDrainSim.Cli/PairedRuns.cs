using BrainDrainSim.Model;
using BrainDrainSim.MonteCarlo;
using BrainDrainSim.Reporting;
using BrainDrainSim.Reporting.Comparisons;

namespace BrainDrainSim.Cli;

/// <summary>
/// Runs several scenarios with one master seed and one number of runs, so that replication i of each faces
/// the same draws (common random numbers) and the ensembles pair run by run.
/// </summary>
internal static class PairedRuns
{
    /// <summary>Refuses scenarios that cannot be compared month by month (before anything runs or is written).</summary>
    public static void CheckPairable(IReadOnlyList<ValidatedScenario> validated)
    {
        var first = validated[0].Scenario;
        foreach (var sc in validated.Skip(1).Select(v => v.Scenario))
            if (sc.Start != first.Start || sc.Months != first.Months)
                throw new UserInputException($"{sc.Name} runs {sc.Start} + {sc.Months} months but {first.Name} runs {first.Start} + {first.Months} months; "
                    + "scenarios are compared month by month, so give them the same start and months.");
    }

    /// <summary>The ensembles, run by <see cref="Run"/>, the first compared with each of the others.</summary>
    public static Comparison Compare(IReadOnlyList<ValidatedScenario> scenarios, EnsembleOptions.Values o)
    {
        var ensembles = Run(scenarios, o);
        return Interruption.Await(() => Comparison.Build(ensembles[0], ensembles[1..]));
    }

    /// <summary>
    /// Each scenario's ensemble, one scenario after another; a signal stops them (<see cref="Interruption"/>).
    /// The scenarios have passed <see cref="CheckPairable"/> (before their output folder was made).
    /// </summary>
    public static EnsembleResult[] Run(IReadOnlyList<ValidatedScenario> scenarios, EnsembleOptions.Values o)
    {
        var results = new EnsembleResult[scenarios.Count];
        for (int k = 0; k < scenarios.Count; k++)
        {
            var sc = scenarios[k];
            string label = $"{sc.Name} ({k + 1}/{scenarios.Count})";
            results[k] = ProgressDisplay.Run(label, o.Runs, progress => MonteCarloRunner.Run(sc, o.Runs, o.Seed, o.Threads, progress, cancel: Interruption.Token));
        }
        return results;
    }
}
