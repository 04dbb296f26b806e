using System.Diagnostics;
using System.Text;

namespace BrainDrainSim.Scenarios.Tests;

/// <summary>Bad input of every kind gives errors, never an exception or a hang.</summary>
public sealed class RobustnessTests
{
    [Fact]
    public void A_yaml_syntax_error_has_its_line_and_column()
    {
        var result = ScenarioLoader.LoadText("name: x\nlevers:\n  - type: gpu_import\n  at: 2025-01\n", "x.yaml");
        var error = Assert.Single(result.Errors);
        Assert.Equal("", error.KeyPath);
        Assert.StartsWith("YAML syntax error: ", error.Message);
        Assert.Equal((4, 3), (error.Line, error.Column));
        Assert.Equal($"{Path.GetFullPath("x.yaml")}:4:3: {error.Message}", error.ToString());
        Assert.Null(result.Scenario);
    }

    [Fact]
    public void An_unclosed_flow_list_is_a_syntax_error_with_a_place()
    {
        // YamlDotNet throws a bare InvalidOperationException here; the loader still gives a place.
        var error = Assert.Single(ScenarioLoader.LoadText("months: [1, 2\nstart: 2025-01\n", "x.yaml").Errors);
        Assert.StartsWith("YAML syntax error", error.Message);
        Assert.Equal(2, error.Line);
    }

    [Theory]
    [InlineData("")]
    [InlineData("# only a comment\n")]
    [InlineData("---\n")]
    public void An_empty_file_is_an_error(string yaml)
    {
        var error = Assert.Single(ScenarioLoader.LoadText(yaml, "x.yaml").Errors);
        Assert.StartsWith("the file is empty", error.Message);
    }

    [Theory]
    [InlineData("- a\n- b\n", "not a list")]
    [InlineData("just text\n", "not 'just text'")]
    public void A_root_that_is_not_a_mapping_is_an_error(string yaml, string fragment)
    {
        var error = Assert.Single(ScenarioLoader.LoadText(yaml, "x.yaml").Errors);
        Assert.Contains("must be a mapping of keys", error.Message);
        Assert.Contains(fragment, error.Message);
    }

    [Fact]
    public void A_missing_file_and_a_directory_are_errors_without_a_place()
    {
        using var folder = new TempFolder();
        string missing = Path.Combine(folder.Path, "missing.yaml");
        var error = Assert.Single(ScenarioLoader.Load(missing).Errors);
        Assert.Equal((missing, 0, 0), (error.File, error.Line, error.Column));
        Assert.Contains("cannot find the scenario file", error.Message);
        Assert.Empty(ScenarioLoader.Load(missing).InputFiles);

        Assert.Contains("is a directory", Assert.Single(ScenarioLoader.Load(folder.Path).Errors).Message);
        Assert.Contains("no scenario file was named", Assert.Single(ScenarioLoader.Load("").Errors).Message);
    }

    [Fact]
    public void Binary_junk_is_an_error()
    {
        using var folder = new TempFolder();
        string path = Path.Combine(folder.Path, "junk.yaml");
        var random = new Random(12345);
        var bytes = new byte[4096];
        random.NextBytes(bytes);
        File.WriteAllBytes(path, bytes);
        var result = ScenarioLoader.Load(path);
        Assert.False(result.Ok);
        Assert.Equal([path], result.InputFiles);

        Assert.Contains("control character", Assert.Single(ScenarioLoader.LoadText("name: a\u0000b\n", "x.yaml").Errors).Message);
    }

    [Fact]
    public void Random_text_never_throws()
    {
        var random = new Random(7);
        const string alphabet = "ab:- \n[]{}&*!|>'\"#%@`,?.0123456789~\t";
        for (int i = 0; i < 500; i++)
        {
            var text = new StringBuilder();
            int length = random.Next(0, 80);
            for (int j = 0; j < length; j++) text.Append(alphabet[random.Next(alphabet.Length)]);
            var result = ScenarioLoader.LoadText(text.ToString(), "fuzz.yaml");
            Assert.Equal(result.Scenario is null, !result.Ok);
        }
    }

    [Fact]
    public void An_alias_bomb_is_refused_quickly()
    {
        var yaml = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (int i = 1; i < 10; i++)
            yaml.Append($"a{i}: &a{i} [{string.Join(", ", Enumerable.Repeat($"*a{i - 1}", 10))}]\n");
        var clock = Stopwatch.StartNew();
        var result = ScenarioLoader.LoadText(yaml.ToString(), "bomb.yaml");
        clock.Stop();
        var error = Assert.Single(result.Errors);
        Assert.Contains("more than 1,000,000 nodes", error.Message);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
    }

    [Fact]
    public void Small_aliases_are_expanded()
    {
        var result = ScenarioLoader.LoadText("""
            population:
              home_stage_shares: &even {student: 0.25, early: 0.25, mid: 0.25, senior: 0.25}
              abroad_stage_shares: *even
            """, "x.yaml");
        Assertions.Ok(result);
        Assert.Equal(0.25, result.Scenario!.Population.AbroadStageShares.Senior);
    }

    [Theory]
    [InlineData(200_000, '[')]
    [InlineData(200_000, '{')]
    public void Deep_nesting_is_refused(int depth, char open)
    {
        var error = Assert.Single(ScenarioLoader.LoadText("a: " + new string(open, depth), "deep.yaml").Errors);
        Assert.Contains("nested more than", error.Message);
    }

    [Fact]
    public void More_than_one_document_is_an_error()
    {
        var result = ScenarioLoader.LoadText("months: 12\n---\nmonths: 24\n", "x.yaml");
        var error = Assert.Single(result.Errors);
        Assert.Equal(2, error.Line);
        Assert.Contains("more than one YAML document", error.Message);
    }
}
