namespace BrainDrainSim.Cli.Tests;

/// <summary>Limits before work: every refusal exits 2 with a message that says what to change, and writes nothing.</summary>
public class LimitTests
{
    /// <summary>Pretends the machine has 134 MB (the collector's heap limit sets the memory the process may use).</summary>
    private static readonly Dictionary<string, string> SmallMachine = new() { ["DOTNET_GCHeapHardLimit"] = "0x8000000" };

    private static void AssertRefused(Braindrain.Result r, TempFolder tmp, params string[] expected)
    {
        Assert.True(r.ExitCode == 2, $"exit {r.ExitCode}:\n{r.All}");
        foreach (var e in expected) Assert.Contains(e, r.Stderr);
        Assert.DoesNotContain("   at ", r.All);
        // Nothing written: only the scenario files the test put there.
        Assert.DoesNotContain(Directory.GetFileSystemEntries(tmp.Path), p => !p.EndsWith(".yaml", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("run", "--runs", "1000001", "--runs must be at most 1,000,000")]
    [InlineData("compare", "--runs", "1000001", "--runs must be at most 1,000,000")]
    [InlineData("sweep", "--runs", "1000001", "--runs must be at most 1,000,000")]
    [InlineData("run", "--threads", "1025", "--threads must be at most 1,024")]
    [InlineData("sweep", "--threads", "1025", "--threads must be at most 1,024")]
    public void Runs_and_threads_have_sane_upper_bounds(string verb, string option, string value, string expected)
    {
        using var tmp = new TempFolder();
        var r = Braindrain.Run(tmp.Path, Verb(tmp, verb, TinyScenario.Yaml, option, value));
        AssertRefused(r, tmp, expected);
    }

    [Fact]
    public void A_run_whose_results_cannot_fit_in_memory_is_refused_with_what_to_change()
    {
        using var tmp = new TempFolder();
        // A million runs of 100 years: some 230 GB of monthly results.
        var r = Braindrain.Run(tmp.Path, Verb(tmp, "run", TinyScenario.Yaml.Replace("months: 30", "months: 1200"), "--runs", "1000000", "--threads", "2"));
        AssertRefused(r, tmp, "of memory at its peak", "fewer --runs (at most", "fewer months", "Nothing was run or written.");
    }

    [Theory]
    [InlineData("run")]
    [InlineData("compare")]
    [InlineData("sweep")]
    public void The_memory_the_machine_gives_decides(string verb)
    {
        using var tmp = new TempFolder();
        // 20,000 runs of the tiny scenario need some 220 MB (twice as much for two scenarios): too much for 134 MB.
        var r = Braindrain.Run(tmp.Path, SmallMachine, Verb(tmp, verb, TinyScenario.Yaml, "--runs", "20000", "--threads", "2"));
        AssertRefused(r, tmp, "of memory at its peak", "134 MB available", "fewer --runs (at most");
        // The same on a few runs fits, and runs.
        var fits = Braindrain.Run(tmp.Path, SmallMachine, Verb(tmp, verb, TinyScenario.Yaml, "--runs", "20", "--threads", "2"));
        Assert.True(fits.ExitCode == 0, fits.All);
    }

    [Fact]
    public void A_run_of_absurd_length_is_refused_with_what_to_change()
    {
        using var tmp = new TempFolder();
        // 200,000 runs of 10 million researchers on one thread: months of work at any plausible speed.
        var yaml = TinyScenario.Yaml.Replace("months: 30", "months: 120").Replace("at_home: 1900", "at_home: 10000000");
        var r = Braindrain.Run(tmp.Path, Verb(tmp, "run", yaml, "--runs", "200000", "--threads", "1"));
        AssertRefused(r, tmp, "this run would take about", "runs estimated over 30 days are refused", "fewer --runs (at most", "a larger agent_scale");
    }

    [Fact]
    public void A_replication_too_large_for_the_engine_is_refused_with_the_agent_scale_that_fits()
    {
        using var tmp = new TempFolder();
        // The population bounds allow a billion persons per place; one agent each is beyond one replication's arrays.
        var yaml = TinyScenario.Yaml.Replace("at_home: 1900", "at_home: 1000000000").Replace("abroad_us: 210", "abroad_us: 1000000000");
        var r = Braindrain.Run(tmp.Path, Verb(tmp, "run", yaml, "--runs", "1"));
        AssertRefused(r, tmp, "agents", "Raise agent_scale to at least");
    }

    /// <summary>The arguments of <paramref name="verb"/> on the scenario (compare: against a copy of it; sweep: over the lever's count).</summary>
    private static string[] Verb(TempFolder tmp, string verb, string yaml, params string[] options)
    {
        var file = tmp.Write("s.yaml", yaml);
        string[] head = verb switch
        {
            "run" => ["run", file],
            "compare" => ["compare", file, tmp.Write("t.yaml", yaml.Replace("name: tiny", "name: tiny-copy"))],
            "sweep" => ["sweep", file, "--set", "levers[0].count=0,200"],
            _ => throw new ArgumentOutOfRangeException(nameof(verb)),
        };
        return [.. head, .. options, "--out", "out"];
    }
}
