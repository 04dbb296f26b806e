using System.Text.RegularExpressions;

namespace BrainDrainSim.Cli.Tests;

/// <summary>
/// Issue 9, item 6: a full disk, a read-only or unwritable folder, a disk error while the results are written is
/// said plainly (what happened, which file, what to do), with exit code 74, no stack trace, the temporary folder
/// deleted and an existing results folder untouched, also with --force. Played at each kind of file of each verb
/// by the test-only fault injector (<see cref="FaultHook"/>) in a real `braindrain` process; the same failures on
/// a real file system are in <see cref="DiskFailureTests"/>.
/// </summary>
public sealed partial class WriteFailureTests
{
    private const string Full = "the disk is full (No space left on device); free some space, or write elsewhere with --out.";

    public static TheoryData<string, string, bool, string> Faults => new()
    {
        // verb, fault (errno@file[+bytes written before it]), whether --force replaces an existing folder, what the message says
        { "run", "ENOSPC@summary.csv", true, Full },
        { "run", "ENOSPC@runs.csv+700", false, Full },
        { "run", "ENOSPC@researchers_home.png+4096", true, Full },
        { "run", "ENOSPC@manifest.json", false, Full },
        { "run", "EDQUOT@annual.csv", true, "your disk quota is used up (Disk quota exceeded); free some space within your quota, or write elsewhere with --out." },
        { "run", "EROFS@flows.png", false, "the disk is read-only (Read-only file system); write elsewhere with --out, or remount the disk read-write." },
        { "run", "EACCES@summary.csv", true, "permission to write was denied (Permission denied); write elsewhere with --out, or get permission to write in {0}." },
        { "run", "EPERM@top_talent_home.png", false, "the operation was not permitted (Operation not permitted); write elsewhere with --out, or get permission to write in {0}." },
        { "run", "EIO@manifest.json+100", true, "the disk reported an error (Input/output error); check the disk (the system log says more: dmesg or journalctl -k), then run again or write elsewhere with --out." },
        { "run", "EMFILE@compute_per_home_researcher.png", false, "the process may open no more files (Too many open files); raise the limit on open files (ulimit -n) and run again." },
        { "compare", "ENOSPC@comparison.csv+10", true, Full },
        { "compare", "EIO@compare_final_effects.png", false, "the disk reported an error (Input/output error); check the disk (the system log says more: dmesg or journalctl -k), then run again or write elsewhere with --out." },
        { "compare", "ENOSPC@report.md", true, Full },
        { "compare", "EROFS@manifest.json", false, "the disk is read-only (Read-only file system); write elsewhere with --out, or remount the disk read-write." },
        { "sweep", "ENOSPC@sweep.csv", true, Full },
        { "sweep", "ENOSPC@sweep_response.png+1", false, Full },
        { "sweep", "EACCES@manifest.json", true, "permission to write was denied (Permission denied); write elsewhere with --out, or get permission to write in {0}." },
    };

    [Theory]
    [MemberData(nameof(Faults))]
    public void A_write_failure_exits_74_says_what_to_do_and_leaves_the_old_results(string verb, string fault, bool existing, string says)
    {
        using var tmp = new TempFolder();
        string file = fault[(fault.IndexOf('@') + 1)..].Split('+')[0];
        var keep = Path.Combine(tmp.Path, "keep");
        if (existing)
        {
            Directory.CreateDirectory(keep);
            File.WriteAllText(Path.Combine(keep, "mine.txt"), "precious");
        }
        string[] args = [.. Verb(tmp, verb), "--out", "keep", .. existing ? new[] { "--force" } : []];
        var r = Braindrain.Run(tmp.Path, FaultHook.Fault(fault), args);
        string context = $"{verb} {fault} (existing folder: {existing}):\n{r.All}";

        Assert.True(r.ExitCode == 74, $"exit {r.ExitCode}, expected 74: {context}");
        string outcome = existing ? $"Nothing was written; {keep} is as it was." : "Nothing was written.";
        Assert.Equal($"error: cannot write {file} in {keep}: {string.Format(says, tmp.Path)} {outcome}", Assert.Single(Lines(r.Stderr)));
        Assert.DoesNotContain("   at ", r.All);
        Assert.DoesNotMatch(ExceptionName(), r.All);
        Assert.Empty(Leftovers(tmp.Path));
        if (existing) Assert.Equal(["mine.txt"], Directory.GetFileSystemEntries(keep).Select(Path.GetFileName));
        else Assert.False(Directory.Exists(keep), context);
    }

    [Fact]
    public void Any_other_failure_while_writing_stays_an_internal_error_and_leaves_nothing()
    {
        // Only the file system's refusals are exit 74; a bug must still be reported as one.
        using var tmp = new TempFolder();
        var r = Braindrain.Run(tmp.Path, FaultHook.Fault("BUG@annual.csv"), [.. Verb(tmp, "run"), "--out", "res"]);
        Assert.True(r.ExitCode == 1, r.All);
        Assert.StartsWith("internal error: InvalidOperationException: an injected bug while writing", r.Stderr);
        Assert.Contains("This is a bug in braindrain", r.Stderr);
        Assert.False(Directory.Exists(Path.Combine(tmp.Path, "res")));
        Assert.Empty(Leftovers(tmp.Path));
    }

    [Fact]
    public void BRAINDRAIN_DEBUG_adds_the_systems_exception_after_the_message()
    {
        using var tmp = new TempFolder();
        var env = FaultHook.Fault("ENOSPC@runs.csv");
        env["BRAINDRAIN_DEBUG"] = "1";
        var r = Braindrain.Run(tmp.Path, env, [.. Verb(tmp, "run"), "--out", "res"]);
        Assert.True(r.ExitCode == 74, r.All);
        var lines = Lines(r.Stderr);
        Assert.StartsWith($"error: cannot write runs.csv in {Path.Combine(tmp.Path, "res")}: the disk is full", lines[0]);
        Assert.StartsWith("BrainDrainSim.Reporting.OutputFileException: cannot write ", lines[1]);
        Assert.Contains(lines, l => l.Contains("System.IO.IOException: No space left on device", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.TrimStart().StartsWith("at ", StringComparison.Ordinal));
        Assert.Empty(Leftovers(tmp.Path));
    }

    /// <summary>The verb's command line on the tiny scenario (and, for compare, a policy beside it), two runs.</summary>
    private static string[] Verb(TempFolder tmp, string verb)
    {
        var tiny = tmp.Write("tiny.yaml", TinyScenario.Yaml);
        return verb switch
        {
            "run" => ["run", tiny, "--runs", "2"],
            "compare" => ["compare", tmp.Write("base.yaml", TinyScenario.WithoutLever), tiny, "--runs", "2"],
            "sweep" => ["sweep", tiny, "--set", "levers[0].count=0,200", "--runs", "2"],
            _ => throw new ArgumentException(verb),
        };
    }

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToArray();

    /// <summary>Temporary folders (<c>.NAME.tmp-...</c>, <c>.NAME.old-...</c>) left in the folder.</summary>
    private static string[] Leftovers(string folder) => Directory.GetDirectories(folder, ".*").Select(d => Path.GetFileName(d)!).ToArray();

    [GeneratedRegex(@"\b[A-Z][A-Za-z]*Exception\b")]
    private static partial Regex ExceptionName();
}
