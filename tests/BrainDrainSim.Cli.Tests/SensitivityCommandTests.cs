using System.Globalization;
using System.Text.RegularExpressions;
using BrainDrainSim.Testing;

namespace BrainDrainSim.Cli.Tests;

/// <summary>`braindrain sensitivity` end to end, as a user runs it, on the tiny scenario (a GPU import, b_gpu uncertain).</summary>
public class SensitivityCommandTests
{
    private static string[] Sobol(string policy, string baseline, string outDir, int threads, params string[] more) =>
        ["sensitivity", policy, "--against", baseline, "--n", "8", "--seed", "5", "--threads", threads.ToString(CultureInfo.InvariantCulture), "--out", outDir, .. more];

    [Fact]
    public void Sobol_writes_indices_charts_a_report_and_a_manifest_with_the_same_bytes_on_one_and_two_threads()
    {
        using var tmp = new TempFolder();
        var policy = tmp.Write("tiny.yaml", TinyScenario.Yaml);
        var baseline = tmp.Write("baseline.yaml", TinyScenario.WithoutLever);
        var one = Braindrain.Run(tmp.Path, Sobol(policy, baseline, "s1", 1));
        Assert.True(one.ExitCode == 0, one.All);
        var two = Braindrain.Run(tmp.Path, Sobol(policy, baseline, "s2", 2));
        Assert.True(two.ExitCode == 0, two.All);

        string d1 = tmp.PathOf("s1"), d2 = tmp.PathOf("s2");
        var files = Directory.GetFiles(d1).Select(f => Path.GetFileName(f)!).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(["indices.csv", "manifest.json", "report.md", "sensitivity_indices.png", "sensitivity_over_time.png", "sensitivity_tornado.png"], files);
        // Every file but the manifest (which records the threads, the command line and the time).
        foreach (var f in files.Where(f => f != "manifest.json"))
            Assert.True(File.ReadAllBytes(Path.Combine(d1, f)).SequenceEqual(File.ReadAllBytes(Path.Combine(d2, f))), $"{f} differs between 1 and 2 threads");

        var csv = File.ReadAllLines(Path.Combine(d1, "indices.csv"));
        Assert.Equal("factor,quantity,month,s1,s1_low,s1_high,st,st_low,st_high,status,quantity_mean,quantity_sd,design_rows", csv[0]);
        // b_gpu and chance, for the effect and the extra cost, at the end of 2025, of 2026 and at the horizon (2027-06).
        Assert.Equal(1 + 2 * 2 * 3, csv.Length);
        Assert.Contains(csv, l => l.StartsWith("coefficients.b_gpu,effect on researchers_home,2027-06,", StringComparison.Ordinal) && l.Contains(",defined,", StringComparison.Ordinal));
        Assert.Contains(csv, l => l.StartsWith("chance,extra cost (KRW, cumulative),2027-06,", StringComparison.Ordinal) || l.StartsWith("chance,\"extra cost (KRW, cumulative)\",2027-06,", StringComparison.Ordinal));
        // N = 8 base points, b_gpu and chance: 8 x (2 + 2) rows.
        Assert.All(csv.Skip(1), l => Assert.EndsWith(",32", l, StringComparison.Ordinal));

        var report = File.ReadAllText(Path.Combine(d1, "report.md"));
        var images = Regex.Matches(report, @"!\[[^\]]*\]\(([^)]+)\)").Select(m => m.Groups[1].Value).ToArray();
        Assert.Equal(3, images.Length);
        foreach (var image in images) Assert.True(File.Exists(Path.Combine(d1, image)), $"report.md links {image}, which does not exist");
        Assert.Contains("Chance (the replication seed", report, StringComparison.Ordinal);
        foreach (var f in Directory.GetFiles(d1).Where(f => !f.EndsWith(".png", StringComparison.Ordinal)))
        {
            var text = File.ReadAllText(f);
            Assert.False(text.Contains("NaN") || text.Contains("Infinity"), $"{Path.GetFileName(f)} has NaN or Infinity");
        }
        var manifest = File.ReadAllText(Path.Combine(d1, "manifest.json"));
        Assert.Contains("\"kind\": \"sensitivity\"", manifest, StringComparison.Ordinal);
        Assert.Contains("\"replications\": 64", manifest, StringComparison.Ordinal);
    }

    [Fact]
    public void A_factor_the_metric_does_not_read_gets_an_st_of_exactly_zero()
    {
        using var tmp = new TempFolder();
        var policy = tmp.Write("tiny.yaml", TinyScenario.Yaml);
        var r = Braindrain.Run(tmp.Path, "sensitivity", policy, "--factor", "levers[0].unit_cost_krw=1e8..2e8", "--n", "8", "--out", "s");
        Assert.True(r.ExitCode == 0, r.All);
        var row = File.ReadAllLines(tmp.PathOf("s/indices.csv")).Single(l => l.StartsWith("levers[0].unit_cost_krw,researchers_home,2027-06,", StringComparison.Ordinal));
        var cells = row.Split(',');
        Assert.Equal(["0", "0", "0", "defined"], cells[6..10]);
        Assert.Equal("0", cells[3]);
    }

