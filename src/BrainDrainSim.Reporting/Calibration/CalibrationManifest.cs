using System.Text.Json;
using BrainDrainSim.Calibration;
using BrainDrainSim.Calibration.Smc;
using BrainDrainSim.Model;

namespace BrainDrainSim.Reporting.Calibration;

/// <summary>
/// manifest.json of a calibration: how it was run (version, command line, seed, threads, time, the generation it was
/// resumed from), the inputs with their hashes and the resolved scenario, the sampler's configuration, what was fitted
/// and what kept at its prior, the targets, every generation, why it stopped, the predictive draws, how the report's
/// figures are computed, the warnings and the files, in a fixed key order so that two manifests can be compared with
/// a plain diff.
/// </summary>
public static class CalibrationManifest
{
    public const string File = ResultWriter.ManifestFile;

    public const string MethodNote =
        "ABC-SMC (Toni et al. 2009) with the adaptive Gaussian kernel and importance weights of Beaumont et al. (2009); " +
        "the tolerance of each generation a quantile of the previous generation's accepted distances; stopping at the minimum tolerance " +
        "(the chi_K 95% point: Wilkinson 2013), the acceptance floor, the simulation budget or the most generations; with final_acceptance " +
        "observation_error the generation at the minimum tolerance accepts a run with probability exp(-D^2/2) (Wilkinson 2013)";
    public const string PredictiveNote =
        "posterior predictive with observation error: each draw's value s stands for N(s, sd^2) with the target's sd; the mean, 2.5%, 50% and " +
        "97.5% points are those of the equal-weight mixture over the draws that define the target, from its distribution function (no noise drawn)";
    public const string CoverageNote =
        "covered: an observed figure inside the central 95% interval (ends included); a bound kept by at least 2.5% of the predictive " +
        "(kept_share); a target no draw defines is not covered; a target not covered is a miss";
    public static readonly string ShrinkageNote = FormattableString.Invariant(
        $"sd ratio = posterior sd / prior sd (prior truncated to the valid range, moments by the midpoint rule over {ParameterFit.PriorQuantiles} quantiles): ") +
        FormattableString.Invariant($"below {ParameterFit.PinnedRatio} pinned down by the data, above {ParameterFit.NearPriorRatio} stays near its prior");

