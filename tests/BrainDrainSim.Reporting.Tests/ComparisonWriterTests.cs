using System.Text.Json;
using System.Text.RegularExpressions;
using BrainDrainSim.Model;
using BrainDrainSim.MonteCarlo;
using SkiaSharp;
using static BrainDrainSim.Reporting.Tests.EngineComparison;
using BrainDrainSim.Reporting.Comparisons;

namespace BrainDrainSim.Reporting.Tests;

public class ComparisonWriterTests
{
    private static readonly string[] AllFiles =
    [
        "comparison.csv", "cost_effectiveness.csv",
        "compare_researchers_home.png", "compare_effect_over_time.png", "compare_final_effects.png", "compare_cost_vs_kept.png",
        "report.md", "manifest.json",
    ];

    /// <summary>The two-policy comparison written to a fresh folder, removed when disposed.</summary>
    private sealed class Written : IDisposable
    {
        public TempFolder Dir { get; } = new();
        public Comparison Comparison { get; } = TwoPolicies();
        public IReadOnlyList<string> Files { get; }

        public Written() => Files = ComparisonWriter.WriteAll(Comparison, Info(3), Dir.Path);

        public string Text(string file) => File.ReadAllText(Dir.PathOf(file));

        public void Dispose() => Dir.Dispose();
    }

