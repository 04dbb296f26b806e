using System.Text.Json;
using static BrainDrainSim.Reporting.Tests.SyntheticEnsemble;

namespace BrainDrainSim.Reporting.Tests;

public class ManifestTests
{
    private static JsonElement Parse(string json) => JsonDocument.Parse(json).RootElement;

    [Fact]
    public void Manifest_parses_and_reports_throughput_from_agent_steps_and_stepping_time()
    {
        var e = Build(steppingSeconds: 2.5);
        var root = Parse(Manifest.Format(e, Info()));
        long steps = root.GetProperty("agent_steps").GetInt64();
        Assert.Equal(AgentStepsPerRun * (1 + 2 + 3 + 4 + 5), steps);
        Assert.Equal(steps / 2.5, root.GetProperty("agent_steps_per_second").GetDouble());
        Assert.Equal(2.5, root.GetProperty("stepping_seconds").GetDouble());
        Assert.Equal(0.5, root.GetProperty("setup_seconds").GetDouble());
        Assert.Equal(20251101UL, root.GetProperty("master_seed").GetUInt64());
        Assert.Equal(Runs, root.GetProperty("runs").GetInt32());
        Assert.Equal(2, root.GetProperty("threads").GetInt32());
        Assert.Equal(123_456_789, root.GetProperty("peak_memory_bytes").GetInt64());
        Assert.Equal("2025-11-01T09:30:00.000Z", root.GetProperty("started_utc").GetString());
        Assert.Equal(["scenarios/synthetic.yaml", "scenarios/baseline.yaml"],
            root.GetProperty("input_files").EnumerateArray().Select(f => f.GetString()));
        Assert.Equal("sha256:0123abcd", root.GetProperty("input_hash").GetString());
        Assert.Equal("synthetic", root.GetProperty("scenario").GetString());
        Assert.Contains("\"quote\" and 한국어", root.GetProperty("description").GetString());
    }

    [Fact]
    public void Manifest_keys_come_in_a_fixed_order()
    {
        var root = Parse(Manifest.Format(Build(), Info(), ["summary.csv"]));
        Assert.Equal(
            ["scenario", "description", "resolved_scenario", "input_files", "input_hash", "warnings", "master_seed", "runs", "threads",
             "program_version", "command_line", "started_utc", "wall_seconds", "setup_seconds", "stepping_seconds",
             "output_seconds", "agent_steps", "agent_steps_per_second", "peak_memory_bytes", "first_month", "last_month",
             "months", "statistics", "metrics", "outputs"],
            root.EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public void Throughput_is_null_rather_than_infinite_when_stepping_took_no_time()
    {
        var root = Parse(Manifest.Format(Build(steppingSeconds: 0), Info()));
        Assert.Equal(JsonValueKind.Null, root.GetProperty("agent_steps_per_second").ValueKind);
    }

    [Fact]
    public void Resolved_scenario_uses_the_yaml_keys()
    {
        var s = Parse(Manifest.Format(Build(), Info())).GetProperty("resolved_scenario");
        Assert.Equal(0.2, s.GetProperty("coefficients").GetProperty("b_gpu").GetDouble());
        Assert.Equal(1391.6, s.GetProperty("krw_per_usd").GetDouble());
        Assert.Equal("2025-11", s.GetProperty("start").GetString());
        Assert.Equal(14, s.GetProperty("months").GetInt32());
        Assert.Equal(57_000, s.GetProperty("population").GetProperty("at_home").GetInt32());
        Assert.Equal(0.15, s.GetProperty("population").GetProperty("home_stage_shares").GetProperty("student").GetDouble());
        Assert.Equal(["academia", "industry", "institute"],
            s.GetProperty("sectors").EnumerateArray().Select(x => x.GetProperty("name").GetString()));
        Assert.Equal(0.0117, s.GetProperty("sectors")[0].GetProperty("baseline_compute_h100e").GetDouble());
        // Computed properties are not keys.
        Assert.False(s.TryGetProperty("end", out _));
    }

    [Fact]
    public void Levers_start_with_their_type_and_write_months_enums_and_sorted_maps()
    {
        var levers = Parse(Manifest.Format(Build(), Info())).GetProperty("resolved_scenario").GetProperty("levers");
        var gpu = levers[0];
        // The kind first, then the keys every lever shares, then its own.
        Assert.Equal(["type", "at", "count"], gpu.EnumerateObject().Take(3).Select(p => p.Name));
        Assert.Equal("gpu_import", gpu.GetProperty("type").GetString());
        Assert.Equal("2026-01", gpu.GetProperty("at").GetString());
        Assert.Equal(10_000, gpu.GetProperty("count").GetDouble());
        Assert.Equal(["academia", "industry", "institute"], gpu.GetProperty("sector_shares").EnumerateObject().Select(p => p.Name));
        Assert.Equal("H100", gpu.GetProperty("mix")[0].GetProperty("model").GetString());
        Assert.Equal(1, gpu.GetProperty("mix")[0].GetProperty("h100e_per_unit").GetDouble());
        // Unset optional values are omitted, as in the YAML.
        Assert.False(gpu.TryGetProperty("until", out _));

        var topup = levers[1];
        Assert.Equal("salary_topup", topup.GetProperty("type").GetString());
        Assert.Equal(["type", "at", "until"], topup.EnumerateObject().Take(3).Select(p => p.Name));
        Assert.Equal("2026-12", topup.GetProperty("until").GetString());
        Assert.Equal("early", topup.GetProperty("stage").GetString());
        Assert.False(topup.GetProperty("top_talent_only").GetBoolean());
    }

    [Fact]
    public void Uncertainty_is_a_map_from_path_to_distribution_with_only_its_parameters()
    {
        var u = Parse(Manifest.Format(Build(), Info())).GetProperty("resolved_scenario").GetProperty("uncertainty");
        Assert.Equal(["coefficients.b_gpu", "visa.selection_rate"], u.EnumerateObject().Select(p => p.Name));
        var bGpu = u.GetProperty("coefficients.b_gpu");
        Assert.Equal(["dist", "mean", "sd"], bGpu.EnumerateObject().Select(p => p.Name));
        Assert.Equal("normal", bGpu.GetProperty("dist").GetString());
        Assert.Equal(0.1, bGpu.GetProperty("sd").GetDouble());
        Assert.Equal(["dist", "min", "max"], u.GetProperty("visa.selection_rate").EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public void Metrics_are_listed_with_units_and_kinds()
    {
        var e = Build();
        var metrics = Parse(Manifest.Format(e, Info())).GetProperty("metrics").EnumerateArray().ToList();
        Assert.Equal(e.Metrics.Select(m => m.Name), metrics.Select(m => m.GetProperty("name").GetString()));
        Assert.Equal(e.Metrics.Select(m => m.Unit), metrics.Select(m => m.GetProperty("unit").GetString()));
        Assert.Equal("stock", metrics[0].GetProperty("kind").GetString());
        Assert.Equal("flow", metrics.Single(m => m.GetProperty("name").GetString() == "emigrations").GetProperty("kind").GetString());
    }

    [Fact]
    public void Manifest_text_is_deterministic_with_unix_line_endings()
    {
        var a = Manifest.Format(Build(), Info());
        var b = Manifest.Format(Build(), Info());
        Assert.Equal(a, b);
        Assert.DoesNotContain("\r", a);
        Assert.EndsWith("}\n", a);
    }
}
