using System.Diagnostics;
using System.Runtime.Versioning;
using System.Text.RegularExpressions;
using Xunit.Abstractions;

namespace BrainDrainSim.Cli.Tests;

/// <summary>
/// Issue 9, item 6, on a real file system: a real `braindrain` writing to a small tmpfs that is full, read-only
/// from the start, or remounted read-only mid-run (at a point fixed by the fault injector's pause, so the test does
/// not race the run), and to a folder its user may not write. Each exits 74 with a plain message, leaves no
/// results folder and an existing one as it was. The tmpfs tests are skipped with the reason where mounting is
/// not allowed (not root, or a container that forbids mount); the disk is unmounted whatever happens.
/// </summary>
public sealed class DiskFailureTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Guard = TimeSpan.FromMinutes(2);

    [MountFact]
    public void A_full_disk_makes_a_real_run_exit_74_and_gives_back_the_space()
    {
        using var tmp = new TempFolder();
        var tiny = tmp.Write("tiny.yaml", TinyScenario.Yaml);
        using var disk = Tmpfs.Mount(1024 * 1024);
        var keep = Path.Combine(disk.Path, "keep");
        Directory.CreateDirectory(keep);
        File.WriteAllText(Path.Combine(keep, "mine.txt"), "precious");
        // Room for the CSVs of the tiny run (about 60 kB) but not for its charts (about 340 kB).
        disk.Fill(leave: 64 * 1024);
        long free = disk.FreeBytes;

        foreach (var (target, force) in new[] { (Path.Combine(disk.Path, "res"), false), (keep, true) })
        {
            string[] args = ["run", tiny, "--runs", "2", "--out", target, .. force ? new[] { "--force" } : []];
            var clock = Stopwatch.StartNew();
            var r = Braindrain.Run(tmp.Path, args);
            output.WriteLine($"{(force ? "--force over an existing folder" : "a new folder")}: exit {r.ExitCode} after {clock.Elapsed.TotalSeconds:F1} s, "
                + $"{free} bytes free before and {disk.FreeBytes} after: {r.Stderr.Trim()}");

            Assert.True(r.ExitCode == 74, r.All);
            string outcome = force ? $"Nothing was written; {target} is as it was." : "Nothing was written.";
            Assert.Matches($@"^error: cannot write [a-z_]+\.(csv|png|json) in {Regex.Escape(target)}: the disk is full \(No space left on device\); "
                + $@"free some space, or write elsewhere with --out\. {Regex.Escape(outcome)}\n$", r.Stderr);
            Assert.Equal(["fill", "keep"], Directory.GetFileSystemEntries(disk.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal));
            Assert.Equal("precious", File.ReadAllText(Path.Combine(keep, "mine.txt")));
            Assert.Single(Directory.GetFileSystemEntries(keep));
            Assert.Equal(free, disk.FreeBytes); // the unfinished files are gone, and their space with them
        }
    }

    [MountFact]
    public void A_read_only_disk_refuses_the_output_folder_before_anything_runs()
    {
        using var tmp = new TempFolder();
        var tiny = tmp.Write("tiny.yaml", TinyScenario.Yaml);
        using var disk = Tmpfs.Mount(1024 * 1024);
        disk.ReadOnly();
        var target = Path.Combine(disk.Path, "res");
        var r = Braindrain.Run(tmp.Path, "run", tiny, "--runs", "2", "--out", target);
        output.WriteLine($"exit {r.ExitCode}: {r.Stderr.Trim()}");

        Assert.True(r.ExitCode == 74, r.All);
        Assert.Equal($"error: cannot create the output folder {target}: the disk is read-only (Read-only file system); "
            + "write elsewhere with --out, or remount the disk read-write. Nothing was run or written.\n", r.Stderr);
        Assert.Empty(r.Stdout); // nothing ran
        Assert.Empty(Directory.GetFileSystemEntries(disk.Path));
    }

    [MountFact]
    public void A_disk_turned_read_only_while_writing_exits_74_and_the_next_run_removes_what_it_left()
    {
        using var tmp = new TempFolder();
        var tiny = tmp.Write("tiny.yaml", TinyScenario.Yaml);
        var markers = Directory.CreateDirectory(Path.Combine(tmp.Path, "markers")).FullName;
        using var disk = Tmpfs.Mount(1024 * 1024);
        var target = Path.Combine(disk.Path, "res");

        Braindrain.Result r;
        using (var run = Braindrain.Start(tmp.Path, FaultHook.Pause("before:summary.csv", markers), "run", tiny, "--runs", "2", "--out", target))
        {
            run.WaitUntil(() => File.Exists(Path.Combine(markers, "paused")), "the pause before summary.csv", Guard);
            disk.ReadOnly();
            File.WriteAllText(Path.Combine(markers, "go"), "");
            r = run.WaitForExit(Guard);
        }
        output.WriteLine($"exit {r.ExitCode}: {r.Stderr.Trim()}");

        Assert.True(r.ExitCode == 74, r.All);
        // A read-only disk refuses to delete the (empty) temporary folder too: the message names it.
        var left = Path.GetFileName(Assert.Single(Directory.GetDirectories(disk.Path)));
        Assert.Matches(@"^\.res\.tmp-[0-9]+-[0-9a-f]{32}$", left);
        Assert.Equal($"error: cannot write summary.csv in {target}: the disk is read-only (Read-only file system); "
            + $"write elsewhere with --out, or remount the disk read-write. Nothing was written; the unfinished folder {left} beside it "
            + "could not be deleted: delete it, or the next run for this folder will once the disk allows.\n", r.Stderr);

        disk.ReadWrite();
        var again = Braindrain.Run(tmp.Path, "run", tiny, "--runs", "2", "--out", target);
        Assert.True(again.ExitCode == 0, again.All);
        Assert.Contains($"note: removed {left}, left by an earlier run", again.Stderr);
        Assert.Equal(["res"], Directory.GetFileSystemEntries(disk.Path).Select(Path.GetFileName));
    }

    [MountFact]
    public void A_disk_turned_read_only_before_the_rename_exits_74_and_keeps_the_old_results()
    {
        using var tmp = new TempFolder();
        var tiny = tmp.Write("tiny.yaml", TinyScenario.Yaml);
        var markers = Directory.CreateDirectory(Path.Combine(tmp.Path, "markers")).FullName;
        using var disk = Tmpfs.Mount(2 * 1024 * 1024);
        var keep = Path.Combine(disk.Path, "keep");
        Directory.CreateDirectory(keep);
        File.WriteAllText(Path.Combine(keep, "mine.txt"), "precious");

        Braindrain.Result r;
        using (var run = Braindrain.Start(tmp.Path, FaultHook.Pause("after:manifest.json", markers), "run", tiny, "--runs", "2", "--out", keep, "--force"))
        {
            run.WaitUntil(() => File.Exists(Path.Combine(markers, "paused")), "the pause after manifest.json", Guard);
            disk.ReadOnly();
            File.WriteAllText(Path.Combine(markers, "go"), "");
            r = run.WaitForExit(Guard);
        }
        output.WriteLine($"exit {r.ExitCode}: {r.Stderr.Trim()}");

        Assert.True(r.ExitCode == 74, r.All);
        var left = Directory.GetDirectories(disk.Path, ".*").Select(d => Path.GetFileName(d)!).Single();
        Assert.Equal($"error: cannot move the results into {keep}: the disk is read-only (Read-only file system); "
            + $"write elsewhere with --out, or remount the disk read-write. {keep} is as it was; the finished results are in {left} beside it, "
            + "which could not be deleted: take them from there, or delete it (the next run for this folder will once the disk allows).\n", r.Stderr);
        Assert.True(File.Exists(Path.Combine(disk.Path, left, "manifest.json")), "the results left are not whole");
        Assert.Equal("precious", File.ReadAllText(Path.Combine(keep, "mine.txt")));
        Assert.Single(Directory.GetFileSystemEntries(keep));
    }

    [UnprivilegedFact]
    [SupportedOSPlatform("linux")] // the fact is skipped elsewhere (Unprivileged.WhyNot)
    public void A_folder_its_user_may_not_write_is_refused_before_anything_runs()
    {
        using var tmp = new TempFolder();
        var tiny = tmp.Write("tiny.yaml", TinyScenario.Yaml);
        var locked = Directory.CreateDirectory(Path.Combine(tmp.Path, "locked")).FullName;
        // Root's folder for the user nobody; for an unprivileged test user, its own folder made read-only.
        if (!Environment.IsPrivilegedProcess) File.SetUnixFileMode(locked, UnixFileMode.UserRead | UnixFileMode.UserExecute);
        try
        {
            var target = Path.Combine(locked, "res");
            var r = Braindrain.RunVia(Unprivileged.Launcher, tmp.Path, null, [], "run", tiny, "--runs", "2", "--out", target);
            output.WriteLine($"exit {r.ExitCode}: {r.Stderr.Trim()}");

            Assert.True(r.ExitCode == 74, r.All);
            Assert.Equal($"error: cannot create the output folder {target}: permission to write was denied (Permission denied); "
                + $"write elsewhere with --out, or get permission to write in {locked}. Nothing was run or written.\n", r.Stderr);
            Assert.Empty(r.Stdout);
            Assert.Empty(Directory.GetFileSystemEntries(locked));
        }
        finally
        {
            File.SetUnixFileMode(locked, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }
}
