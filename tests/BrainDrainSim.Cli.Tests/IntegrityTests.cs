using System.Text.Json;
using System.Text.RegularExpressions;

namespace BrainDrainSim.Cli.Tests;

/// <summary>
/// Issue 9, through the real command: a scenario that runs is a valid scenario. Sweep values and uncertain draws
/// pass the same rules as the file; a share of a set that sums to 1 is neither swept nor drawn on its own; costs
/// cannot be left out; a fraction is a fraction. Each refusal exits 2 with a located message and writes nothing.
/// </summary>
public sealed class IntegrityTests
{
    private static readonly string GpuImport10k = Path.Combine(Braindrain.RepoRoot, "scenarios", "gpu-import-10k.yaml");

    /// <summary>The tiny scenario with its GPUs split between two sectors, so that a share can be renormalised.</summary>
    private static readonly string TwoSectorImport = TinyScenario.Yaml.Replace("sector_shares: {academia: 1.0}", "sector_shares: {academia: 0.5, industry: 0.5}");

    [Fact]
    public void Sweeping_one_share_of_a_set_is_refused_at_the_share_with_what_to_do()
    {
        using var tmp = new TempFolder();
        var r = Braindrain.Run(tmp.Path, "sweep", GpuImport10k, "--set", "levers[0].sector_shares.academia=0.2,0.8", "--runs", "2");
        Assert.True(r.ExitCode == 2, r.All);
        var line = Assert.Single(r.Stderr.Split('\n'), l => l.Contains("levers[0].sector_shares.academia: one of", StringComparison.Ordinal));
        // Placed where the share is written: gpu-import-10k.yaml, line of "academia: 0.5".
        int shareLine = Array.FindIndex(File.ReadAllLines(GpuImport10k), l => l.TrimStart().StartsWith("academia: 0.5", StringComparison.Ordinal)) + 1;
        Assert.StartsWith($"{GpuImport10k}:{shareLine}:", line);
        Assert.Contains("must sum to 1, cannot be swept on its own (they would sum to 0.7 at 0.2, 1.3 at 0.8); add --renormalise", line);
        AssertNothingWritten(tmp.Path);
    }

