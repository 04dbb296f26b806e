using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using BrainDrainSim.Model;
using BrainDrainSim.MonteCarlo;

namespace BrainDrainSim.Reporting;

/// <summary>
/// manifest.json: what was run (the resolved scenario, inputs, seed, runs), how (version, threads, timings,
/// memory) and what the output files hold (metrics and units). Keys are written in a fixed order so that two
/// manifests can be compared with a plain diff.
/// </summary>
public static class Manifest
{
    public const string StatisticsDescription =
        "mean and sd (n - 1) over the replications that define a value, summed in replication order; " +
        "percentiles p05, p25, p50, p75, p95 by Hyndman-Fan type 7 (numpy and R default)";

    public static string Format(EnsembleResult result, RunInfo info, IReadOnlyList<string>? outputs = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(info);
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, JsonText.WriterOptions))
        {
            w.WriteStartObject();
            w.WriteString("scenario", result.Scenario.Name);
            w.WriteString("description", result.Scenario.Description);
            w.WritePropertyName("resolved_scenario");
            ScenarioJson.Write(w, result.Scenario);

            w.WriteStartArray("input_files");
            foreach (var f in info.InputFiles) w.WriteStringValue(f);
            w.WriteEndArray();
            w.WriteString("input_hash", info.InputHash);
            w.WriteStartArray("warnings");
            foreach (var warning in info.Warnings) w.WriteStringValue(warning);
            w.WriteEndArray();

            w.WriteNumber("master_seed", result.MasterSeed);
            w.WriteNumber("runs", result.Runs.Count);
            w.WriteNumber("threads", result.Threads);
            w.WriteString("program_version", info.ProgramVersion);
            w.WriteString("command_line", info.CommandLine);
            w.WriteString("started_utc", UtcText(info.StartedUtc));

            WriteFiniteOrNull(w, "wall_seconds", info.WallSeconds);
            WriteFiniteOrNull(w, "setup_seconds", result.SetupSeconds);
            WriteFiniteOrNull(w, "stepping_seconds", result.SteppingSeconds);
            WriteFiniteOrNull(w, "output_seconds", info.OutputSeconds ?? double.NaN);
            long agentSteps = result.AgentSteps;
            w.WriteNumber("agent_steps", agentSteps);
            // Undefined (null) rather than infinite when stepping took no measurable time.
            WriteFiniteOrNull(w, "agent_steps_per_second", result.SteppingSeconds > 0 ? agentSteps / result.SteppingSeconds : double.NaN);
            w.WriteNumber("peak_memory_bytes", info.PeakMemoryBytes ?? PeakWorkingSet());

            w.WriteString("first_month", result.Months.Count > 0 ? result.Months[0].ToString() : "");
            w.WriteString("last_month", result.Months.Count > 0 ? result.Months[^1].ToString() : "");
            w.WriteNumber("months", result.Months.Count);
            w.WriteString("statistics", StatisticsDescription);

            w.WriteStartArray("metrics");
            foreach (var m in result.Metrics)
            {
                w.WriteStartObject();
                w.WriteString("name", m.Name);
                w.WriteString("unit", m.Unit);
                w.WriteString("kind", ScenarioNames.EnumKey(m.Kind));
                w.WriteString("annual_aggregate", AnnualSummary.AggregateOf(m.Kind));
                w.WriteString("title", m.Title);
                w.WriteEndObject();
            }
            w.WriteEndArray();

            if (outputs is not null)
            {
                w.WriteStartArray("outputs");
                foreach (var o in outputs) w.WriteStringValue(o);
                w.WriteEndArray();
            }
            w.WriteEndObject();
        }
        return Csv.Utf8NoBom.GetString(stream.ToArray()) + "\n";
    }

    public static void Write(EnsembleResult result, RunInfo info, string path, IReadOnlyList<string>? outputs = null) =>
        OutputFiles.WriteText(path, Format(result, info, outputs));

    /// <summary>A time as UTC with milliseconds and a Z, the form every manifest uses.</summary>
    internal static string UtcText(DateTimeOffset time) =>
        time.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    /// <summary>A figure, or null when it is undefined (JSON has no NaN or infinity).</summary>
    internal static void WriteFiniteOrNull(Utf8JsonWriter w, string key, double value)
    {
        if (double.IsFinite(value)) w.WriteNumber(key, value);
        else w.WriteNull(key);
    }

    private static long PeakWorkingSet()
    {
        using var process = Process.GetCurrentProcess();
        return process.PeakWorkingSet64;
    }
}
