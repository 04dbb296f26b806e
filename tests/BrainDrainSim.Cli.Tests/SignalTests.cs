using System.Diagnostics;
using Xunit.Abstractions;

namespace BrainDrainSim.Cli.Tests;

/// <summary>
/// Real signals to a real `braindrain run`: Ctrl-C (SIGINT) and SIGTERM stop it promptly with nothing written,
/// SIGKILL leaves at most a temporary folder that the next run removes, and results folders are replaced only
/// whole. Times are printed, never asserted beyond a hang guard: the machine is shared.
/// </summary>
public class SignalTests(ITestOutputHelper output)
{
    private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan StartGuard = TimeSpan.FromMinutes(2);

    /// <summary>The national baseline: about 0.1 s a replication, so thousands of runs outlast any test.</summary>
    private static string Baseline => Path.Combine(Braindrain.RepoRoot, "scenarios", "baseline.yaml");

    private static string[] Leftovers(string folder, string name) =>
        Directory.GetDirectories(folder, $".{name}.*").Select(d => Path.GetFileName(d)!).ToArray();

    [Theory]
    [InlineData("INT", 130)]
    [InlineData("TERM", 143)]
    public void A_signal_stops_a_run_promptly_and_nothing_is_written(string signal, int exitCode)
    {
        using var tmp = new TempFolder();
        using var run = Braindrain.Start(tmp.Path, "run", Baseline, "--runs", "5000", "--threads", "2", "--out", "res");
        // Working: the staging folder exists and a progress line has come (the first after a second).
        run.WaitUntil(() => Leftovers(tmp.Path, "res").Length == 1, "staging folder", StartGuard);
        run.WaitUntil(() => run.Stdout.Contains(" runs (", StringComparison.Ordinal), "progress line", StartGuard);

        var clock = Stopwatch.StartNew();
        run.Signal(signal);
        var r = run.WaitForExit(HangGuard);
        output.WriteLine($"SIG{signal}: exit {r.ExitCode} {clock.Elapsed.TotalMilliseconds:F0} ms after the signal");

        Assert.True(r.ExitCode == exitCode, $"exit {r.ExitCode}, expected {exitCode}:\n{r.All}");
        Assert.Equal(["interrupted: nothing was written"], r.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')));
        Assert.Contains("estimated time:", r.Stdout); // 5,000 national runs take minutes: the estimate is shown first
        Assert.False(Directory.Exists(Path.Combine(tmp.Path, "res")), "a results folder was written");
        Assert.Empty(Leftovers(tmp.Path, "res"));
        Assert.Empty(Directory.GetFileSystemEntries(tmp.Path));
        Assert.True(clock.Elapsed < HangGuard);
    }

    [Fact]
    public void After_sigkill_the_next_run_removes_the_temporary_folder_and_succeeds()
    {
        using var tmp = new TempFolder();
        var tiny = tmp.Write("tiny.yaml", TinyScenario.Yaml);
        using (var run = Braindrain.Start(tmp.Path, "run", Baseline, "--runs", "5000", "--threads", "2", "--out", "res"))
        {
            run.WaitUntil(() => Leftovers(tmp.Path, "res").Length == 1, "staging folder", StartGuard);
            run.WaitUntil(() => run.Stdout.Contains(" runs (", StringComparison.Ordinal), "progress line", StartGuard);
            run.Signal("KILL");
            var killed = run.WaitForExit(HangGuard);
            Assert.Equal(137, killed.ExitCode);
        }
        // Killed outright: no results folder, only the recognisable staging folder.
        Assert.False(Directory.Exists(Path.Combine(tmp.Path, "res")));
        var stale = Assert.Single(Leftovers(tmp.Path, "res"));
        Assert.Matches(@"^\.res\.tmp-[0-9]+-[0-9a-f]{32}$", stale);

        var again = Braindrain.Run(tmp.Path, "run", tiny, "--runs", "2", "--out", "res");
        Assert.True(again.ExitCode == 0, again.All);
        Assert.True(File.Exists(Path.Combine(tmp.Path, "res", "manifest.json")));
        Assert.Empty(Leftovers(tmp.Path, "res"));
        Assert.Contains($"removed {stale}", again.Stderr);
    }

    [Fact]
    public void A_live_runs_temporary_folder_is_never_touched_and_a_dead_ones_is_removed()
    {
        using var tmp = new TempFolder();
        var tiny = tmp.Write("tiny.yaml", TinyScenario.Yaml);
        // This test process is alive and started before the folder: it stands for another run in progress.
        var live = Path.Combine(tmp.Path, $".res.tmp-{Environment.ProcessId}-{Guid.NewGuid():N}");
        var dead = Path.Combine(tmp.Path, $".res.tmp-99999999-{Guid.NewGuid():N}"); // above any pid_max
        var other = Path.Combine(tmp.Path, $".other.tmp-99999999-{Guid.NewGuid():N}"); // another target's
        foreach (var d in new[] { live, dead, other })
        {
            Directory.CreateDirectory(d);
            File.WriteAllText(Path.Combine(d, "summary.csv"), "partial");
        }
        var r = Braindrain.Run(tmp.Path, "run", tiny, "--runs", "2", "--out", "res");
        Assert.True(r.ExitCode == 0, r.All);
        Assert.True(File.Exists(Path.Combine(live, "summary.csv")), "a live run's folder was touched");
        Assert.False(Directory.Exists(dead), "a dead run's folder was left");
        Assert.True(Directory.Exists(other), "another target's folder was touched");
    }

    [Fact]
    public void Old_results_moved_aside_by_an_interrupted_replacement_are_put_back()
    {
        // A replacement without an atomic exchange moves the old folder aside before moving the new one in;
        // killed in between, it leaves no target but the old folder aside. The next run puts it back and,
        // without --force, keeps it.
        using var tmp = new TempFolder();
        var tiny = tmp.Write("tiny.yaml", TinyScenario.Yaml);
        var aside = Path.Combine(tmp.Path, $".keep.old-99999999-{Guid.NewGuid():N}");
        Directory.CreateDirectory(aside);
        File.WriteAllText(Path.Combine(aside, "mine.txt"), "precious");
        var r = Braindrain.Run(tmp.Path, "run", tiny, "--runs", "2", "--out", "keep");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("put back", r.Stderr);
        Assert.Contains("--force", r.Stderr);
        Assert.Equal("precious", File.ReadAllText(Path.Combine(tmp.Path, "keep", "mine.txt")));
        Assert.Empty(Leftovers(tmp.Path, "keep"));
    }

    [Fact]
    public void Force_replaces_a_folder_whole_in_every_verb_and_leaves_nothing_beside_it()
    {
        using var tmp = new TempFolder();
        var tiny = tmp.Write("tiny.yaml", TinyScenario.Yaml);
        var other = tmp.Write("other.yaml", TinyScenario.Yaml.Replace("name: tiny", "name: other"));
        string[][] verbs =
        [
            ["run", tiny, "--runs", "2"],
            ["compare", tiny, other, "--runs", "2"],
            ["sweep", tiny, "--set", "levers[0].count=0,200", "--runs", "2"],
        ];
        foreach (var verb in verbs)
        {
            var keep = Path.Combine(tmp.Path, "keep");
            Directory.CreateDirectory(keep);
            File.WriteAllText(Path.Combine(keep, "mine.txt"), "precious");

            string[] plain = [.. verb, "--out", "keep"], force = [.. plain, "--force"];
            var refused = Braindrain.Run(tmp.Path, plain);
            Assert.True(refused.ExitCode == 2, $"{verb[0]}: {refused.All}");
            Assert.Contains("--force", refused.Stderr);
            Assert.Equal("precious", File.ReadAllText(Path.Combine(keep, "mine.txt")));

            var forced = Braindrain.Run(tmp.Path, force);
            Assert.True(forced.ExitCode == 0, $"{verb[0]}: {forced.All}");
            Assert.False(File.Exists(Path.Combine(keep, "mine.txt")), $"{verb[0]} kept the old folder's file");
            Assert.True(File.Exists(Path.Combine(keep, "manifest.json")), $"{verb[0]} wrote no manifest");
            Assert.Empty(Leftovers(tmp.Path, "keep"));
            Directory.Delete(keep, recursive: true);
        }
    }
}
