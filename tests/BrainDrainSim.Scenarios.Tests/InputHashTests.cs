using System.Security.Cryptography;
using System.Text;

namespace BrainDrainSim.Scenarios.Tests;

public sealed class InputHashTests
{
    [Fact]
    public void The_hash_covers_every_input_file_base_first_and_is_stable()
    {
        using var folder = new TempFolder();
        string basePath = folder.Write("base.yaml", "months: 24\n");
        string child = folder.Write("child.yaml", "extends: base.yaml\nname: c\n");

        var first = ScenarioLoader.Load(child);
        var second = ScenarioLoader.Load(child);
        Assertions.Ok(first);
        Assert.Equal([basePath, child], first.InputFiles);
        Assert.Equal(first.InputHash, second.InputHash);

        var expected = SHA256.HashData(File.ReadAllBytes(basePath).Concat(File.ReadAllBytes(child)).ToArray());
        Assert.Equal("sha256:" + Convert.ToHexStringLower(expected), first.InputHash);
    }

    [Fact]
    public void The_hash_changes_when_any_input_file_changes()
    {
        using var folder = new TempFolder();
        string basePath = folder.Write("base.yaml", "months: 24\n");
        string child = folder.Write("child.yaml", "extends: base.yaml\n");
        string before = ScenarioLoader.Load(child).InputHash;

        File.WriteAllText(basePath, "months: 25\n");
        string afterBase = ScenarioLoader.Load(child).InputHash;
        Assert.NotEqual(before, afterBase);

        File.WriteAllText(child, "extends: base.yaml\n# a comment changes the bytes too\n");
        Assert.NotEqual(afterBase, ScenarioLoader.Load(child).InputHash);
    }

    [Fact]
    public void LoadText_hashes_the_text_as_utf8()
    {
        const string yaml = "name: 한국\n";
        var result = ScenarioLoader.LoadText(yaml, "k.yaml");
        Assertions.Ok(result);
        Assert.Equal("한국", result.Scenario!.Name);
        Assert.Equal("sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(yaml))), result.InputHash);
        Assert.Equal([Path.GetFullPath("k.yaml")], result.InputFiles);
    }
}
