using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using Xunit.Abstractions;

namespace BrainDrainSim.Cli.Tests;

/// <summary>
/// Issue 5, "any input gets a clear answer", through the real command: a sample of the broken inputs the
/// loader's fuzz test generates (tests/BrainDrainSim.Scenarios.Tests/Fuzz), each given to `braindrain validate`
/// and `braindrain run` as a child process. Each must exit 2 with plain messages (no stack trace, no exception
/// type) and create no output folder.
/// </summary>
public sealed partial class BrokenInputTests(ITestOutputHelper output)
{
    private const long HugeBytes = 300L * 1024 * 1024;

    [Fact]
    public void Broken_files_exit_2_with_plain_messages_and_write_nothing()
    {
        using var tmp = new TempFolder();
        var files = Sample(tmp.Path);
        Assert.InRange(files.Count, 20, 30);
        var before = Directory.GetFileSystemEntries(tmp.Path).Order(StringComparer.Ordinal).ToArray();
        var failures = new List<string>();
        var slowest = (Seconds: 0.0, Case: "");
        for (int i = 0; i < files.Count; i++)
        {
            var (what, file) = files[i];
            string outDir = $"out-{i}";
            foreach (var args in new[] { new[] { "validate", file }, ["run", file, "--out", outDir, "--runs", "2"] })
            {
                var clock = Stopwatch.StartNew();
                var r = Braindrain.Run(tmp.Path, args);
                if (clock.Elapsed.TotalSeconds > slowest.Seconds) slowest = (clock.Elapsed.TotalSeconds, $"{args[0]} {what}");
                string verb = $"{args[0]} ({what})";
                if (r.ExitCode != 2) failures.Add($"{verb}: exit code {r.ExitCode}\n{r.All}");
                if (r.All.Contains("   at ", StringComparison.Ordinal)) failures.Add($"{verb}: a stack trace\n{r.All}");
                if (ExceptionName().Match(r.All) is { Success: true } m) failures.Add($"{verb}: names the exception type {m.Value}\n{r.All}");
                if (r.All.Contains("internal error", StringComparison.Ordinal)) failures.Add($"{verb}: an internal error\n{r.All}");
                if (r.Stdout.Length > 0) failures.Add($"{verb}: wrote to stdout: {r.Stdout}");
                if (!r.Stderr.Contains("nothing was run or written", StringComparison.Ordinal)) failures.Add($"{verb}: no summary line\n{r.Stderr}");
                if (r.Stderr.Split('\n').Any(l => l.Length > 1500)) failures.Add($"{verb}: an error line of more than 1,500 characters");
            }
            if (Directory.Exists(Path.Combine(tmp.Path, outDir))) failures.Add($"run ({what}): created {outDir}");
        }
        var after = Directory.GetFileSystemEntries(tmp.Path).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(before, after); // no results/, no output folder, no temporary folder left behind

        string summary = $"broken inputs through the CLI: {files.Count} files x (validate, run) = {2 * files.Count} processes; slowest {slowest.Seconds:F2} s ({slowest.Case})";
        output.WriteLine(summary);
        Console.WriteLine(summary);
        Assert.True(failures.Count == 0, string.Join("\n\n", failures));
    }

    [Theory]
    [InlineData("--runs expects a whole number, not 'abc'.", "run", "tiny.yaml", "--runs", "abc")]
    [InlineData("--seed expects a whole number from 0 to 18446744073709551615, not '-1'.", "run", "tiny.yaml", "--seed", "-1")]
    [InlineData("--threads must be at least 1 (got 0).", "run", "tiny.yaml", "--threads", "0")]
    [InlineData("Unrecognized command or argument '--frobnicate'.", "run", "tiny.yaml", "--frobnicate")]
    [InlineData("--out needs the path of a folder, not an empty value.", "run", "tiny.yaml", "--out", "")]
    [InlineData("cannot create the output folder {0}/a-file/sub: ", "run", "tiny.yaml", "--out", "a-file/sub")]
    [InlineData("--out {0}/a-file is a file, not a folder.", "run", "tiny.yaml", "--out", "a-file")]
    [InlineData("{0}/results/tiny already exists; pass --force to replace it, or choose another --out.", "run", "tiny.yaml")]
    public void Command_line_mistakes_exit_2_with_a_plain_message(string message, params string[] args)
    {
        // Each once ended as exit 1 "internal error", or named a .NET type ('System.Int32').
        using var tmp = new TempFolder();
        tmp.Write("tiny.yaml", "name: tiny\nmonths: 2\nagent_scale: 1000\n");
        tmp.Write("a-file", "");
        Directory.CreateDirectory(Path.Combine(tmp.Path, "results", "tiny"));
        var r = Braindrain.Run(tmp.Path, args);
        Assert.True(r.ExitCode == 2, $"exit code {r.ExitCode}\n{r.All}");
        Assert.StartsWith("error: " + string.Format(message, tmp.Path), r.Stderr);
        Assert.DoesNotContain("System.", r.All);
        Assert.DoesNotMatch(ExceptionName(), r.All);
        Assert.False(Directory.Exists(Path.Combine(tmp.Path, "a-file", "sub")));
    }

