namespace BrainDrainSim.Cli.Tests;

public class SchemaCommandTests
{
    private static string Committed => File.ReadAllText(Path.Combine(Braindrain.RepoRoot, "scenarios", "scenario.schema.json"));

    [Fact]
    public void Schema_prints_the_committed_schema()
    {
        var r = Braindrain.Run(Braindrain.RepoRoot, "schema");
        Assert.True(r.ExitCode == 0, r.All);
        Assert.Equal(Committed, r.Stdout);
        Assert.Equal("", r.Stderr);
    }

    [Fact]
    public void Schema_targets_prints_the_committed_schema_of_targets_files()
    {
        var r = Braindrain.Run(Braindrain.RepoRoot, "schema", "--targets");
        Assert.True(r.ExitCode == 0, r.All);
        Assert.Equal(File.ReadAllText(Path.Combine(Braindrain.RepoRoot, "scenarios", "targets", "targets.schema.json")), r.Stdout);
        Assert.Equal("", r.Stderr);
    }

    [Fact]
    public void Schema_out_writes_the_same_bytes_to_a_file()
    {
        using var tmp = new TempFolder();
        var r = Braindrain.Run(tmp.Path, "schema", "--out", "editor/scenario.schema.json");
        Assert.True(r.ExitCode == 0, r.All);
        var written = File.ReadAllBytes(Path.Combine(tmp.Path, "editor", "scenario.schema.json"));
        Assert.Equal(File.ReadAllBytes(Path.Combine(Braindrain.RepoRoot, "scenarios", "scenario.schema.json")), written);

        var folder = Braindrain.Run(tmp.Path, "schema", "--out", "editor");
        Assert.Equal(2, folder.ExitCode);
        Assert.Contains("is a folder", folder.Stderr);
    }
}
