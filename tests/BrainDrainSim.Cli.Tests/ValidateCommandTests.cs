namespace BrainDrainSim.Cli.Tests;

public class ValidateCommandTests
{
    [Fact]
    public void Every_scenario_in_the_library_is_valid()
    {
        var files = Directory.GetFiles(Path.Combine(Braindrain.RepoRoot, "scenarios"), "*.yaml").OrderBy(f => f, StringComparer.Ordinal).ToArray();
        Assert.True(files.Length >= 7, "the scenario library has at least seven files");
        var r = Braindrain.Run(Braindrain.RepoRoot, ["validate", .. files]);
        Assert.True(r.ExitCode == 0, r.All);
    }

    [Fact]
    public void A_misspelt_lever_key_exits_2_naming_file_line_column_and_key_and_writes_nothing()
    {
        using var tmp = new TempFolder();
        var file = tmp.Write("bad.yaml", TinyScenario.Misspelt);
        var v = Braindrain.Run(tmp.Path, "validate", file);
        Assert.Equal(2, v.ExitCode);
        Assert.Contains($"{file}:14:5:", v.Stderr);
        Assert.Contains("levers[0].cuont", v.Stderr);
        Assert.Contains("count", v.Stderr); // the suggestion
        Assert.DoesNotContain("   at ", v.All);

        var run = Braindrain.Run(tmp.Path, "run", file, "--runs", "2");
        Assert.Equal(2, run.ExitCode);
        Assert.False(Directory.Exists(Path.Combine(tmp.Path, "results")), "a bad scenario must write nothing");
    }

    [Fact]
    public void Help_and_version_work_everywhere()
    {
        var root = Braindrain.Run(Braindrain.RepoRoot, "--help");
        Assert.Equal(0, root.ExitCode);
        Assert.Contains("run", root.Stdout);
        Assert.Contains("validate", root.Stdout);
        foreach (var verb in new[] { "run", "validate", "schema" })
        {
            var help = Braindrain.Run(Braindrain.RepoRoot, verb, "--help");
            Assert.Equal(0, help.ExitCode);
            Assert.Contains(verb, help.Stdout);
        }
        var version = Braindrain.Run(Braindrain.RepoRoot, "--version");
        Assert.Equal(0, version.ExitCode);
        Assert.Matches(@"\d+\.\d+\.\d+", version.Stdout);
    }
}
