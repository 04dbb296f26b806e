namespace BrainDrainSim.Cli.Tests;

public class RunCommandTests
{
    private static readonly string[] Charts =
        ["researchers_home.png", "flows.png", "compute_per_home_researcher.png", "top_talent_home.png"];

    [Fact]
    public void Run_writes_every_output_and_real_charts()
    {
        using var tmp = new TempFolder();
        var file = tmp.Write("tiny.yaml", TinyScenario.Yaml);
        var r = Braindrain.Run(tmp.Path, "run", file, "--runs", "6", "--seed", "5", "--threads", "2");
        Assert.True(r.ExitCode == 0, r.All);
        var outDir = Path.Combine(tmp.Path, "results", "tiny");
        foreach (var f in new[] { "summary.csv", "runs.csv", "annual.csv", "manifest.json" }.Concat(Charts))
            Assert.True(File.Exists(Path.Combine(outDir, f)), $"{f} missing; got {string.Join(", ", Directory.GetFiles(outDir).Select(Path.GetFileName))}");

        var summary = File.ReadAllLines(Path.Combine(outDir, "summary.csv"));
        Assert.StartsWith("metric,month,", summary[0]);
        Assert.Contains(summary, l => l.StartsWith("researchers_home,2025-01,", StringComparison.Ordinal));
        Assert.Contains(summary, l => l.StartsWith("researchers_home,2027-06,", StringComparison.Ordinal));
        Assert.DoesNotContain(summary, l => l.Contains("NaN") || l.Contains("Infinity"));

        var runs = File.ReadAllLines(Path.Combine(outDir, "runs.csv"));
        Assert.Equal(7, runs.Length); // header + 6 replications
        Assert.Contains("coefficients.b_gpu", runs[0]);

        var manifest = File.ReadAllText(Path.Combine(outDir, "manifest.json"));
        Assert.Contains("agent_steps_per_second", manifest);
        Assert.Contains("sha256:", manifest);

        foreach (var chart in Charts)
        {
            var bytes = File.ReadAllBytes(Path.Combine(outDir, chart));
            var (w, h) = PngSize(bytes);
            Assert.Equal((1000, 600), (w, h));
            Assert.True(bytes.Length > 20_000, $"{chart} is only {bytes.Length} bytes: not a real chart");
        }
        Assert.DoesNotContain(Directory.GetDirectories(Path.Combine(tmp.Path, "results")), d => Path.GetFileName(d).StartsWith('.'));
    }

    [Fact]
    public void Outputs_are_byte_identical_on_one_and_two_threads_and_without_avx512_or_any_simd()
    {
        using var tmp = new TempFolder();
        var file = tmp.Write("tiny.yaml", TinyScenario.Yaml);
        var one = Braindrain.Run(tmp.Path, "run", file, "--runs", "5", "--threads", "1", "--out", "one");
        var two = Braindrain.Run(tmp.Path, "run", file, "--runs", "5", "--threads", "2", "--out", "two");
        // .NET 10 reads DOTNET_EnableAVX512 (the older DOTNET_EnableAVX512F is ignored): 256-bit vectors only.
        var noAvx512 = Braindrain.Run(tmp.Path, new Dictionary<string, string> { ["DOTNET_EnableAVX512"] = "0" },
            "run", file, "--runs", "5", "--threads", "2", "--out", "noavx512");
        // No hardware intrinsics at all: every vector path falls back to the scalar code.
        var scalar = Braindrain.Run(tmp.Path, new Dictionary<string, string> { ["DOTNET_EnableHWIntrinsic"] = "0" },
            "run", file, "--runs", "5", "--threads", "2", "--out", "scalar");
        foreach (var r in new[] { one, two, noAvx512, scalar }) Assert.True(r.ExitCode == 0, r.All);
        foreach (var f in new[] { "summary.csv", "runs.csv", "annual.csv" })
        {
            var a = File.ReadAllBytes(Path.Combine(tmp.Path, "one", f));
            Assert.Equal(a, File.ReadAllBytes(Path.Combine(tmp.Path, "two", f)));
            Assert.Equal(a, File.ReadAllBytes(Path.Combine(tmp.Path, "noavx512", f)));
            Assert.Equal(a, File.ReadAllBytes(Path.Combine(tmp.Path, "scalar", f)));
        }
    }

    [Fact]
    public void A_different_seed_gives_different_results()
    {
        using var tmp = new TempFolder();
        var file = tmp.Write("tiny.yaml", TinyScenario.Yaml);
        Assert.Equal(0, Braindrain.Run(tmp.Path, "run", file, "--runs", "3", "--seed", "1", "--out", "a").ExitCode);
        Assert.Equal(0, Braindrain.Run(tmp.Path, "run", file, "--runs", "3", "--seed", "2", "--out", "b").ExitCode);
        Assert.NotEqual(File.ReadAllBytes(Path.Combine(tmp.Path, "a", "summary.csv")), File.ReadAllBytes(Path.Combine(tmp.Path, "b", "summary.csv")));
    }

    [Fact]
    public void An_existing_results_folder_is_kept_without_force()
    {
        using var tmp = new TempFolder();
        var file = tmp.Write("tiny.yaml", TinyScenario.Yaml);
        Directory.CreateDirectory(Path.Combine(tmp.Path, "keep"));
        File.WriteAllText(Path.Combine(tmp.Path, "keep", "mine.txt"), "precious");
        var r = Braindrain.Run(tmp.Path, "run", file, "--runs", "2", "--out", "keep");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("--force", r.Stderr);
        Assert.Equal("precious", File.ReadAllText(Path.Combine(tmp.Path, "keep", "mine.txt")));
        var forced = Braindrain.Run(tmp.Path, "run", file, "--runs", "2", "--out", "keep", "--force");
        Assert.True(forced.ExitCode == 0, forced.All);
        Assert.False(File.Exists(Path.Combine(tmp.Path, "keep", "mine.txt")));
    }

    [Theory]
    [InlineData("--runs", "0")]
    [InlineData("--threads", "0")]
    [InlineData("--runs", "many")]
    public void Bad_options_exit_2_without_a_stack_trace(string option, string value)
    {
        using var tmp = new TempFolder();
        var file = tmp.Write("tiny.yaml", TinyScenario.Yaml);
        var r = Braindrain.Run(tmp.Path, "run", file, option, value);
        Assert.Equal(2, r.ExitCode);
        Assert.DoesNotContain("   at ", r.All);
        Assert.False(Directory.Exists(Path.Combine(tmp.Path, "results")));
    }

    [Fact]
    public void A_missing_scenario_file_exits_2_and_names_it()
    {
        using var tmp = new TempFolder();
        var r = Braindrain.Run(tmp.Path, "run", "nowhere.yaml");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("nowhere.yaml", r.Stderr);
        Assert.DoesNotContain("   at ", r.All);
    }

    internal static (int Width, int Height) PngSize(byte[] png)
    {
        Assert.True(png.Length > 24 && png[1] == 'P' && png[2] == 'N' && png[3] == 'G', "not a PNG");
        int Be(int o) => (png[o] << 24) | (png[o + 1] << 16) | (png[o + 2] << 8) | png[o + 3];
        return (Be(16), Be(20));
    }
}
