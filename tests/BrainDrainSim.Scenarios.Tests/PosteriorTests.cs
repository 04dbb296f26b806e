using BrainDrainSim.Model;

namespace BrainDrainSim.Scenarios.Tests;

/// <summary>
/// Issue 12: <c>uncertainty: {posterior: {file: ...}}</c> reads a calibration's posterior.csv, located relative to
/// the file that names it, into whole rows drawn by weight; its bytes are part of the scenario's input hash; an
/// inherited prior on one of its paths is superseded, one written beside it or after it is refused.
/// </summary>
public sealed class PosteriorTests : IDisposable
{
    private const string Csv = "particle,weight,distance,coefficients.b0,population.at_home,summary.abroad_2024,simulation_seed\n" +
                               "0,0.25,1.5,-4.1,2800,11000,17\n" +
                               "1,0.75,0.5,-3.9,2900,,18\n";

    private readonly string folder = Directory.CreateTempSubdirectory("posterior-tests-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private string Write(string name, string text)
    {
        string path = Path.Combine(folder, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    private ScenarioLoadResult Load(string csv, string yaml = "uncertainty:\n  posterior: {file: post.csv}\n")
    {
        Write("post.csv", csv);
        return ScenarioLoader.Load(Write("s.yaml", yaml));
    }

    [Fact]
    public void The_posterior_is_read_with_its_weights_and_parameter_columns_and_hashed_with_the_scenario()
    {
        Write("cal/post.csv", Csv);
        string yaml = Write("cal/s.yaml", "name: calibrated\nuncertainty:\n  posterior: {file: post.csv}\n  coefficients.b_gpu: {dist: normal, mean: 0.2, sd: 0.05}\n");
        var result = ScenarioLoader.Load(yaml);
        Assertions.Ok(result);
        var p = result.Scenario!.Posterior!;
        Assert.Equal("post.csv", p.Source);
        Assert.Equal(["coefficients.b0", "population.at_home"], p.Paths);
        Assert.Equal([0.25, 0.75], p.Weights);
        Assert.Equal([-3.9, 2900], p.Rows[1]);
        Assert.Equal([2, 3], p.Lines!);
        Assert.Equal("coefficients.b_gpu", Assert.Single(result.Scenario.Uncertainty).Path);
        // The posterior's file comes just before the file naming it (which stays last), and its bytes change the hash.
        Assert.Equal([Path.Combine(folder, "cal", "post.csv"), yaml], result.InputFiles);
        Write("cal/post.csv", Csv.Replace("0.75", "0.74", StringComparison.Ordinal));
        Assert.NotEqual(result.InputHash, ScenarioLoader.Load(yaml).InputHash);
    }

    [Theory]
    [InlineData("", "post.csv is empty: a posterior needs a header line and one row per particle")]
    [InlineData("particle,coefficients.b0\n0,-4\n", "post.csv has no 'weight' column: each row is drawn by its weight (the posterior.csv of braindrain calibrate has one)")]
    [InlineData("weight,coefficients.b0\n1,abc\n", "post.csv, line 2, column 'coefficients.b0': expected a finite number, not 'abc'")]
    [InlineData("weight,coefficients.b0\n1,-4\nNaN,-4\n", "post.csv, line 3, column 'weight': expected a finite number, not 'NaN'")]
    [InlineData("weight,coefficients.b0\n1,-4,5\n", "post.csv, line 2 has 3 fields; the header has 2")]
    [InlineData("weight,coefficients.b0,weight\n1,-4,1\n", "post.csv: the column 'weight' appears twice in the header")]
    [InlineData("weight,coefficients.b0\n1,-4\n-0.5,-4\n", "post.csv, line 3: the weight -0.5 must be a finite number of at least 0")]
    [InlineData("weight,coefficients.b0\n0,-4\n0,-3\n", "the weights of post.csv are all 0, so no row can be drawn")]
    [InlineData("weight\n1\n", "post.csv has no parameter columns: besides particle, weight, distance, summary.* and simulation_seed, each column is headed by the path of a quantity of the scenario (coefficients.b0)")]
    [InlineData("weight\n", "post.csv has no rows below its header: a posterior needs at least one")]
    [InlineData("weight,coefficients.b_gpx\n1,0.2\n", "post.csv, column 'coefficients.b_gpx': not a quantity of the scenario: 'coefficients.b_gpx' is not a key of the scenario (keys under coefficients: b0, b_wage, b_gpu, b_net, b_talent, lambda_out, r0, b_att, lambda_back, attachment_mean, attachment_sd)")]
    [InlineData("weight,visa.us_share\n1,0.5\n1,1.2\n1,7\n", "post.csv, line 3, column 'visa.us_share': 1.2 is outside the valid range [0, 1] of visa.us_share (2 rows in all)")]
    [InlineData("weight,sectors[0].share\n1,0.3\n", "post.csv, column 'sectors[0].share': 'sectors[0].share' is one of the shares of sectors, which must sum to 1, so a posterior cannot set it on its own")]
    public void A_bad_posterior_file_is_one_error_at_its_file_value(string csv, string message)
    {
        var error = Assertions.OnlyError(Load(csv), "uncertainty.posterior.file");
        Assert.Equal(message, error.Message);
        Assert.Equal((2, 21), (error.Line, error.Column));
        Assert.Single(Load(csv).Errors);
    }

    [Theory]
    [InlineData("uncertainty:\n  posterior: {file: nothere.csv}\n", "uncertainty.posterior.file", "cannot find the posterior file 'nothere.csv' (looked for ")]
    [InlineData("uncertainty:\n  posterior: post.csv\n", "uncertainty.posterior", "expected a section naming a calibration's posterior, such as posterior: {file: posterior.csv}; not 'post.csv'")]
    [InlineData("uncertainty:\n  posterior: {}\n", "uncertainty.posterior.file", "the posterior section needs 'file:', the posterior.csv of a calibration (relative to this file)")]
    [InlineData("uncertainty:\n  posterior: {file: post.csv, weights: w}\n", "uncertainty.posterior.weights", "unknown key 'weights'; the posterior section has one key: file")]
    [InlineData("uncertainty:\n  posterior: {file: [a]}\n", "uncertainty.posterior.file", "expected the path of a calibration's posterior.csv, not a list")]
    public void A_bad_posterior_section_is_located(string yaml, string keyPath, string message)
    {
        var error = Assertions.OnlyError(Load(Csv, yaml), keyPath);
        Assert.StartsWith(message, error.Message);
    }

    [Fact]
    public void An_inherited_prior_on_a_posterior_path_is_superseded_and_other_entries_stay()
    {
        Write("post.csv", Csv);
        Write("history.yaml", "uncertainty:\n  coefficients.b0: {dist: normal, mean: -4, sd: 0.3}\n  coefficients.b_gpu: {dist: normal, mean: 0.2, sd: 0.05}\n");
        var result = ScenarioLoader.Load(Write("calibrated.yaml", "extends: history.yaml\nuncertainty:\n  posterior: {file: post.csv}\n"));
        Assertions.Ok(result);
        Assert.Equal(["coefficients.b_gpu"], result.Scenario!.Uncertainty.Select(u => u.Path));
        Assert.NotNull(result.Scenario.Posterior);
    }

    [Fact]
    public void A_posterior_path_also_drawn_in_the_same_file_or_in_a_file_extending_it_is_refused()
    {
        Write("post.csv", Csv);
        const string message = "'coefficients.b0' is a column of the posterior post.csv: a path may not be both in the posterior and drawn on its own (remove this entry or the column)";
        var same = ScenarioLoader.Load(Write("same.yaml", "uncertainty:\n  posterior: {file: post.csv}\n  coefficients.b0: {dist: normal, mean: -4, sd: 0.3}\n"));
        var error = Assertions.OnlyError(same, "uncertainty.coefficients.b0");
        Assert.Equal(message, error.Message);
        Assert.Equal((3, 3), (error.Line, error.Column));

        Write("calibrated.yaml", "uncertainty:\n  posterior: {file: post.csv}\n");
        string child = Write("policy.yaml", "extends: calibrated.yaml\nuncertainty:\n  coefficients.b0: {dist: normal, mean: -4, sd: 0.3}\n");
        var refused = Assertions.OnlyError(ScenarioLoader.Load(child), "uncertainty.coefficients.b0");
        Assert.Equal(message, refused.Message);
        Assert.Equal(child, refused.File);
    }

    [Fact]
    public void A_policy_extending_the_calibrated_baseline_keeps_the_posterior_read_beside_the_baseline()
    {
        Write("cal/post.csv", Csv);
        Write("cal/calibrated.yaml", "uncertainty:\n  posterior: {file: post.csv}\n");
        var policy = ScenarioLoader.Load(Write("policies/visa.yaml", "extends: ../cal/calibrated.yaml\nlevers:\n  - {type: visa_policy, at: 2026-01, fee_usd: 1}\n"));
        Assertions.Ok(policy);
        Assert.Equal(["coefficients.b0", "population.at_home"], policy.Scenario!.Posterior!.Paths);
        Assert.Equal(Path.Combine(folder, "cal", "post.csv"), policy.InputFiles[0]);
    }
}
