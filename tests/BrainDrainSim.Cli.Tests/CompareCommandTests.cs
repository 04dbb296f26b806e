using System.Text.RegularExpressions;

namespace BrainDrainSim.Cli.Tests;

/// <summary>`braindrain compare` and `braindrain sweep` end to end, as a user runs them.</summary>
public class CompareCommandTests
{
    // The tiny scenario without its lever is the baseline; with it, the policy.
    private static string Baseline => TinyScenario.WithoutLever;

    [Fact]
    public void Compare_writes_the_tables_charts_and_a_report_whose_images_exist()
    {
        using var tmp = new TempFolder();
        var baseline = tmp.Write("baseline.yaml", Baseline);
        var policy = tmp.Write("tiny.yaml", TinyScenario.Yaml);
        Assert.DoesNotContain("gpu_import", File.ReadAllText(baseline));
        var r = Braindrain.Run(tmp.Path, "compare", baseline, policy, "--runs", "6", "--seed", "3", "--threads", "2", "--out", "cmp");
        Assert.True(r.ExitCode == 0, r.All);
        var dir = Path.Combine(tmp.Path, "cmp");
        foreach (var f in new[] { "comparison.csv", "cost_effectiveness.csv", "report.md", "manifest.json" })
            Assert.True(File.Exists(Path.Combine(dir, f)), $"{f} missing");
        var csv = File.ReadAllLines(Path.Combine(dir, "comparison.csv"));
        Assert.Contains(csv, l => l.StartsWith("tiny,researchers_home,2027-06,", StringComparison.Ordinal));
        var report = File.ReadAllText(Path.Combine(dir, "report.md"));
        var images = Regex.Matches(report, @"!\[[^\]]*\]\(([^)]+)\)").Select(m => m.Groups[1].Value).ToArray();
        Assert.True(images.Length >= 4, $"report.md embeds {images.Length} images");
        foreach (var image in images) Assert.True(File.Exists(Path.Combine(dir, image)), $"report.md links {image}, which does not exist");
        foreach (var f in Directory.GetFiles(dir).Where(f => !f.EndsWith(".png", StringComparison.Ordinal)))
        {
            var text = File.ReadAllText(f);
            Assert.False(text.Contains("NaN") || text.Contains("Infinity"), $"{Path.GetFileName(f)} has NaN or Infinity");
        }
        Assert.Contains("tiny", r.Stdout);
    }

    [Fact]
    public void A_scenario_compared_with_itself_differs_by_exactly_nothing()
    {
        using var tmp = new TempFolder();
        var a = tmp.Write("a.yaml", TinyScenario.Yaml);
        var b = tmp.Write("b.yaml", TinyScenario.Yaml.Replace("name: tiny", "name: tiny-again"));
        var r = Braindrain.Run(tmp.Path, "compare", a, b, "--runs", "4", "--out", "self");
        Assert.True(r.ExitCode == 0, r.All);
        var csv = File.ReadAllLines(Path.Combine(tmp.Path, "self", "comparison.csv"));
        var header = csv[0].Split(',');
        int mean = Array.IndexOf(header, "diff_mean"), p05 = Array.IndexOf(header, "diff_p05"), p95 = Array.IndexOf(header, "diff_p95");
        Assert.True(mean >= 0 && p05 >= 0 && p95 >= 0, csv[0]);
        foreach (var line in csv.Skip(1))
        {
            var cells = line.Split(',');
            foreach (int c in new[] { mean, p05, p95 })
                Assert.True(cells[c] is "" or "0", $"a self-comparison differs: {line}");
        }
        var ce = File.ReadAllText(Path.Combine(tmp.Path, "self", "cost_effectiveness.csv"));
        Assert.Contains("not estimable", ce);
    }