    [Fact]
    public void With_b_gpu_at_zero_every_index_of_the_gpu_imports_effect_is_undefined_for_zero_variance()
    {
        using var tmp = new TempFolder();
        // b_gpu fixed at 0 instead of uncertain; b_wage varies instead, so there is a design to run.
        static string NoGpu(string yaml) => yaml.Replace("coefficients.b_gpu: {dist: normal, mean: 0.2, sd: 0.05}", "coefficients.b_wage: {dist: uniform, min: 0.5, max: 1.5}", StringComparison.Ordinal)
            + "coefficients:\n  b_gpu: 0\n";
        var policy = tmp.Write("tiny.yaml", NoGpu(TinyScenario.Yaml));
        var baseline = tmp.Write("baseline.yaml", NoGpu(TinyScenario.WithoutLever));
        var r = Braindrain.Run(tmp.Path, Sobol(policy, baseline, "s", 2));
        Assert.True(r.ExitCode == 0, r.All);
        var effect = File.ReadAllLines(tmp.PathOf("s/indices.csv")).Where(l => l.Contains(",effect on researchers_home,", StringComparison.Ordinal)).ToArray();
        Assert.Equal(2 * 3, effect.Length);
        Assert.All(effect, l => Assert.Contains(",,,,,,undefined: zero variance,0,0,", l, StringComparison.Ordinal));
        Assert.Contains("No indices: undefined: zero variance", File.ReadAllText(tmp.PathOf("s/report.md")), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("coefficients.b_gpoo=0..1", "not a key of the scenario")]
    [InlineData("coefficients.b_gpu=0.5..0.2", "LO must be below HI")]
    [InlineData("coefficients.b_gpu=0.3..0.3", "LO must be below HI")]
    [InlineData("sectors[0].share=0.2..0.4", "cannot vary alone")]
    [InlineData("coefficients.b_gpu=0.1", "expected PATH=LO..HI")]
    public void A_bad_factor_exits_2_with_its_reason_and_writes_nothing(string factor, string reason)
    {
        using var tmp = new TempFolder();
        var policy = tmp.Write("tiny.yaml", TinyScenario.Yaml);
        var r = Braindrain.Run(tmp.Path, "sensitivity", policy, "--factor", factor, "--n", "8", "--out", "s");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains(reason, r.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", r.All, StringComparison.Ordinal);
        Assert.False(Directory.Exists(tmp.PathOf("s")));
        Assert.Empty(Directory.GetDirectories(tmp.Path));
    }

    [Fact]
    public void Morris_writes_its_effects_chart_and_report()
    {
        using var tmp = new TempFolder();
        var policy = tmp.Write("tiny.yaml", TinyScenario.Yaml);
        var r = Braindrain.Run(tmp.Path, "sensitivity", policy, "--method", "morris", "--n", "4", "--factor", "levers[0].count=100..400", "--out", "m");
        Assert.True(r.ExitCode == 0, r.All);
        var csv = File.ReadAllLines(tmp.PathOf("m/indices.csv"));
        Assert.Equal("factor,quantity,month,mu,mu_star,sigma,status,quantity_mean,quantity_sd,design_rows", csv[0]);
        // Two inputs (b_gpu, the count), three months; 4 trajectories of 3 rows.
        Assert.Equal(1 + 2 * 3, csv.Length);
        Assert.All(csv.Skip(1), l => Assert.EndsWith(",12", l, StringComparison.Ordinal));
        Assert.True(File.Exists(tmp.PathOf("m/morris_mu_star_sigma.png")));
        Assert.Contains("Morris elementary effects", File.ReadAllText(tmp.PathOf("m/report.md")), StringComparison.Ordinal);
    }

    [Fact]
    public void The_net_benefit_is_wtp_times_the_effect_less_the_extra_cost_and_second_order_pairs_are_written()
    {
        using var tmp = new TempFolder();
        var policy = tmp.Write("tiny.yaml", TinyScenario.Yaml);
        var baseline = tmp.Write("baseline.yaml", TinyScenario.WithoutLever);
        var r = Braindrain.Run(tmp.Path, Sobol(policy, baseline, "s", 2, "--wtp", "5e7", "--second-order", "--factor", "coefficients.b_wage=0.5..1.5"));
        Assert.True(r.ExitCode == 0, r.All);
        var rows = File.ReadAllLines(tmp.PathOf("s/indices.csv")).Skip(1).Select(l => Regex.Split(l, ",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)")).ToArray();
        double Mean(string quantity) => double.Parse(rows.First(c => c[1].Trim('"') == quantity && c[2] == "2027-06")[10], CultureInfo.InvariantCulture);
        double effect = Mean("effect on researchers_home"), cost = Mean("extra cost (KRW, cumulative)");
        double net = Mean("net benefit at 50000000 KRW per researcher kept");
        // The net benefit is linear in the two, so its mean over the design is theirs to rounding.
        Assert.Equal(5e7 * effect - cost, net, Math.Abs(net) * 1e-9 + 1);
        // b_gpu, b_wage and chance: three pairs per quantity and month (3 quantities x 3 months), or a status line.
        var second = File.ReadAllLines(tmp.PathOf("s/second_order.csv"));
        Assert.Equal("factor,other_factor,quantity,month,s2,s2_low,s2_high,status", second[0]);
        Assert.Contains(second, l => l.StartsWith("coefficients.b_gpu,coefficients.b_wage,effect on researchers_home,2027-06,", StringComparison.Ordinal));
        Assert.Contains(second, l => l.StartsWith("coefficients.b_wage,chance,effect on researchers_home,2027-06,", StringComparison.Ordinal));
        // N x (2 + 2 x 3) design rows with the BA rows.
        Assert.All(rows, c => Assert.Equal("64", c[^1]));
    }
}
