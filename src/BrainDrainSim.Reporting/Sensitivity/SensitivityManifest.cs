using System.Text.Json;
using BrainDrainSim.Model;
using BrainDrainSim.Sensitivity;

namespace BrainDrainSim.Reporting.Sensitivity;

/// <summary>
/// manifest.json of a sensitivity analysis: what was varied and over which ranges, the design and its size, the
/// quantities, how it was run (version, command line, seed, threads, time) and the inputs with their hashes, in a
/// fixed key order so that two manifests can be compared with a plain diff.
/// </summary>
public static class SensitivityManifest
{
    public const string File = ResultWriter.ManifestFile;

    public const string SobolNote =
        "Saltelli design on a scrambled Sobol sequence (Joe and Kuo new-joe-kuo-6.21201); S1 by Saltelli et al. (2010), centred; ST by Jansen (1999); " +
        "bootstrap percentile 95% intervals over base points; chance (the replication seed) is a factor: AB rows keep A's seed, chance's AB row takes B's";
    public const string MorrisNote =
        "Morris elementary effects on a grid of cell centres ((l + 1/2) / p) with steps of half the range; mu* after Campolongo et al. (2007); " +
        "each trajectory runs with one replication seed, so effects are paired differences";
    public const string PairingNote = "at every design row the scenario and the baseline run with the same seed (common random numbers)";
    public const string UndefinedNote = "a quantity with no indices has empty cells and a status saying why (undefined: zero variance, undefined: non-finite output)";

    /// <summary>The manifest of a Sobol analysis.</summary>
    public static string Format(SobolSensitivity s, SensitivityInfo info, IReadOnlyList<string> outputs)
    {
        ArgumentNullException.ThrowIfNull(s);
        return Format(s.Problem, info, outputs, "sobol", s.Results.Rows, s.FactorNames, s.Indices.Select(i => (i.Quantity, i.Month)), w =>
        {
            w.WriteNumber("base_points", s.Design.BaseCount);
            w.WriteBoolean("second_order", s.Design.SecondOrder);
            w.WriteNumber("bootstrap_resamples", SobolAnalysis.DefaultResamples);
            w.WriteString("note", SobolNote);
        });
    }

    /// <summary>The manifest of a Morris screening.</summary>
    public static string Format(MorrisSensitivity m, SensitivityInfo info, IReadOnlyList<string> outputs)
    {
        ArgumentNullException.ThrowIfNull(m);
        return Format(m.Problem, info, outputs, "morris", m.Results.Rows, m.FactorNames, m.Effects.Select(e => (e.Quantity, e.Month)), w =>
        {
            w.WriteNumber("trajectories", m.Design.TrajectoryCount);
            w.WriteNumber("levels", m.Design.Levels);
            w.WriteString("note", MorrisNote);
        });
    }

    private static string Format(SensitivityProblem p, SensitivityInfo info, IReadOnlyList<string> outputs, string method, int rows,
        IReadOnlyList<string> factorNames, IEnumerable<(SensitivityQuantity Quantity, int Month)> analysed, Action<Utf8JsonWriter> design)
    {
        ArgumentNullException.ThrowIfNull(info);
        ArgumentNullException.ThrowIfNull(outputs);
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, JsonText.WriterOptions))
        {
            w.WriteStartObject();
            w.WriteString("kind", "sensitivity");
            w.WriteString("program_version", info.ProgramVersion);
            w.WriteString("command_line", info.CommandLine);
            w.WriteString("started_utc", Manifest.UtcText(info.StartedUtc));
            Manifest.WriteFiniteOrNull(w, "wall_seconds", info.WallSeconds);
            w.WriteNumber("master_seed", info.Seed);
            w.WriteNumber("threads", info.Threads);
            w.WriteString("method", method);
            w.WriteNumber("design_rows", rows);
            w.WriteNumber("replications", (long)rows * (p.Baseline is null ? 1 : 2));
            w.WriteStartObject("design");
            design(w);
            w.WriteEndObject();
            w.WriteStartArray("warnings");
            foreach (var warning in info.Warnings) w.WriteStringValue(warning);
            w.WriteEndArray();

            w.WriteStartArray("factors");
            foreach (var name in factorNames)
            {
                var f = p.Factors.FirstOrDefault(x => x.Name == name);
                w.WriteStartObject();
                w.WriteString("name", name);
                w.WriteString("kind", f is null ? "chance" : f.Kind.ToString().ToLowerInvariant());
                w.WriteString("range", f?.Description ?? "the replication seed");
                w.WriteEndObject();
            }
            w.WriteEndArray();

            w.WriteStartArray("quantities");
            foreach (var group in analysed.GroupBy(a => a.Quantity))
            {
                w.WriteStartObject();
                w.WriteString("name", group.Key.Name);
                w.WriteString("metric", group.Key.Metric);
                w.WriteString("kind", group.Key.Kind.ToString().ToLowerInvariant());
                if (group.Key.Kind == QuantityKind.NetBenefit) w.WriteNumber("willingness_to_pay_krw", group.Key.WillingnessToPay);
                w.WriteStartArray("months");
                foreach (var (_, month) in group) w.WriteStringValue(p.Scenario.Start.AddMonths(month).ToString());
                w.WriteEndArray();
                w.WriteEndObject();
            }
            w.WriteEndArray();

            w.WriteStartArray("scenarios");
            WriteScenario(w, "scenario", p.Scenario, info.Inputs.Count > 0 ? info.Inputs[0] : null);
            if (p.Baseline is not null) WriteScenario(w, "baseline", p.Baseline, info.Inputs.Count > 1 ? info.Inputs[1] : null);
            w.WriteEndArray();

            w.WriteStartObject("method_notes");
            if (p.Baseline is not null) w.WriteString("pairing", PairingNote);
            w.WriteString("undefined_values", UndefinedNote);
            w.WriteEndObject();

            w.WriteStartArray("outputs");
            foreach (var o in outputs) w.WriteStringValue(o);
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return Csv.Utf8NoBom.GetString(stream.ToArray()) + "\n";
    }

    private static void WriteScenario(Utf8JsonWriter w, string role, Scenario scenario, Comparisons.ScenarioInput? input)
    {
        w.WriteStartObject();
        w.WriteString("role", role);
        w.WriteString("name", scenario.Name);
        w.WriteStartArray("input_files");
        foreach (var f in input?.InputFiles ?? []) w.WriteStringValue(f);
        w.WriteEndArray();
        if (input is null) w.WriteNull("input_hash");
        else w.WriteString("input_hash", input.InputHash);
        w.WritePropertyName("resolved_scenario");
        ScenarioJson.Write(w, scenario);
        w.WriteEndObject();
    }
}