    [Fact]
    public void Renormalise_rescales_the_other_shares_and_the_manifest_says_so()
    {
        using var tmp = new TempFolder();
        var file = tmp.Write("tiny.yaml", TwoSectorImport);
        var r = Braindrain.Run(tmp.Path, "sweep", file, "--set", "levers[0].sector_shares.academia=0.2,0.8", "--renormalise", "--runs", "3", "--out", "sw");
        Assert.True(r.ExitCode == 0, r.All);
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(tmp.Path, "sw", "manifest.json")));
        var sweep = manifest.RootElement.GetProperty("sweep");
        Assert.Equal("levers[0].sector_shares", sweep.GetProperty("renormalised_shares").GetString());
        var shares = manifest.RootElement.GetProperty("scenarios").EnumerateArray()
            .Select(s => s.GetProperty("resolved_scenario").GetProperty("levers")[0].GetProperty("sector_shares"))
            .Select(m => (Academia: m.GetProperty("academia").GetDouble(), Industry: m.GetProperty("industry").GetDouble()))
            .ToArray();
        // The industry share takes what academia leaves: 0.8 at academia 0.2, 0.2 at 0.8.
        Assert.Equal([(0.2, 0.8), (0.8, 0.19999999999999996)], shares);
    }

    [Fact]
    public void Renormalise_is_refused_for_a_quantity_that_is_no_share_and_for_a_set_with_nothing_to_rescale()
    {
        using var tmp = new TempFolder();
        var file = tmp.Write("tiny.yaml", TinyScenario.Yaml);
        var notShare = Braindrain.Run(tmp.Path, "sweep", file, "--set", "coefficients.b_gpu=0,0.5", "--renormalise", "--runs", "2");
        Assert.True(notShare.ExitCode == 2, notShare.All);
        Assert.Contains("--renormalise rescales the other shares of a set that sums to 1", notShare.Stderr);
        // academia holds the whole import: there is no other share to make room.
        var nothing = Braindrain.Run(tmp.Path, "sweep", file, "--set", "levers[0].sector_shares.academia=1,0.5", "--renormalise", "--runs", "2");
        Assert.True(nothing.ExitCode == 2, nothing.All);
        Assert.Contains("levers[0].sector_shares.academia: the other shares of levers[0].sector_shares are all 0", nothing.Stderr);
        AssertNothingWritten(tmp.Path);
    }

    [Fact]
    public void A_share_drawn_on_its_own_is_refused_and_a_dirichlet_over_the_set_is_taken()
    {
        using var tmp = new TempFolder();
        var lone = tmp.Write("lone.yaml", TwoSectorImport.Replace("uncertainty:\n", "uncertainty:\n  levers[0].sector_shares.academia: {dist: beta, alpha: 5, beta: 5}\n"));
        var r = Braindrain.Run(tmp.Path, "validate", lone);
        Assert.True(r.ExitCode == 2, r.All);
        Assert.Matches(LocatedLine("lone.yaml", @"uncertainty\.levers\[0\]\.sector_shares\.academia", "is one of the shares of levers\\[0\\]\\.sector_shares, which must sum to 1, so it cannot be drawn on its own"), r.Stderr);

        var whole = tmp.Write("whole.yaml", TwoSectorImport.Replace("uncertainty:\n", "uncertainty:\n  levers[0].sector_shares: {dist: dirichlet, concentration: {academia: 5, industry: 5}}\n"));
        var run = Braindrain.Run(tmp.Path, "run", whole, "--runs", "5", "--out", "dir");
        Assert.True(run.ExitCode == 0, run.All);
        // Every replication draws the set whole: its shares are columns of runs.csv and sum to 1 in every row.
        var rows = Table.Read(Path.Combine(tmp.Path, "dir", "runs.csv"));
        Assert.Equal(5, rows.Count);
        foreach (var row in rows)
        {
            double a = Table.Number(row["levers[0].sector_shares.academia"]), i = Table.Number(row["levers[0].sector_shares.industry"]);
            Assert.InRange(a, 0, 1);
            Assert.Equal(1, a + i, 12);
        }
        Assert.True(rows.Select(r => r["levers[0].sector_shares.academia"]).Distinct().Count() == 5, "each replication draws its own shares");
    }

    [Fact]
    public void A_cost_left_out_is_refused_at_its_lever()
    {
        using var tmp = new TempFolder();
        var file = tmp.Write("nocost.yaml", TinyScenario.Yaml.Replace("    unit_cost_krw: 146000000\n", ""));
        var r = Braindrain.Run(tmp.Path, "validate", file);
        Assert.True(r.ExitCode == 2, r.All);
        // Placed at the lever (line 12 of the tiny scenario), whose costs are its to give.
        Assert.Matches(LocatedLine("nocost.yaml", @"levers\[0\]", "a gpu_import needs unit_cost_krw \\(the purchase, charged in the arrival month\\); write 0 for a cost the home budget does not bear"), r.Stderr);
        // Written as 0, it is a cost of 0: the scenario is valid.
        var zero = tmp.Write("zero.yaml", TinyScenario.Yaml.Replace("unit_cost_krw: 146000000", "unit_cost_krw: 0"));
        Assert.True(Braindrain.Run(tmp.Path, "validate", zero).ExitCode == 0);
    }

    [Fact]
    public void Percent_is_refused_with_the_name_of_the_key_that_replaced_it()
    {
        using var tmp = new TempFolder();
        var file = tmp.Write("topup.yaml", "name: topup\nmonths: 12\nagent_scale: 100\nlevers:\n  - type: salary_topup\n    at: 2025-06\n    percent: 5\n");
        var r = Braindrain.Run(tmp.Path, "validate", file);
        Assert.True(r.ExitCode == 2, r.All);
        Assert.Contains($"{file}:7:5: levers[0].percent: 'percent' is now 'fraction': the same top-up as a fraction of pay, 0.05 for 5%", r.Stderr);
        AssertNothingWritten(tmp.Path);
    }

    [Fact]
    public void A_sweep_value_that_breaks_a_rule_is_refused_where_the_value_is_written()
    {
        using var tmp = new TempFolder();
        var file = tmp.Write("topup.yaml", "name: topup\nmonths: 12\nagent_scale: 100\nlevers:\n  - type: salary_topup\n    at: 2025-06\n    fraction: 0.2\n");
        var r = Braindrain.Run(tmp.Path, "sweep", file, "--set", "levers[0].fraction=0,0.5", "--runs", "2");
        Assert.True(r.ExitCode == 2, r.All);
        Assert.Contains($"{file}:5:5: levers[0]: a salary_topup needs amount_krw_per_year or fraction above 0; it gives neither (with --set levers[0].fraction=0)", r.Stderr);
        AssertNothingWritten(tmp.Path);
    }

    [Fact]
    public void An_implausible_value_runs_with_a_warning_on_stderr_and_in_the_manifest()
    {
        using var tmp = new TempFolder();
        var file = tmp.Write("topup.yaml", "name: topup\nmonths: 12\nagent_scale: 100\nlevers:\n  - type: salary_topup\n    at: 2025-06\n    fraction: 5\n");
        var r = Braindrain.Run(tmp.Path, "run", file, "--runs", "2", "--out", "dir");
        Assert.True(r.ExitCode == 0, r.All);
        string expected = $"{file}:7:15: levers[0].fraction: 5 is above the plausible maximum 1 fraction of pay";
        Assert.Contains("warning: " + expected, r.Stderr);
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(tmp.Path, "dir", "manifest.json")));
        var warning = Assert.Single(manifest.RootElement.GetProperty("warnings").EnumerateArray());
        Assert.StartsWith(expected, warning.GetString());
    }

    [Fact]
    public void An_education_cut_is_refused_with_the_reason()
    {
        using var tmp = new TempFolder();
        var file = tmp.Write("edu.yaml", "name: edu\nmonths: 12\nagent_scale: 100\nlevers:\n  - {type: education, at: 2025-06, graduates_multiplier: 0.7, cost_krw_per_extra_graduate: 6e7}\n");
        var r = Braindrain.Run(tmp.Path, "validate", file);
        Assert.True(r.ExitCode == 2, r.All);
        Assert.Contains("levers[0].graduates_multiplier: 0.7 is below the minimum 1", r.Stderr);
        Assert.Contains("for fewer graduates without a policy cost lower careers.annual_graduates", r.Stderr);
    }

    /// <summary>file:line:column: key: message, as printed for an error placed in <paramref name="file"/>.</summary>
    private static Regex LocatedLine(string file, string keyPattern, string messagePattern) =>
        new($@"(^|\n)[^\n]*/{Regex.Escape(file)}:\d+:\d+: {keyPattern}: [^\n]*{messagePattern}");

    private static void AssertNothingWritten(string folder)
    {
        var results = Path.Combine(folder, "results");
        Assert.False(Directory.Exists(results) && Directory.EnumerateFileSystemEntries(results).Any(), "something was written under results/");
    }
}