    /// <summary>The manifest as JSON text.</summary>
    public static string Format(CalibrationOutcome outcome, CalibrationInfo info, IReadOnlyList<string> outputs,
        IReadOnlyDictionary<string, string>? keptReasons = null)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        ArgumentNullException.ThrowIfNull(info);
        ArgumentNullException.ThrowIfNull(outputs);
        var problem = outcome.Problem;
        var state = outcome.State;
        var c = state.Configuration;
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, JsonText.WriterOptions))
        {
            w.WriteStartObject();
            w.WriteString("kind", "calibration");
            w.WriteString("program_version", info.ProgramVersion);
            w.WriteString("command_line", info.CommandLine);
            w.WriteString("started_utc", Manifest.UtcText(info.StartedUtc));
            Manifest.WriteFiniteOrNull(w, "wall_seconds", info.WallSeconds);
            w.WriteNumber("master_seed", info.Seed);
            w.WriteNumber("threads", info.Threads);
            if (info.ResumedFromGeneration is { } resumed) w.WriteNumber("resumed_from_generation", resumed);
            else w.WriteNull("resumed_from_generation");
            w.WriteStartArray("warnings");
            foreach (var warning in info.Warnings) w.WriteStringValue(warning);
            w.WriteEndArray();

            w.WriteStartObject("inputs");
            w.WriteStartObject("scenario");
            w.WriteString("name", problem.Scenario.Name);
            w.WriteStartArray("input_files");
            foreach (var f in info.Scenario.InputFiles) w.WriteStringValue(f);
            w.WriteEndArray();
            w.WriteString("input_hash", info.Scenario.InputHash);
            w.WriteEndObject();
            w.WriteStartObject("targets");
            w.WriteString("name", problem.Targets.Name);
            w.WriteString("file", info.TargetsFile);
            w.WriteString("hash", info.TargetsHash);
            w.WriteEndObject();
            w.WriteEndObject();

            w.WriteStartObject("configuration");
            w.WriteString("fingerprint", AbcCheckpoint.Fingerprint(c));
            w.WriteNumber("particles", c.Particles);
            w.WriteNumber("seed", c.Seed);
            w.WriteNumber("tolerance_quantile", c.ToleranceQuantile);
            w.WriteNumber("minimum_tolerance", c.MinimumTolerance);
            w.WriteNumber("acceptance_floor", c.AcceptanceFloor);
            if (c.SimulationBudget == long.MaxValue) w.WriteNull("simulation_budget");
            else w.WriteNumber("simulation_budget", c.SimulationBudget);
            w.WriteNumber("max_generations", c.MaxGenerations);
            w.WriteNumber("kernel_scale", c.KernelScale);
            // How the generation at the minimum tolerance accepted a run (calibrate --acceptance): the ball or exp(-D^2/2).
            w.WriteString("final_acceptance", ScenarioNames.EnumKey(c.FinalAcceptance));
            w.WriteString("model", c.Model);
            w.WriteEndObject();

            w.WriteStartArray("fitted");
            foreach (var p in c.Prior.Parameters)
            {
                w.WriteStartObject();
                w.WriteString("path", p.Name);
                w.WriteString("prior", PriorText.Describe(p.Distribution));
                if (p.Bounds is { } b) w.WriteString("truncated_to", b.Describe());
                else w.WriteNull("truncated_to");
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteStartArray("kept_at_prior");
            foreach (var path in problem.KeptAtPrior)
            {
                w.WriteStartObject();
                w.WriteString("path", path);
                if (keptReasons is not null && keptReasons.TryGetValue(path, out var reason)) w.WriteString("reason", reason);
                else w.WriteNull("reason");
                w.WriteEndObject();
            }
            w.WriteEndArray();

            w.WriteString("first_month", problem.Targets.Start.ToString());
            w.WriteNumber("months", problem.Targets.Months);
            w.WriteNumber("fit_targets", problem.Targets.FitCount);
            w.WriteNumber("observed_fit_targets", problem.Targets.ObservedFitCount);
            w.WriteStartArray("targets");
            foreach (var t in problem.Targets.Targets)
            {
                w.WriteStartObject();
                w.WriteString("name", t.Name);
                w.WriteString("role", t.Role is { } r ? ScenarioNames.EnumKey(r) : null);
                w.WriteString("quantity", TargetText.Quantity(t.Quantity!));
                w.WriteEndObject();
            }
            w.WriteEndArray();

            w.WritePropertyName("stop");
            if (state.Stop is { } stop)
            {
                w.WriteStartObject();
                w.WriteString("reason", ScenarioNames.EnumKey(stop.Reason));
                w.WriteString("detail", stop.Detail);
                w.WriteEndObject();
            }
            else w.WriteNullValue();
            w.WriteNumber("simulations", state.Simulations);
            w.WriteNumber("attempts", state.Attempts);
            w.WriteStartArray("generations");
            foreach (var h in state.History)
            {
                w.WriteStartObject();
                w.WriteNumber("generation", h.Generation);
                // Generation 0's tolerance is infinite (any finite distance): null, as JSON has no infinity.
                Manifest.WriteFiniteOrNull(w, "tolerance", h.Tolerance);
                w.WriteNumber("simulations", h.Simulations);
                w.WriteNumber("attempts", h.Attempts);
                Manifest.WriteFiniteOrNull(w, "acceptance_rate", h.AcceptanceRate);
                Manifest.WriteFiniteOrNull(w, "ess", h.EffectiveSampleSize);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            if (state.Population is { } population) w.WriteNumber("posterior_generation", population.Generation);
            else w.WriteNull("posterior_generation");

            w.WriteStartObject("predictive");
            w.WriteNumber("draws", outcome.Predictive.Draws.Count);
            w.WriteNumber("draws_not_run", outcome.Predictive.Draws.Count(d => d.Summaries.Count == 0));
            w.WriteStartArray("metrics");
            foreach (var m in outcome.Predictive.Metrics) w.WriteStringValue(m);
            w.WriteEndArray();
            w.WriteEndObject();

            w.WriteStartObject("method_notes");
            w.WriteString("sampler", MethodNote);
            w.WriteString("predictive", PredictiveNote);
            w.WriteString("coverage", CoverageNote);
            w.WriteString("shrinkage", ShrinkageNote);
            w.WriteEndObject();

            w.WritePropertyName("resolved_scenario");
            ScenarioJson.Write(w, problem.Scenario.Scenario);

            w.WriteStartArray("outputs");
            foreach (var o in outputs) w.WriteStringValue(o);
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return Csv.Utf8NoBom.GetString(stream.ToArray()) + "\n";
    }
}
