using System.Globalization;
using Xunit.Abstractions;

namespace BrainDrainSim.Cli.Tests;

/// <summary>
/// `braindrain calibrate` end to end on a small history (two fitted coefficients, a count kept at its prior, three
/// targets): outputs, thread independence, refused target files, and a real interruption resumed to the same bytes.
/// </summary>
public class CalibrateCommandTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Guard = TimeSpan.FromMinutes(5);

    /// <summary>About 600 agents over three years: a simulation takes milliseconds.</summary>
    private const string Scenario = """
        name: small-history
        description: A small history for the calibration tests (assumption-only figures).
        start: 2015-01
        months: 36
        agent_scale: 5
        population: {at_home: 2500, abroad_us: 300, abroad_other: 200}
        careers: {annual_graduates: 150}
        coefficients: {lambda_out: 0.02}
        uncertainty:
          coefficients.b0: {dist: uniform, min: -3, max: 1}
          coefficients.lambda_back: {dist: uniform, min: 0.002, max: 0.05}
          population.abroad_other: {dist: uniform, min: 100, max: 300}

        """;

    private const string Targets = """
        name: small
        description: Made-up observations for the tests.
        targets:
          - name: abroad_2017
            quantity: {metric: researchers_abroad, at: 2017-12}
            observed: 900
            sd: 60
            role: fit
            source: "[A] made up for the test"
          - name: emigrations_2016
            quantity: {metric: emigrations, sum: {from: 2016-01, to: 2016-12}}
            observed: 250
            sd: 40
            role: fit
            source: "[A] made up for the test"
          - name: home_2017
            quantity: {metric: researchers_home, at: 2017-12}
            bound: {min: 1000}
            sd: 100
            role: validate
            source: "[A] made up for the test"

        """;

    private static string[] Args(string outDir, int threads, params string[] more) =>
    [
        "calibrate", "history.yaml", "--targets", "targets.yaml", "--particles", "60", "--budget", "3000", "--generations", "6",
        "--keep-prior", "population.abroad_other", "--predictive", "40", "--seed", "9", "--threads", threads.ToString(CultureInfo.InvariantCulture), "--out", outDir, .. more,
    ];

    private static TempFolder Setup(int agentScale = 5)
    {
        var tmp = new TempFolder();
        tmp.Write("history.yaml", Scenario.Replace("agent_scale: 5", $"agent_scale: {agentScale}", StringComparison.Ordinal));
        tmp.Write("targets.yaml", Targets);
        return tmp;
    }

    private static void AssertSameFiles(string d1, string d2)
    {
        var files = Directory.GetFiles(d1).Select(f => Path.GetFileName(f)!).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(files, Directory.GetFiles(d2).Select(f => Path.GetFileName(f)!).Order(StringComparer.Ordinal));
        foreach (var f in files.Where(f => f != "manifest.json"))
            Assert.True(File.ReadAllBytes(Path.Combine(d1, f)).SequenceEqual(File.ReadAllBytes(Path.Combine(d2, f))), $"{f} differs");
    }

    [Fact]
    public void A_calibration_writes_its_posterior_and_report_with_the_same_bytes_on_one_and_two_threads()
    {
        using var tmp = Setup();
        var one = Braindrain.Run(tmp.Path, Args("c1", 1));
        Assert.True(one.ExitCode == 0, one.All);
        var two = Braindrain.Run(tmp.Path, Args("c2", 2));
        Assert.True(two.ExitCode == 0, two.All);
        output.WriteLine(one.All);
        AssertSameFiles(tmp.PathOf("c1"), tmp.PathOf("c2"));

        string dir = tmp.PathOf("c1");
        foreach (var f in new[] { "posterior.csv", "generations.csv", "predictive.csv", "report.md", "manifest.json" })
            Assert.True(File.Exists(Path.Combine(dir, f)), $"{f} is missing");
        var posterior = Table.Read(Path.Combine(dir, "posterior.csv"));
        Assert.Equal(60, posterior.Count);
        Assert.Equal(1.0, posterior.Sum(r => Table.Number(r["weight"])), 9);
        Assert.Contains("coefficients.b0", posterior[0].Keys);
        Assert.Contains("coefficients.lambda_back", posterior[0].Keys);
        // Kept at its prior: drawn in every simulation, never a column of theta.
        Assert.DoesNotContain("population.abroad_other", posterior[0].Keys);
        var report = File.ReadAllText(Path.Combine(dir, "report.md"));
        Assert.Contains("population.abroad_other", report, StringComparison.Ordinal);
        Assert.Contains("abroad_2017", report, StringComparison.Ordinal);
        // The manifest says how the last generation accepted runs (--acceptance, error by default).
        Assert.Contains("\"final_acceptance\": \"observation_error\"", File.ReadAllText(Path.Combine(dir, "manifest.json")), StringComparison.Ordinal);
        // No checkpoint is left once the results are in place.
        Assert.False(File.Exists(Path.Combine(tmp.Path, "c1.checkpoint.json")));
        Assert.Contains("generation 0:", one.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("metric: researchers_abrod", "did you mean 'researchers_abroad'")]
    [InlineData("metric: visa.selection_rate", "input")]
    [InlineData("at: 2019-12", "outside")]
    [InlineData("sd: 60\n", "sd")]
    public void A_bad_targets_file_exits_2_with_a_located_message_and_writes_nothing(string mistake, string fragment)
    {
        using var tmp = Setup();
        string broken = mistake switch
        {
            "sd: 60\n" => Targets.Replace("    sd: 60\n", "", StringComparison.Ordinal),
            "metric: researchers_abrod" => Targets.Replace("metric: researchers_abroad,", "metric: researchers_abrod,", StringComparison.Ordinal),
            "metric: visa.selection_rate" => Targets.Replace("metric: researchers_abroad,", "metric: visa.selection_rate,", StringComparison.Ordinal),
            _ => Targets.Replace("at: 2017-12}\n    observed: 900", "at: 2019-12}\n    observed: 900", StringComparison.Ordinal),
        };
        Assert.NotEqual(Targets, broken);
        tmp.Write("targets.yaml", broken);
        var r = Braindrain.Run(tmp.Path, Args("c", 1));
        Assert.True(r.ExitCode == 2, r.All);
        Assert.Matches(@"targets\.yaml:\d+:\d+: ", r.Stderr);
        Assert.Contains(fragment, r.Stderr, StringComparison.Ordinal);
        Assert.Contains("nothing was run or written", r.Stderr, StringComparison.Ordinal);
        Assert.Equal(["history.yaml", "targets.yaml"], Directory.GetFileSystemEntries(tmp.Path).Select(f => Path.GetFileName(f)!).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_path_to_keep_that_is_not_uncertain_exits_2()
    {
        using var tmp = Setup();
        var r = Braindrain.Run(tmp.Path, Args("c", 1, "--keep-prior", "coefficients.b_gpu"));
        Assert.True(r.ExitCode == 2, r.All);
        Assert.Contains("'coefficients.b_gpu' is not in the uncertainty block", r.Stderr, StringComparison.Ordinal);
        Assert.Equal(2, Directory.GetFileSystemEntries(tmp.Path).Length);
    }

    [Fact]
    public void The_posterior_drives_a_calibrated_scenario_which_cannot_be_calibrated_or_screened_again()
    {
        using var tmp = Setup();
        var c = Braindrain.Run(tmp.Path, Args("c", 2));
        Assert.True(c.ExitCode == 0, c.All);
        // calibrate wrote it: the scenario, extended to draw the posterior's rows.
        Assert.Contains("extends: \"../history.yaml\"", File.ReadAllText(Path.Combine(tmp.PathOf("c"), "calibrated.yaml")), StringComparison.Ordinal);
        var v = Braindrain.Run(tmp.Path, "validate", Path.Combine("c", "calibrated.yaml"));
        Assert.True(v.ExitCode == 0, v.All);
        Assert.Contains("a posterior of 60 rows over 2 quantities", v.Stdout, StringComparison.Ordinal);
        var run = Braindrain.Run(tmp.Path, "run", Path.Combine("c", "calibrated.yaml"), "--runs", "20", "--out", "r");
        Assert.True(run.ExitCode == 0, run.All);
        var runs = Table.Read(Path.Combine(tmp.PathOf("r"), "runs.csv"));
        var posterior = Table.Read(Path.Combine(tmp.PathOf("c"), "posterior.csv"));
        // Each replication drew one whole row: its values are that row's, b0 and lambda_back together.
        foreach (var r in runs)
        {
            var row = posterior[int.Parse(r["posterior.row"], CultureInfo.InvariantCulture)];
            Assert.Equal(row["coefficients.b0"], r["coefficients.b0"]);
            Assert.Equal(row["coefficients.lambda_back"], r["coefficients.lambda_back"]);
            Assert.True(Table.Number(row["weight"]) > 0);
        }
        var again = Braindrain.Run(tmp.Path, "calibrate", Path.Combine("c", "calibrated.yaml"), "--targets", "targets.yaml", "--out", "c2");
        Assert.True(again.ExitCode == 2, again.All);
        Assert.Contains("already draws its inputs from a posterior", again.Stderr, StringComparison.Ordinal);
        var screen = Braindrain.Run(tmp.Path, "sensitivity", Path.Combine("c", "calibrated.yaml"), "--n", "8", "--out", "s");
        Assert.True(screen.ExitCode == 2, screen.All);
        Assert.Contains("draws its inputs from a posterior", screen.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void An_interrupted_calibration_resumes_from_its_checkpoint_to_the_same_bytes()
    {
        // One agent per person: each generation takes long enough that the signal comes while the run is at work.
        using var tmp = Setup(agentScale: 1);
        var whole = Braindrain.Run(tmp.Path, Args("whole", 2));
        Assert.True(whole.ExitCode == 0, whole.All);

        using (var run = Braindrain.Start(tmp.Path, Args("resumed", 2)))
        {
            run.WaitUntil(() => run.Stderr.Contains("generation 1:", StringComparison.Ordinal), "generation 1", Guard);
            run.Signal("INT");
            var stopped = run.WaitForExit(Guard);
            output.WriteLine(stopped.All);
            Assert.True(stopped.ExitCode == 130, stopped.All);
        }
        Assert.False(Directory.Exists(tmp.PathOf("resumed")), "an interrupted calibration wrote its results folder");
        Assert.True(File.Exists(tmp.PathOf("resumed.checkpoint.json")), "no checkpoint was left to resume from");

        // Another calibration does not take this checkpoint over.
        var other = Braindrain.Run(tmp.Path, [.. Args("resumed", 2).Select(a => a == "60" ? "61" : a)]);
        Assert.True(other.ExitCode == 2, other.All);
        Assert.Contains("is the checkpoint of another calibration", other.Stderr, StringComparison.Ordinal);

        var resumed = Braindrain.Run(tmp.Path, Args("resumed", 2));
        Assert.True(resumed.ExitCode == 0, resumed.All);
        output.WriteLine(resumed.All);
        Assert.Contains("resuming from generation", resumed.Stdout, StringComparison.Ordinal);
        AssertSameFiles(tmp.PathOf("whole"), tmp.PathOf("resumed"));
    }
}