    [Fact]
    public void Compare_refuses_bad_input_with_exit_code_2_and_writes_nothing()
    {
        using var tmp = new TempFolder();
        var good = tmp.Write("tiny.yaml", TinyScenario.Yaml);
        var bad = tmp.Write("bad.yaml", TinyScenario.Misspelt);
        var shorter = tmp.Write("short.yaml", TinyScenario.Yaml.Replace("months: 30", "months: 24").Replace("name: tiny", "name: short"));
        var misspelt = Braindrain.Run(tmp.Path, "compare", good, bad, "--runs", "2", "--out", "x");
        Assert.Equal(2, misspelt.ExitCode);
        Assert.Contains("bad.yaml:14:5", misspelt.Stderr);
        var horizons = Braindrain.Run(tmp.Path, "compare", good, shorter, "--runs", "2", "--out", "y");
        Assert.Equal(2, horizons.ExitCode);
        Assert.Contains("same start and months", horizons.Stderr);
        var sameName = Braindrain.Run(tmp.Path, "compare", good, good, "--runs", "2", "--out", "z");
        Assert.Equal(2, sameName.ExitCode);
        Assert.DoesNotContain("   at ", misspelt.All + horizons.All + sameName.All);
        foreach (var d in new[] { "x", "y", "z" }) Assert.False(Directory.Exists(Path.Combine(tmp.Path, d)), $"{d} was written");
    }

    [Fact]
    public void Sweep_runs_each_value_paired_and_writes_its_table_and_chart()
    {
        using var tmp = new TempFolder();
        var file = tmp.Write("tiny.yaml", TinyScenario.Yaml);
        var r = Braindrain.Run(tmp.Path, "sweep", file, "--set", "levers[0].count=0,200,2000", "--runs", "4", "--out", "sw");
        Assert.True(r.ExitCode == 0, r.All);
        var dir = Path.Combine(tmp.Path, "sw");
        Assert.True(File.Exists(Path.Combine(dir, "sweep_response.png")));
        var csv = File.ReadAllLines(Path.Combine(dir, "sweep.csv"));
        Assert.StartsWith("path,value,metric,month,", csv[0]);
        foreach (var v in new[] { "0", "200", "2000" })
            Assert.Contains(csv, l => l.StartsWith($"levers[0].count,{v},researchers_home,2027-06,", StringComparison.Ordinal));
        Assert.DoesNotContain(csv, l => l.Contains("NaN") || l.Contains("Infinity"));
    }

    [Fact]
    public void Sweeping_an_uncertain_parameter_fixes_it_and_the_manifest_says_so()
    {
        using var tmp = new TempFolder();
        var file = tmp.Write("tiny.yaml", TinyScenario.Yaml);
        var r = Braindrain.Run(tmp.Path, "sweep", file, "--set", "coefficients.b_gpu=0.1,0.3", "--runs", "3", "--out", "sw");
        Assert.True(r.ExitCode == 0, r.All);
        var manifest = File.ReadAllText(Path.Combine(tmp.Path, "sw", "manifest.json"));
        Assert.Contains("coefficients.b_gpu", manifest);
        Assert.Contains("fixed", manifest);
    }

    [Theory]
    [InlineData("levers[0].count", "expected PATH=V1,V2")]
    [InlineData("levers[3].count=1,2", "out of range")]
    [InlineData("coefficients.b_gpux=1,2", "b_gpux")]
    [InlineData("levers[0].count=10,ten", "'ten' is not a number")]
    [InlineData("levers[0].count=-5,10", "outside the allowed range")]
    [InlineData("levers[0].count=10", "at least two values")]
    public void Sweep_refuses_a_bad_setting_with_exit_code_2(string set, string expected)
    {
        using var tmp = new TempFolder();
        var file = tmp.Write("tiny.yaml", TinyScenario.Yaml);
        var r = Braindrain.Run(tmp.Path, "sweep", file, "--set", set, "--runs", "2", "--out", "sw");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains(expected, r.Stderr);
        Assert.DoesNotContain("   at ", r.All);
        Assert.False(Directory.Exists(Path.Combine(tmp.Path, "sw")));
    }
}
