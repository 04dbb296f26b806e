using System.Diagnostics;
using System.Text;

namespace BrainDrainSim.Scenarios.Tests;

/// <summary>
/// One test for each problem the fuzz test (Fuzz/FuzzTests.cs) found in the loader, so that each fix stays
/// fixed with its exact message.
/// </summary>
public sealed class FuzzFindingsTests
{
    [Fact]
    public void A_gamma_with_a_huge_shape_is_refused_instead_of_hanging()
    {
        // MathNet's gamma quantile function never returns for a shape of about 1e15 or more.
        var clock = Stopwatch.StartNew();
        var result = ScenarioLoader.LoadText("uncertainty:\n  coefficients.b_gpu: {dist: gamma, shape: 1e300, rate: 1}\n", "x.yaml");
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"took {clock.Elapsed}");
        Assert.Equal("shape must be at most 1e6, not 1E+300: so narrow a gamma is a fixed value (set the quantity instead)",
            Assertions.OnlyError(result, "uncertainty.coefficients.b_gpu.shape").Message);

        var beta = ScenarioLoader.LoadText("uncertainty:\n  visa.us_share: {dist: beta, alpha: 2, beta: 1e7}\n", "x.yaml");
        Assert.StartsWith("beta must be at most 1e6, not 10000000", Assertions.OnlyError(beta, "uncertainty.visa.us_share.beta").Message);
    }

    [Fact]
    public void Quantiles_that_cannot_be_computed_give_a_message_without_the_library_s_internals()
    {
        var result = ScenarioLoader.LoadText("uncertainty:\n  coefficients.b_gpu: {dist: gamma, shape: 1e-50, rate: 1}\n", "x.yaml");
        Assert.Equal("the quantiles of a gamma(shape 1E-50, rate 1) distribution cannot be computed; check its parameters (is one of them extremely large or small?)",
            Assertions.OnlyError(result, "uncertainty.coefficients.b_gpu").Message);
    }

    [Fact]
    public void A_long_unknown_key_is_shown_cut_in_the_path_and_the_message()
    {
        string key = new string('q', 1000);
        var clock = Stopwatch.StartNew();
        var result = ScenarioLoader.LoadText($"population:\n  {key}: 1\n", "x.yaml");
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"took {clock.Elapsed}");
        string shown = new string('q', 97) + "...";
        var error = Assertions.OnlyError(result, $"population.{shown}");
        Assert.StartsWith($"unknown key '{shown}'; the keys here are: at_home, ", error.Message);
    }

    [Fact]
    public void A_key_of_a_million_characters_costs_no_table_of_a_million_by_twenty()
    {
        // The "did you mean" distance table grows as the product of the lengths; text longer than any key skips it.
        string key = new string('k', 1_000_000);
        var result = ScenarioLoader.LoadText($"levers:\n  - {{type: compute_voucher, at: 2025-01, gpu_hours_per_researcher_per_month: 1, price_krw_per_gpu_hour: 3500, sector: {key}}}\n", "x.yaml");
        Assert.StartsWith($"'{new string('k', 97)}...' is not a sector (the sectors are: academia, industry, institute)",
            Assertions.OnlyError(result, "levers[0].sector").Message);
    }

    [Fact]
    public void Invisible_characters_are_escaped_in_messages()
    {
        var result = ScenarioLoader.LoadText("months: \"1\\u0001\"\nstart: \"2025\\t01\"\npopulation:\n  \"at_home\\u200B\": 5\n", "x.yaml");
        Assert.Equal(@"expected a whole number, not the quoted text '1\u0001' (leave numbers unquoted)", Assertions.OnlyError(result, "months").Message);
        Assert.Equal(@"expected a month as YYYY-MM (such as 2025-07), not '2025\t01'", Assertions.OnlyError(result, "start").Message);
        // A zero-width space makes a key unknown; shown escaped, the reason is plain.
        Assert.Equal(@"unknown key 'at_home\u200B'; did you mean 'at_home'?", Assertions.OnlyError(result, @"population.at_home\u200B").Message);
    }

    [Fact]
    public void An_empty_key_has_a_visible_key_path()
    {
        var result = ScenarioLoader.LoadText("\"\": 1\n", "x.yaml");
        Assert.StartsWith("unknown key ''; the keys here are: name, ", Assertions.OnlyError(result, "''").Message);
    }

    [Theory]
    [InlineData("../../escaped", "must not contain '/' or '\\'")]
    [InlineData("a/b", "must not contain '/' or '\\'")]
    [InlineData("a\\\\b", "must not contain '/' or '\\'")]
    [InlineData("..", "must not be '..'")]
    [InlineData(".", "must not be '.'")]
    [InlineData("a\\tb", "must not contain control characters (tabs, line breaks...)")]
    [InlineData("a\\0b", "must not contain control characters (tabs, line breaks...)")]
    [InlineData("' '", "must not be empty")]
    public void A_name_that_cannot_be_a_folder_name_is_an_error(string name, string why)
    {
        // Run writes results/NAME: a name with a path in it wrote outside results/, a NUL or a long name crashed it.
        string yaml = name.StartsWith('\'') ? $"name: {name}\n" : $"name: \"{name}\"\n";
        Assert.Equal($"the name {why}: it names the output folder (results/NAME); leave name: out to use the file's name",
            Assertions.OnlyError(ScenarioLoader.LoadText(yaml, "x.yaml"), "name").Message);
    }

    [Fact]
    public void A_name_is_at_most_100_bytes_and_may_be_any_language()
    {
        Assert.Contains("must be at most 100 bytes long in UTF-8, not 101",
            Assertions.OnlyError(ScenarioLoader.LoadText($"name: {new string('n', 101)}\n", "x.yaml"), "name").Message);
        // 34 Hangul syllables are 102 bytes.
        Assert.Contains("not 102", Assertions.OnlyError(ScenarioLoader.LoadText($"name: {new string('한', 34)}\n", "x.yaml"), "name").Message);
        Assertions.Ok(ScenarioLoader.LoadText("name: GPU 수입 2026 (10k)\n", "x.yaml"));
        Assertions.Ok(ScenarioLoader.LoadText($"name: {new string('n', 100)}\n", "x.yaml"));
    }

    [Fact]
    public void Text_given_in_memory_meets_the_size_limit_of_a_file()
    {
        var error = Assert.Single(ScenarioLoader.LoadText("name: x\n# " + new string('x', 17 * 1024 * 1024), "big.yaml").Errors);
        Assert.Equal((0, 0, ""), (error.Line, error.Column, error.KeyPath));
        Assert.Equal($"{Path.GetFullPath("big.yaml")} is larger than 16,777,216 bytes (16 MiB); a scenario file is a few kilobytes (is it the right file?)", error.Message);
    }

    [Fact]
    public void A_byte_that_is_not_UTF8_is_placed_at_its_line_and_column()
    {
        using var folder = new TempFolder();
        string path = Path.Combine(folder.Path, "euc-kr.yaml");
        // "한국" in EUC-KR, on line 2 after 13 characters.
        File.WriteAllBytes(path, [.. "name: x\ndescription: "u8.ToArray(), 0xC7, 0xD1, 0xB1, 0xB9, (byte)'\n']);
        var error = Assert.Single(ScenarioLoader.Load(path).Errors);
        Assert.Equal((2, 14), (error.Line, error.Column));
        Assert.Equal("the file is not UTF-8 text: byte 0xC7 here is not valid UTF-8 (is it a binary file, or saved in another encoding " +
                     "such as EUC-KR or Latin-1? save it as UTF-8)", error.Message);

        // A byte-order mark still selects UTF-16; a UTF-8 one is skipped.
        string utf16 = Path.Combine(folder.Path, "utf16.yaml");
        File.WriteAllBytes(utf16, [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes("months: 12\n")]);
        Assert.Equal(12, ScenarioLoader.Load(utf16).Scenario!.Months);
        string bom = Path.Combine(folder.Path, "bom.yaml");
        File.WriteAllBytes(bom, [0xEF, 0xBB, 0xBF, .. "months: 13\n"u8.ToArray()]);
        Assert.Equal(13, ScenarioLoader.Load(bom).Scenario!.Months);
    }

    [Fact]
    public void A_tab_in_the_indentation_is_placed_at_the_tab()
    {
        var error = Assert.Single(ScenarioLoader.LoadText("population:\n  at_home: 57000\n\tabroad_us: 6300\n", "x.yaml").Errors);
        Assert.Equal((3, 1), (error.Line, error.Column));
        Assert.Equal("YAML syntax error: a tab in the indentation; YAML indents with spaces only", error.Message);
    }

    [Theory]
    [InlineData("[gpu_import]", "a list")]
    [InlineData("{a: 1}", "a section")]
    [InlineData("", "an empty value")]
    public void A_lever_type_that_is_not_a_name_says_so(string type, string shown)
    {
        var result = ScenarioLoader.LoadText($"levers:\n  - type: {type}\n    at: 2025-01\n", "x.yaml");
        Assert.Equal($"expected a lever type, one of: compute_voucher, education, gpu_import, return_incentive, salary_topup, visa_policy; not {shown}",
            Assertions.OnlyError(result, "levers[0].type").Message);
    }

    [Fact]
    public void An_unknown_lever_key_uses_the_right_article()
    {
        var result = ScenarioLoader.LoadText("levers:\n  - {type: education, at: 2025-01, zzz: 1}\n", "x.yaml");
        Assert.StartsWith("unknown key 'zzz' for an education lever; its keys are: ", Assertions.OnlyError(result, "levers[0].zzz").Message);
    }

    [Theory]
    // A misspelt required key was reported twice: unknown, then missing (or its default broke a sum).
    [InlineData("sectors:\n  - {nmae: academia, share: 1}\n", "sectors[0].nmae", "unknown key 'nmae'; did you mean 'name'?")]
    [InlineData("population:\n  home_stage_shares: {studnet: 0.15, early: 0.35, mid: 0.3, senior: 0.2}\n",
        "population.home_stage_shares.studnet", "unknown key 'studnet'; did you mean 'student'?")]
    [InlineData("levers:\n  - {type: gpu_import, at: 2026-02, count: 10, sector_share: {academia: 1}, unit_cost_krw: 146000000, running_cost_krw_per_gpu_year: 14600000}\n",
        "levers[0].sector_share", "unknown key 'sector_share'; did you mean 'sector_shares'?")]
    [InlineData("levers:\n  - {type: salary_topup, at: 2026-01, fractoin: 0.5}\n", "levers[0].fractoin", "unknown key 'fractoin'; did you mean 'fraction'?")]
    [InlineData("levers:\n  - {type: salary_topup, at: 2026-01, percent: 0.5}\n", "levers[0].percent",
        "'percent' is now 'fraction': the same top-up as a fraction of pay, 0.05 for 5% and 0.5 for 50% (the old key took a fraction too, despite its name)")]
    // Hyphens for underscores are one slip, however many there are: the cost rule must not report the key missing too.
    [InlineData("levers:\n  - {type: gpu_import, at: 2026-02, count: 10, sector_shares: {academia: 1}, unit_cost_krw: 1, running-cost-krw-per-gpu-year: 1}\n",
        "levers[0].running-cost-krw-per-gpu-year", "unknown key 'running-cost-krw-per-gpu-year'; did you mean 'running_cost_krw_per_gpu_year'?")]
    [InlineData("lever:\n  - {type: visa_policy, at: 2026-01, fee_usd: 1}\nuncertainty:\n  levers[0].fee_usd: {dist: uniform, min: 0, max: 1}\n",
        "lever", "unknown key 'lever'; did you mean 'levers'?")]
    // Between keys as close, the one sharing more letters: 'mn' is 'min' less a letter, not 'mu' changed.
    [InlineData("uncertainty:\n  coefficients.b_gpu: {dist: triangular, mn: 0, mode: 0.2, max: 0.8}\n",
        "uncertainty.coefficients.b_gpu.mn", "unknown key 'mn'; did you mean 'min'?")]
    // `at` after the horizon was also compared with `until`.
    [InlineData("levers:\n  - {type: visa_policy, at: 2999-12, until: 2026-09, fee_usd: 1}\n", "levers[0].at",
        "2999-12 is after the last simulated month 2034-12 (start 2025-01 plus 120 months): the lever would never apply")]
    // An undefined alias also failed binding ("expected a whole number, but the value is empty").
    [InlineData("months: *twelve\n", "months", "the alias '*twelve' names no anchor defined before it")]
    public void One_mistake_gives_one_error(string yaml, string keyPath, string message)
    {
        var result = ScenarioLoader.LoadText(yaml, "x.yaml");
        var error = Assert.Single(result.Errors);
        Assert.Equal((keyPath, message), (error.KeyPath, error.Message));
    }

    [Fact]
    public void An_uncertainty_path_longer_than_any_quantity_s_is_not_echoed_whole()
    {
        string path = "coefficients." + new string('b', 10_000);
        // An explicit key (? ...): YAML limits a plain key to 1,024 characters.
        var result = ScenarioLoader.LoadText($"uncertainty:\n  ? {path}\n  : {{dist: uniform, min: 0, max: 1}}\n", "x.yaml");
        var error = Assert.Single(result.Errors);
        Assert.Equal($"'{path[..97]}...' cannot be made uncertain: it is not the path of a quantity of the scenario", error.Message);
        Assert.True(error.ToString().Length < 400, error.ToString());
    }
}