    /// <summary>About 25 broken inputs, one of each kind the fuzz test covers, written into the folder.</summary>
    private static List<(string What, string File)> Sample(string folder)
    {
        var files = new List<(string, string)>();
        string Write(string name, string text)
        {
            string path = Path.Combine(folder, name);
            File.WriteAllText(path, text);
            return path;
        }
        void Add(string what, string name, string text) => files.Add((what, Write(name, text)));
        void AddBytes(string what, string name, byte[] bytes)
        {
            string path = Path.Combine(folder, name);
            File.WriteAllBytes(path, bytes);
            files.Add((what, path));
        }

        Add("misspelt key", "misspelt.yaml", TinyScenario.Misspelt);
        Add("key in the wrong section", "wrong-section.yaml", "name: x\nb_gpu: 0.5\n");
        Add("string for a number", "string-number.yaml", "months: ten\n");
        Add("list for a map, map for a scalar", "wrong-shapes.yaml", "population: [1, 2]\nmonths: {a: 1}\n");
        Add("NaN and infinity", "not-finite.yaml", "coefficients:\n  b_gpu: .nan\n  b_wage: .inf\nkrw_per_usd: 1e400\n");
        Add("negative and huge numbers", "out-of-range.yaml", "population:\n  at_home: -5\n  abroad_us: 1e308\nagent_scale: 0\n");
        Add("bad dates", "bad-dates.yaml", "start: 2025-13\nlevers:\n  - {type: visa_policy, at: 25-01, until: soon, fee_usd: 1}\n");
        Add("until before at", "until-before-at.yaml", "levers:\n  - {type: visa_policy, at: 2026-06, until: 2026-01, fee_usd: 100000}\n");
        Add("shares not summing to 1", "shares.yaml", "population:\n  home_stage_shares: {student: 0.5, early: 0.5, mid: 0.3, senior: 0.2}\n");
        Add("unknown lever type", "lever-type.yaml", "levers:\n  - {type: gpu_imprt, at: 2025-01}\n");
        Add("a distribution beyond its quantity's range", "uncertainty.yaml", "uncertainty:\n  visa.us_share: {dist: normal, mean: 0.5, sd: 0.3}\n  coefficients.b_gpu: {dist: gamma, shape: 1e300, rate: 1}\n");
        Add("a name that leaves results/", "name-path.yaml", "name: ../../escaped\nmonths: 2\n");
        Add("a NUL in the name", "name-nul.yaml", "name: \"a\\0b\"\nmonths: 2\n");
        Add("tabs for indentation", "tabs.yaml", "population:\n\tat_home: 5\n");
        Add("unclosed flow list", "unclosed.yaml", "months: [1, 2\nstart: 2025-01\n");
        Add("empty file", "empty.yaml", "");
        Add("deep nesting", "deep.yaml", "a: " + new string('[', 100_000) + "\n");
        Add("alias bomb", "bomb.yaml", Laughs());
        // YAML allows a plain key of up to 1,024 characters; the message must not echo it whole.
        Add("a key of 1,000 characters", "long-key.yaml", "population:\n  " + new string('q', 1000) + ": 1\n");
        AddBytes("random bytes", "random.yaml", RandomBytes(4096, seed: 5));
        AddBytes("EUC-KR text (not UTF-8)", "euc-kr.yaml", [.. "name: x\ndescription: "u8.ToArray(), 0xC7, 0xD1, 0xB1, 0xB9, (byte)'\n']);
        Add("extends cycle", "cycle-a.yaml", "extends: cycle-b.yaml\n");
        Write("cycle-b.yaml", "extends: cycle-a.yaml\n");
        Add("extends a missing file", "extends-missing.yaml", "extends: no-such-base.yaml\nmonths: 12\n");
        Directory.CreateDirectory(Path.Combine(folder, "a-folder"));
        Add("extends a folder", "extends-folder.yaml", "extends: a-folder\n");
        files.Add(("a folder given as the scenario", Path.Combine(folder, "a-folder")));
        files.Add(("a missing scenario file", Path.Combine(folder, "missing.yaml")));
        files.Add(("a file of 300 MB", Huge(Path.Combine(folder, "huge.yaml"))));
        return files;
    }

    private static string Laughs()
    {
        var sb = new StringBuilder("l0: &l0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (int i = 1; i < 10; i++) sb.Append($"l{i}: &l{i} [{string.Join(", ", Enumerable.Repeat($"*l{i - 1}", 10))}]\n");
        return sb.ToString();
    }

    private static byte[] RandomBytes(int n, int seed)
    {
        var bytes = new byte[n];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    /// <summary>300 MB: a valid first line, then one long comment.</summary>
    private static string Huge(string path)
    {
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20);
        stream.Write("name: huge\n# "u8);
        var block = new byte[1 << 20];
        Array.Fill(block, (byte)'x');
        for (long written = 0; written < HugeBytes; written += block.Length) stream.Write(block);
        return path;
    }

    /// <summary>A .NET exception type name (IOException, System.ArgumentException...).</summary>
    [GeneratedRegex(@"\b[A-Z][A-Za-z]*Exception\b")]
    private static partial Regex ExceptionName();
}