    [Fact]
    public void WriteAll_writes_and_lists_every_file()
    {
        using var w = new Written();
        Assert.Equal(AllFiles, w.Files);
        Assert.Equal(AllFiles, ComparisonWriter.Files);
        Assert.Equal(AllFiles.Order(StringComparer.Ordinal), Directory.GetFiles(w.Dir.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        var manifest = JsonDocument.Parse(w.Text("manifest.json")).RootElement;
        Assert.Equal(AllFiles, manifest.GetProperty("outputs").EnumerateArray().Select(x => x.GetString()));
    }

    [Fact]
    public void Comparison_csv_has_one_row_per_policy_metric_and_month()
    {
        using var w = new Written();
        string text = w.Text("comparison.csv");
        Assert.StartsWith(ComparisonCsv.Header + "\n", text, StringComparison.Ordinal);
        var records = CsvText.Records(text);
        Assert.Equal(w.Comparison.Policies.Count * w.Comparison.Metrics.Count * MonthCount, records.Count);
        Assert.Equal(["salary-topup", "gpu-import"], records.Select(r => r["policy"]).Distinct());
        Assert.Equal("2025-01", records[0]["month"]);
        Assert.Equal("2026-06", records[MonthCount - 1]["month"]);
        Assert.All(records, r => Assert.Matches(@"^\d{4}-\d{2}$", r["month"]));

        // The horizon's researchers at home, recomputed from the runs: the mean of policy minus baseline.
        var topup = w.Comparison.Policies[0].Policy;
        int home = topup.MetricIndex(MetricCatalog.Home);
        double expected = Enumerable.Range(0, Runs)
            .Average(r => topup.Runs[r].Series[home][^1] - w.Comparison.Baseline.Runs[r].Series[home][^1]);
        var row = records.Single(r => r["policy"] == "salary-topup" && r["metric"] == MetricCatalog.Home && r["month"] == "2026-06");
        Assert.Equal(expected, CsvText.Number(row["diff_mean"]), 1e-9);
        Assert.Equal("persons", row["unit"]);
        Assert.Equal(Runs.ToString(System.Globalization.CultureInfo.InvariantCulture), row["n"]);
        Assert.Equal(PairedStatistics.StatusOk, row["status"]);
        Assert.True(CsvText.Number(row["diff_ci_low"]) <= CsvText.Number(row["diff_mean"]));
        Assert.True(CsvText.Number(row["diff_mean"]) <= CsvText.Number(row["diff_ci_high"]));

        // The stay rate of student emigrants is undefined early on: empty cells with a status, never NaN.
        Assert.Contains(records, r => r["metric"] == MetricCatalog.StudentStayRate && r["diff_mean"] == "" && r["status"] != PairedStatistics.StatusOk);
    }

    [Fact]
    public void Cost_effectiveness_csv_has_one_row_per_policy_and_measure()
    {
        using var w = new Written();
        var records = CsvText.Records(w.Text("cost_effectiveness.csv"));
        Assert.Equal(CostEffectivenessCsv.Header.Split(','), CsvText.Parse(w.Text("cost_effectiveness.csv"))[0]);
        Assert.Equal(w.Comparison.Policies.Count * 3, records.Count);
        Assert.All(records, r => Assert.Equal("ratio of means, Fieller 95%", r["method"]));
        foreach (var r in records)
        {
            bool estimable = r["status"] == RatioEstimate.StatusOk;
            Assert.Equal(estimable, r["ratio"] != "");
            Assert.Equal(estimable, r["ratio_ci_low"] != "");
            if (!estimable) Assert.StartsWith("not estimable", r["status"], StringComparison.Ordinal);
        }
        // A GPU import costs money the baseline does not spend.
        Assert.All(records.Where(r => r["policy"] == "gpu-import"), r => Assert.True(CsvText.Number(r["extra_cost_mean_krw"]) > 0));
    }

    [Fact]
    public void No_written_text_file_holds_NaN_or_infinity()
    {
        using var w = new Written();
        using var self = new TempFolder();
        ComparisonWriter.WriteAll(SelfComparison(), Info(2), self.Path);
        var files = TextFiles(w.Dir.Path).Concat(TextFiles(self.Path)).ToList();
        Assert.Equal(8, files.Count);
        foreach (var (name, text) in files)
        {
            Assert.DoesNotContain("NaN", text, StringComparison.Ordinal);
            Assert.DoesNotContain("Infinity", text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("∞", text, StringComparison.Ordinal);
            Assert.False(string.IsNullOrWhiteSpace(text), $"{name} is empty");
        }
    }

    [Fact]
    public void Report_image_links_resolve_to_files_in_the_folder()
    {
        using var w = new Written();
        string report = w.Text("report.md");
        var links = Regex.Matches(report, @"!\[[^\]]*\]\(([^)\s]+)\)").Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(ComparisonCharts.Files, links);
        foreach (var link in links)
        {
            Assert.False(Path.IsPathRooted(link), $"{link} is not relative");
            Assert.True(File.Exists(Path.Combine(w.Dir.Path, link)), $"{link} does not exist");
        }
    }

    [Fact]
    public void Report_has_the_sections_a_reader_needs()
    {
        using var w = new Written();
        string report = w.Text("report.md");
        foreach (var heading in new[]
                 {
                     "# Policy comparison", "## The question", "## Scenarios", "## Method", "## Results at the horizon (2026-06)",
                     "## Cost-effectiveness", "## Charts", "## What drives the answer", "## Files",
                 })
            Assert.Contains("\n" + heading, "\n" + report, StringComparison.Ordinal);
        Assert.Contains("`tiny.yaml`", report, StringComparison.Ordinal);
        Assert.Contains("`policy-2.yaml`", report, StringComparison.Ordinal);
        // The description's pipe is escaped, so the scenarios table keeps its four columns.
        Assert.Contains("comparison tests \\| with a pipe", report, StringComparison.Ordinal);
        Assert.Contains("| `coefficients.b_gpu` | normal | mean 0.2, sd 0.05 |", report, StringComparison.Ordinal);
        Assert.Contains("| `coefficients.lambda_out` | uniform | min 0.015, max 0.025 |", report, StringComparison.Ordinal);
        Assert.Contains("`comparison.csv`", report, StringComparison.Ordinal);
        Assert.Contains("`cost_effectiveness.csv`", report, StringComparison.Ordinal);
        // Pure policy contrasts: no warning section.
        Assert.DoesNotContain("## Warning", report, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("compare_researchers_home.png")]
    [InlineData("compare_effect_over_time.png")]
    [InlineData("compare_final_effects.png")]
    [InlineData("compare_cost_vs_kept.png")]
    public void Each_chart_is_a_1000_by_600_png_with_colour_and_text(string file)
    {
        using var w = new Written();
        var bytes = File.ReadAllBytes(w.Dir.PathOf(file));
        Assert.Equal((1000, 600), Png.HeaderSize(bytes));
        using var bitmap = SKBitmap.Decode(bytes);
        Assert.Equal(1000, bitmap.Width);
        Assert.Equal(600, bitmap.Height);
        Assert.True(Png.DistinctColours(bitmap) > 20, "the chart looks blank");
        Assert.True(Png.DarkPixels(bitmap, 0, 60) > 50, "no title text rendered");
    }

    [Fact]
    public void A_self_comparison_says_the_cost_per_researcher_is_not_estimable()
    {
        using var dir = new TempFolder();
        var c = SelfComparison();
        ComparisonWriter.WriteAll(c, Info(2), dir.Path);

        var records = CsvText.Records(File.ReadAllText(dir.PathOf("cost_effectiveness.csv")));
        Assert.Equal(3, records.Count);
        Assert.All(records, r =>
        {
            Assert.StartsWith("not estimable", r["status"], StringComparison.Ordinal);
            Assert.Equal("", r["ratio"]);
            Assert.Equal("", r["ratio_ci_low"]);
            Assert.Equal("", r["ratio_ci_high"]);
            Assert.Equal("0", r["effect_mean"]);
        });
        Assert.All(CsvText.Records(File.ReadAllText(dir.PathOf("comparison.csv"))).Where(r => r["diff_mean"] != ""),
            r => Assert.Equal("0", r["diff_mean"]));

        Assert.Contains("not estimable", File.ReadAllText(dir.PathOf("report.md")), StringComparison.Ordinal);
        Assert.Contains("not estimable", ComparisonTable.Format(c), StringComparison.Ordinal);
    }

    [Fact]
    public void The_table_has_a_line_per_policy_and_warns_of_non_lever_differences()
    {
        var mixed = Run(Topup() with { Name = "topup-and-exchange-rate", KrwPerUsd = 1200 });
        var c = Comparison.Build(BaselineEnsemble, [TwoPolicies().Policies[0].Policy, mixed]);
        string table = ComparisonTable.Format(c);
        var lines = table.TrimEnd('\n').Split('\n');
        // Title, header, one line per policy, and the warning beneath the mixed policy.
        Assert.Equal(5, lines.Length);
        Assert.StartsWith("Against tiny-baseline at 2026-06: 8 runs", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("policy", lines[1], StringComparison.Ordinal);
        Assert.StartsWith("salary-topup ", lines[2], StringComparison.Ordinal);
        Assert.StartsWith("topup-and-exchange-rate ", lines[3], StringComparison.Ordinal);
        Assert.Contains("krw_per_usd", lines[4], StringComparison.Ordinal);
        Assert.All(lines, l => Assert.Equal(l.TrimEnd(), l));
        // Columns line up: the effect column starts at the same place on the header and every policy line.
        int column = lines[1].IndexOf("researchers at home", StringComparison.Ordinal);
        Assert.All(lines[2..4], l => Assert.Equal(' ', l[column - 1]));
        Assert.All(lines[2..4], l => Assert.NotEqual(' ', l[column]));

        using var dir = new TempFolder();
        ComparisonWriter.WriteAll(c, Info(3), dir.Path);
        string report = File.ReadAllText(dir.PathOf("report.md"));
        Assert.Contains("## Warning: not pure policy contrasts", report, StringComparison.Ordinal);
        Assert.Contains("- **topup-and-exchange-rate**: `krw_per_usd`", report, StringComparison.Ordinal);
    }

    [Fact]
    public void Manifest_records_each_scenario_and_the_method()
    {
        using var w = new Written();
        var m = JsonDocument.Parse(w.Text("manifest.json")).RootElement;
        Assert.Equal("comparison", m.GetProperty("kind").GetString());
        Assert.Equal("0.1.0-test", m.GetProperty("program_version").GetString());
        Assert.Equal("2025-11-01T09:30:00.000Z", m.GetProperty("started_utc").GetString());
        Assert.Equal(3.5, m.GetProperty("wall_seconds").GetDouble());
        Assert.Equal(Seed, m.GetProperty("master_seed").GetUInt64());
        Assert.Equal(Runs, m.GetProperty("runs").GetInt32());
        Assert.Equal(2, m.GetProperty("threads").GetInt32());
        var scenarios = m.GetProperty("scenarios").EnumerateArray().ToList();
        Assert.Equal(["baseline", "policy", "policy"], scenarios.Select(s => s.GetProperty("role").GetString()));
        Assert.Equal(["tiny-baseline", "salary-topup", "gpu-import"], scenarios.Select(s => s.GetProperty("name").GetString()));
        Assert.Equal(["scenarios/base.yaml", "scenarios/policy-1.yaml"],
            scenarios[1].GetProperty("input_files").EnumerateArray().Select(f => f.GetString()));
        Assert.Equal("sha256:0002", scenarios[2].GetProperty("input_hash").GetString());
        Assert.Equal(w.Comparison.Policies[1].Policy.AgentSteps, scenarios[2].GetProperty("agent_steps").GetInt64());
        Assert.True(scenarios[0].GetProperty("stepping_seconds").GetDouble() >= 0);
        Assert.Equal(JsonValueKind.Array, scenarios[1].GetProperty("non_lever_differences").ValueKind);
        Assert.Equal("salary_topup", scenarios[1].GetProperty("resolved_scenario").GetProperty("levers")[0].GetProperty("type").GetString());
        var method = m.GetProperty("method");
        foreach (var key in new[] { "pairing", "mean_ci", "run_range", "prob_policy_higher", "cost_effectiveness" })
            Assert.False(string.IsNullOrEmpty(method.GetProperty(key).GetString()));
    }

    [Fact]
    public void Writing_twice_gives_identical_bytes()
    {
        using var a = new TempFolder();
        using var b = new TempFolder();
        ComparisonWriter.WriteAll(TwoPolicies(), Info(3), a.Path);
        ComparisonWriter.WriteAll(TwoPolicies(), Info(3), b.Path);
        foreach (var file in AllFiles)
            Assert.True(File.ReadAllBytes(a.PathOf(file)).AsSpan().SequenceEqual(File.ReadAllBytes(b.PathOf(file))), $"{file} differs");
    }

    [Fact]
    public void A_mismatched_input_list_fails_before_anything_is_written()
    {
        using var dir = new TempFolder();
        Assert.Throws<ArgumentException>(() => ComparisonWriter.WriteAll(TwoPolicies(), Info(2), dir.Path));
        Assert.Empty(Directory.GetFiles(dir.Path));
    }
}
