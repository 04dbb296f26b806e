using System.Text.Json;
using BrainDrainSim.Model;
using BrainDrainSim.MonteCarlo;
using SkiaSharp;
using static BrainDrainSim.Reporting.Tests.EngineComparison;
using BrainDrainSim.Reporting.Comparisons;

namespace BrainDrainSim.Reporting.Tests;

public class SweepWriterTests
{
    private const string SweptPath = "levers[0].fraction";
    private static readonly double[] Values = [0.1, 0.25, 0.5];

    /// <summary>A salary top-up swept over three fractions of pay, the first (0.1) the reference, all from one seed (a top-up of 0 is no top-up: the validator refuses it).</summary>
    private static readonly Lazy<Comparison> Sweep = new(() =>
    {
        var ensembles = Values.Select(v => Run(Topup(v) with { Name = $"topup-{v}" })).ToList();
        return Comparison.Build(ensembles[0], ensembles.Skip(1).ToList());
    });

    private static CompareInfo InfoForSweep(string? fixedUncertain = null) => Info(1) with
    {
        CommandLine = "braindrain sweep topup.yaml --path levers[0].fraction --values 0.1,0.25,0.5",
        Sweep = new SweepInfo(SweptPath, Values, fixedUncertain),
    };

    [Fact]
    public void WriteAll_writes_and_lists_every_file()
    {
        using var dir = new TempFolder();
        var written = SweepWriter.WriteAll(Sweep.Value, SweptPath, Values, InfoForSweep(), dir.Path);
        Assert.Equal(["sweep.csv", "sweep_response.png", "manifest.json"], written);
        Assert.Equal(written.Order(StringComparer.Ordinal), Directory.GetFiles(dir.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Sweep_csv_has_a_row_per_value_metric_and_month_and_zero_differences_for_the_first_value()
    {
        using var dir = new TempFolder();
        var c = Sweep.Value;
        SweepWriter.WriteAll(c, SweptPath, Values, InfoForSweep(), dir.Path);
        string text = File.ReadAllText(dir.PathOf("sweep.csv"));
        Assert.StartsWith(SweepCsv.Header + "\n", text, StringComparison.Ordinal);
        var records = CsvText.Records(text);
        Assert.Equal(Values.Length * c.Metrics.Count * MonthCount, records.Count);
        Assert.All(records, r => Assert.Equal(SweptPath, r["path"]));
        Assert.Equal(["0.1", "0.25", "0.5"], records.Select(r => r["value"]).Distinct());

        var first = records.Where(r => r["value"] == "0.1").ToList();
        Assert.Equal(c.Metrics.Count * MonthCount, first.Count);
        var defined = first.Where(r => r["diff_mean"] != "").ToList();
        Assert.True(defined.Count > first.Count / 2, "most of the first value's differences should be defined");
        foreach (var r in defined)
            foreach (var column in new[] { "diff_mean", "diff_ci_low", "diff_ci_high", "diff_p05", "diff_p95" })
                Assert.Equal("0", r[column]);
        // Undefined values (the early stay rate) are empty cells with a status.
        Assert.All(first.Where(r => r["diff_mean"] == ""), r => Assert.NotEqual("ok", r["status"]));

        // Levels are each value's own runs; differences are paired with the first value.
        int home = c.Policies[1].Policy.MetricIndex(MetricCatalog.Home);
        var top = c.Policies[1].Policy;
        var row = records.Single(r => r["value"] == "0.5" && r["metric"] == MetricCatalog.Home && r["month"] == "2026-06");
        Assert.Equal(top.Runs.Average(r => r.Series[home][^1]), CsvText.Number(row["mean"]), 1e-9);
        Assert.Equal(Enumerable.Range(0, Runs).Average(i => top.Runs[i].Series[home][^1] - c.Baseline.Runs[i].Series[home][^1]),
            CsvText.Number(row["diff_mean"]), 1e-9);

        foreach (var bad in new[] { "NaN", "Infinity" })
            Assert.DoesNotContain(bad, text, StringComparison.Ordinal);
    }

    [Fact]
    public void Sweep_chart_is_a_1000_by_600_png_with_text()
    {
        using var dir = new TempFolder();
        SweepWriter.WriteAll(Sweep.Value, SweptPath, Values, InfoForSweep(), dir.Path);
        var bytes = File.ReadAllBytes(dir.PathOf("sweep_response.png"));
        Assert.Equal((1000, 600), Png.HeaderSize(bytes));
        using var bitmap = SKBitmap.Decode(bytes);
        Assert.True(Png.DistinctColours(bitmap) > 20, "the chart looks blank");
        Assert.True(Png.DarkPixels(bitmap, 0, 60) > 50, "no title text rendered");
    }

    [Fact]
    public void Manifest_records_the_sweep_and_the_uncertain_parameter_it_fixed()
    {
        using var dir = new TempFolder();
        SweepWriter.WriteAll(Sweep.Value, SweptPath, Values, InfoForSweep("coefficients.b_gpu"), dir.Path);
        string json = File.ReadAllText(dir.PathOf("manifest.json"));
        Assert.DoesNotContain("NaN", json, StringComparison.Ordinal);
        var m = JsonDocument.Parse(json).RootElement;
        Assert.Equal("sweep", m.GetProperty("kind").GetString());
        var sweep = m.GetProperty("sweep");
        Assert.Equal(SweptPath, sweep.GetProperty("path").GetString());
        Assert.Equal(Values, sweep.GetProperty("values").EnumerateArray().Select(v => v.GetDouble()));
        Assert.Equal("coefficients.b_gpu", sweep.GetProperty("fixed_uncertain_parameter").GetString());
        Assert.Contains("in place of its distribution", sweep.GetProperty("fixed_uncertain_parameter_note").GetString(), StringComparison.Ordinal);
        var scenarios = m.GetProperty("scenarios").EnumerateArray().ToList();
        Assert.Equal(Values, scenarios.Select(s => s.GetProperty("value").GetDouble()));
        // One input file shared by every value.
        Assert.All(scenarios, s => Assert.Equal("scenarios/tiny.yaml", s.GetProperty("input_files")[1].GetString()));
        Assert.Equal(["sweep.csv", "sweep_response.png", "manifest.json"], m.GetProperty("outputs").EnumerateArray().Select(o => o.GetString()));
    }

    [Fact]
    public void Without_a_fixed_uncertain_parameter_the_manifest_says_nothing_of_one()
    {
        using var dir = new TempFolder();
        SweepWriter.WriteAll(Sweep.Value, SweptPath, Values, Info(3), dir.Path);
        var sweep = JsonDocument.Parse(File.ReadAllText(dir.PathOf("manifest.json"))).RootElement.GetProperty("sweep");
        Assert.False(sweep.TryGetProperty("fixed_uncertain_parameter", out _));
    }

    [Fact]
    public void Values_that_do_not_match_the_ensembles_are_refused_before_writing()
    {
        using var dir = new TempFolder();
        Assert.Throws<ArgumentException>(() => SweepWriter.WriteAll(Sweep.Value, SweptPath, [0.1, 0.5], Info(1), dir.Path));
        Assert.Throws<ArgumentException>(() => SweepWriter.WriteAll(Sweep.Value, SweptPath, [0.1, double.NaN, 0.5], Info(1), dir.Path));
        Assert.Throws<ArgumentException>(() => SweepWriter.WriteAll(Sweep.Value, "coefficients.b_net", Values, InfoForSweep(), dir.Path));
        Assert.Empty(Directory.GetFiles(dir.Path));
    }
}
