using System.Text.Json;
using BrainDrainSim.MonteCarlo;

namespace BrainDrainSim.Reporting.Comparisons;

/// <summary>
/// manifest.json of a comparison or sweep: what was compared (every scenario resolved, with its input files
/// and hash), how (version, command line, seed, runs, threads, timings) and by which method. Keys are written
/// in a fixed order, as in <see cref="Manifest"/>, so that two manifests can be compared with a plain diff.
/// </summary>
public static class ComparisonManifest
{
    public const string PairingNote =
        "common random numbers: replication i of every scenario uses the same seed, derived from the master seed and i, " +
        "so it meets the same draws; the difference policy minus baseline in replication i is the policy's effect in that run";
    public const string MeanCiNote = "mean of the paired differences with a paired t 95% confidence interval (mean +- t(0.975, n - 1) sd / sqrt n)";
    public const string RunRangeNote =
        "p05, p50, p95 of the paired differences over replications (Hyndman-Fan type 7); the 5-95% range carries parameter uncertainty and chance";
    public const string ProbabilityNote = "prob_policy_higher: share of replications where the policy's value is higher, ties counting one half";
    public const string CostEffectivenessNote =
        "extra cost = cumulative policy cost at the horizon, policy minus baseline (KRW); cost per unit of effect = ratio of means with " +
        "Fieller's 95% interval, not estimable when the effect's 95% interval contains zero or lies below it";
    public const string UndefinedNote = "an undefined figure is an empty CSV cell or JSON null, with a status column saying why";

    /// <param name="outputs">The files written beside the manifest (the manifest included).</param>
    public static string Format(Comparison comparison, CompareInfo info, IReadOnlyList<string> outputs)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        ArgumentNullException.ThrowIfNull(info);
        ArgumentNullException.ThrowIfNull(outputs);
        var c = comparison;
        var b = c.Baseline;
        var sweep = info.Sweep;
        var ensembles = new List<EnsembleResult> { b };
        ensembles.AddRange(c.Policies.Select(p => p.Policy));

        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, JsonText.WriterOptions))
        {
            w.WriteStartObject();
            w.WriteString("kind", sweep is null ? "comparison" : "sweep");
            w.WriteString("program_version", info.ProgramVersion);
            w.WriteString("command_line", info.CommandLine);
            w.WriteString("started_utc", Manifest.UtcText(info.StartedUtc));
            Manifest.WriteFiniteOrNull(w, "wall_seconds", info.WallSeconds);
            w.WriteNumber("master_seed", b.MasterSeed);
            w.WriteNumber("runs", b.Runs.Count);
            w.WriteNumber("threads", b.Threads);
            w.WriteString("first_month", b.Months[0].ToString());
            w.WriteString("last_month", b.Months[^1].ToString());
            w.WriteNumber("months", b.Months.Count);

            w.WriteStartArray("warnings");
            foreach (var warning in info.Warnings) w.WriteStringValue(warning);
            w.WriteEndArray();
            if (sweep is not null) WriteSweep(w, sweep);

            w.WriteStartArray("scenarios");
            for (int i = 0; i < ensembles.Count; i++)
                WriteScenario(w, ensembles[i], i, info.InputOf(i, ensembles.Count), i == 0 ? null : c.Policies[i - 1], sweep);
            w.WriteEndArray();

            w.WriteStartArray("metrics_compared");
            foreach (var m in c.Metrics) w.WriteStringValue(m.Name);
            w.WriteEndArray();

            w.WriteStartObject("method");
            w.WriteString("pairing", PairingNote);
            w.WriteString("mean_ci", MeanCiNote);
            w.WriteString("run_range", RunRangeNote);
            w.WriteString("prob_policy_higher", ProbabilityNote);
            w.WriteString("cost_effectiveness", CostEffectivenessNote);
            w.WriteString("level_statistics", Manifest.StatisticsDescription);
            w.WriteString("undefined_values", UndefinedNote);
            w.WriteEndObject();

            w.WriteStartArray("outputs");
            foreach (var o in outputs) w.WriteStringValue(o);
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return Csv.Utf8NoBom.GetString(stream.ToArray()) + "\n";
    }

    public static void Write(Comparison comparison, CompareInfo info, string path, IReadOnlyList<string> outputs) =>
        OutputFiles.WriteText(path, Format(comparison, info, outputs));

    private static void WriteSweep(Utf8JsonWriter w, SweepInfo sweep)
    {
        w.WriteStartObject("sweep");
        w.WriteString("path", sweep.Path);
        w.WriteStartArray("values");
        foreach (var v in sweep.Values) w.WriteNumberValue(v);
        w.WriteEndArray();
        w.WriteString("reference", "differences are relative to the first value, run by run");
        if (sweep.RenormalisedShares is { } shares)
        {
            w.WriteString("renormalised_shares", shares);
            w.WriteString("renormalised_note",
                $"{sweep.Path} is one of the shares of {shares}, which sum to 1: at each value the other shares of {shares} were rescaled in proportion (--renormalise)");
        }
        if (sweep.FixedUncertainPath is { } fixedPath)
        {
            w.WriteString("fixed_uncertain_parameter", fixedPath);
            w.WriteString("fixed_uncertain_parameter_note",
                $"{fixedPath} is uncertain in the scenario; the sweep fixed it at each swept value in place of its distribution, " +
                "so the spread over runs no longer carries its uncertainty");
        }
        w.WriteEndObject();
    }

    private static void WriteScenario(Utf8JsonWriter w, EnsembleResult e, int index, ScenarioInput? input, PolicyComparison? policy, SweepInfo? sweep)
    {
        w.WriteStartObject();
        // In a sweep the first value is the reference the others are compared with, not a baseline policy.
        w.WriteString("role", (index == 0, sweep is null) switch
        {
            (true, true) => "baseline",
            (false, true) => "policy",
            (true, false) => "reference_value",
            (false, false) => "sweep_value",
        });
        if (sweep is not null && index < sweep.Values.Count) w.WriteNumber("value", sweep.Values[index]);
        w.WriteString("name", e.Scenario.Name);
        w.WriteString("description", e.Scenario.Description);
        w.WriteStartArray("input_files");
        foreach (var f in input?.InputFiles ?? []) w.WriteStringValue(f);
        w.WriteEndArray();
        if (input is null) w.WriteNull("input_hash");
        else w.WriteString("input_hash", input.InputHash);
        w.WriteNumber("agent_steps", e.AgentSteps);
        Manifest.WriteFiniteOrNull(w, "setup_seconds", e.SetupSeconds);
        Manifest.WriteFiniteOrNull(w, "stepping_seconds", e.SteppingSeconds);
        if (policy is not null)
        {
            w.WriteStartArray("non_lever_differences");
            foreach (var path in policy.NonLeverDifferences) w.WriteStringValue(path);
            w.WriteEndArray();
        }
        w.WritePropertyName("resolved_scenario");
        ScenarioJson.Write(w, e.Scenario);
        w.WriteEndObject();
    }
}
