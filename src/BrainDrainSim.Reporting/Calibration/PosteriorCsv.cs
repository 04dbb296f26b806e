using BrainDrainSim.Calibration;
using BrainDrainSim.Calibration.Smc;

namespace BrainDrainSim.Reporting.Calibration;

/// <summary>
/// posterior.csv: the final population, one row per particle (numbered from 0, the index predictive draws refer
/// to): its normalised weight (the column sums to 1), the distance of its accepted simulation, one column per
/// fitted parameter headed by its path, one per target headed <c>summary.</c> and the target's name (the accepted
/// simulation's value of the target's quantity, validate targets included; empty where the run left it undefined),
/// and the seed that simulation ran with (simulating the parameters again with it gives the same row).
/// generations.csv: one row per generation with its tolerance (empty for generation 0, which accepts any finite
/// distance), its simulations and attempts (attempts add the proposals of zero prior density, rejected without a
/// simulation), its acceptance rate (particles over simulations) and the effective sample size of its weights.
/// </summary>
public static class PosteriorCsv
{
    public const string File = "posterior.csv";
    public const string GenerationsFile = "generations.csv";

    /// <summary>The prefix of a target's column.</summary>
    public const string SummaryPrefix = "summary.";

    /// <summary>posterior.csv as text.</summary>
    public static string Format(CalibrationOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var population = outcome.State.Population ?? throw new ArgumentException("the calibration has no population", nameof(outcome));
        var parameters = outcome.State.Configuration.Prior.Parameters;
        var targets = outcome.Problem.Targets.Targets;
        var csv = new Csv().Row(["particle", "weight", "distance", .. parameters.Select(p => p.Name),
            .. targets.Select(t => SummaryPrefix + t.Name), "simulation_seed"]);
        for (int i = 0; i < population.Particles.Count; i++)
        {
            var p = population.Particles[i];
            csv.Row([Csv.Integer(i), Csv.Number(p.Weight), Csv.Number(p.Distance), .. p.Theta.Select(Csv.Number),
                .. targets.Select((_, k) => k < p.Summaries.Count ? Csv.Number(p.Summaries[k]) : ""), Csv.Integer(p.SimulationSeed)]);
        }
        return csv.ToString();
    }

    /// <summary>generations.csv as text.</summary>
    public static string FormatGenerations(AbcSmcState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var csv = new Csv().Row(["generation", "tolerance", "simulations", "attempts", "acceptance_rate", "ess"]);
        foreach (var h in state.History)
            csv.Row([Csv.Integer(h.Generation), Csv.Number(h.Tolerance), Csv.Integer(h.Simulations), Csv.Integer(h.Attempts),
                Csv.Number(h.AcceptanceRate), Csv.Number(h.EffectiveSampleSize)]);
        return csv.ToString();
    }
}
