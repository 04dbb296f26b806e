namespace BrainDrainSim.Scenarios.Tests;

public sealed class UncertaintyTests
{
    private static ScenarioLoadResult Load(string uncertainty) =>
        ScenarioLoader.LoadText($"""
            levers:
              - {"{"}type: gpu_import, at: 2025-06, count: 1000, sector_shares: {"{"}industry: 1{"}"}, unit_cost_krw: 146000000, running_cost_krw_per_gpu_year: 14600000{"}"}
            uncertainty:
              {uncertainty}
            """, "x.yaml");

    [Fact]
    public void A_path_that_names_nothing_is_rejected_with_the_reason()
    {
        var error = Assertions.OnlyError(Load("coefficients.b_gpx: {dist: normal, mean: 0, sd: 1}"), "uncertainty.coefficients.b_gpx");
        Assert.Equal(4, error.Line);
        Assert.Equal(3, error.Column);
        Assert.StartsWith("'coefficients.b_gpx' cannot be made uncertain: 'coefficients.b_gpx' is not a key of the scenario", error.Message);

        Assert.Contains("out of range", Assertions.OnlyError(Load("levers[3].count: {dist: normal, mean: 10, sd: 1}"), "uncertainty.levers[3].count").Message);
        Assert.Contains("not a real-valued quantity", Assertions.OnlyError(Load("start: {dist: normal, mean: 100, sd: 1}"), "uncertainty.start").Message);
        Assert.Contains("fixes the shape of the ensemble", Assertions.OnlyError(Load("months: {dist: normal, mean: 100, sd: 1}"), "uncertainty.months").Message);
    }

    [Fact]
    public void A_normal_on_a_unit_interval_quantity_is_rejected_and_a_beta_accepted()
    {
        var error = Assertions.OnlyError(Load("visa.selection_rate: {dist: normal, mean: 0.3, sd: 0.1}"), "uncertainty.visa.selection_rate");
        Assert.StartsWith("a normal(mean 0.3, sd 0.1) distribution does not fit the valid range [0, 1] of visa.selection_rate", error.Message);
        Assert.Contains("a beta fits", error.Message);

        Assertions.Ok(Load("visa.selection_rate: {dist: beta, alpha: 3, beta: 7}"));
        Assertions.Ok(Load("visa.selection_rate: {dist: beta, alpha: 2, beta: 2, min: 0.2, max: 0.4}"));
        Assert.Contains("does not fit", Assertions.OnlyError(Load("visa.selection_rate: {dist: beta, alpha: 2, beta: 2, min: 0.5, max: 1.5}"), "uncertainty.visa.selection_rate").Message);
    }

    [Fact]
    public void Supports_are_checked_against_excluded_bounds()
    {
        // half_life_years is (0, 100]: a lognormal fits, a uniform reaching 0 does not.
        Assertions.Ok(Load("compute.half_life_years: {dist: lognormal, mu: 0.9, sigma: 0.2}"));
        Assertions.Ok(Load("compute.half_life_years: {dist: gamma, shape: 20, rate: 8}"));
        Assertions.Ok(Load("compute.half_life_years: {dist: triangular, min: 2, mode: 2.5, max: 3}"));
        Assert.Contains("does not fit", Assertions.OnlyError(Load("compute.half_life_years: {dist: uniform, min: -1, max: 3}"), "uncertainty.compute.half_life_years").Message);
    }

    [Fact]
    public void A_share_of_a_set_cannot_be_drawn_alone_and_the_whole_set_takes_a_dirichlet()
    {
        // Drawn alone, the share would move without the others and the set would not sum to 1 in any run.
        var lone = Assertions.OnlyError(Load("levers[0].sector_shares.industry: {dist: beta, alpha: 5, beta: 1}"), "uncertainty.levers[0].sector_shares.industry");
        Assert.Equal("'levers[0].sector_shares.industry' is one of the shares of levers[0].sector_shares, which must sum to 1, so it cannot be drawn on its own; " +
                     "draw the whole set with a dirichlet distribution, such as levers[0].sector_shares: {dist: dirichlet, concentration: {industry: 20}}", lone.Message);
        Assertions.Ok(Load("levers[0].sector_shares: {dist: dirichlet, concentration: {industry: 5}}"));
        Assertions.Ok(Load("levers[0].count: {dist: uniform, min: 500, max: 1500}"));
    }

    [Theory]
    [InlineData("levers[0].sector_shares: {dist: dirichlet, concentration: {industry: 5, academia: 2}}", "uncertainty.levers[0].sector_shares.concentration",
        "'academia' is not a share of levers[0].sector_shares (its shares are: industry)")]
    [InlineData("population.home_stage_shares: {dist: dirichlet, concentration: {student: 3, early: 7, mid: 6}}", "uncertainty.population.home_stage_shares.concentration",
        "give a concentration for every share of population.home_stage_shares; missing: senior")]
    [InlineData("coefficients.b_gpu: {dist: dirichlet, concentration: {a: 1}}", "uncertainty.coefficients.b_gpu",
        "a dirichlet distribution is for a set of shares that sum to 1 (sectors, a stage or degree mix, a GPU import's mix or sector_shares); 'coefficients.b_gpu' is not one")]
    [InlineData("sectors: {dist: beta, alpha: 2, beta: 2}", "uncertainty.sectors",
        "'sectors' is a set of shares that sum to 1: draw it whole with a dirichlet distribution, such as sectors: {dist: dirichlet, concentration: {academia: 6, industry: 11, institute: 3}}")]
    [InlineData("sectors[0].share: {dist: beta, alpha: 2, beta: 2}", "uncertainty.sectors[0].share",
        "'sectors[0].share' is one of the shares of sectors, which must sum to 1, so it cannot be drawn on its own; draw the whole set with a dirichlet distribution, such as sectors: {dist: dirichlet, concentration: {academia: 6, industry: 11, institute: 3}}")]
    [InlineData("sectors: {dist: dirichlet, concentration: {academia: 0.01, industry: 5, institute: 2}}", "uncertainty.sectors.concentration.academia",
        "0.01 is below the minimum 0.1 (valid range [0.1, 1E+06])")]
    [InlineData("sectors: {dist: dirichlet, mean: 1}", "uncertainty.sectors.mean", "'mean' is not a parameter of a dirichlet distribution (it takes concentration)")]
    public void A_set_of_shares_takes_a_dirichlet_over_exactly_its_shares(string entry, string keyPath, string message)
    {
        var error = Assertions.OnlyError(Load(entry), keyPath);
        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void A_dirichlet_over_every_kind_of_set_is_accepted()
    {
        Assertions.Ok(Load("sectors: {dist: dirichlet, concentration: {academia: 6, industry: 11, institute: 3}}"));
        Assertions.Ok(Load("population.degrees: {dist: dirichlet, concentration: {bachelor: 8, master: 7, phd: 5}}"));
        Assertions.Ok(Load("levers[0].mix: {dist: dirichlet, concentration: {H100: 4}}"));
    }

    [Theory]
    [InlineData("{dist: normal, mean: 0, sd: 0}", "uncertainty.coefficients.b0.sd", "sd must be above 0, not 0")]
    [InlineData("{dist: normal, mean: 0}", "uncertainty.coefficients.b0.sd", "a normal distribution needs 'sd'")]
    [InlineData("{dist: normal, mean: 0, sdd: 1}", "uncertainty.coefficients.b0.sdd", "unknown key 'sdd'; did you mean 'sd'?")]
    [InlineData("{dst: normal, mean: 0, sd: 1}", "uncertainty.coefficients.b0.dst", "unknown key 'dst'; did you mean 'dist'?")]
    [InlineData("{dist: normal, mean: 0, sd: 1, max: 3}", "uncertainty.coefficients.b0.max", "'max' is not a parameter of a normal distribution (it takes mean, sd)")]
    [InlineData("{mean: 0, sd: 1}", "uncertainty.coefficients.b0.dist", "a distribution needs 'dist:', one of: normal, lognormal, uniform, beta, triangular, gamma")]
    [InlineData("{dist: cauchy, mean: 0, sd: 1}", "uncertainty.coefficients.b0.dist", "expected one of: normal, lognormal, uniform, beta, triangular, gamma")]
    [InlineData("{dist: uniform, min: 2, max: 1}", "uncertainty.coefficients.b0.max", "max 1 must be above min 2")]
    [InlineData("{dist: beta, alpha: 1, beta: 1, min: 0}", "uncertainty.coefficients.b0.min", "give both min and max")]
    [InlineData("{dist: beta, alpha: -1, beta: 1}", "uncertainty.coefficients.b0.alpha", "alpha must be above 0")]
    [InlineData("{dist: triangular, min: 0, mode: 3, max: 2}", "uncertainty.coefficients.b0.mode", "mode 3 must lie between min 0 and max 2")]
    [InlineData("{dist: gamma, shape: 2, rate: 0}", "uncertainty.coefficients.b0.rate", "rate must be above 0")]
    [InlineData("{dist: lognormal, mu: 0, sigma: .nan}", "uncertainty.coefficients.b0.sigma", "NaN is not allowed")]
    [InlineData("[normal, 0, 1]", "uncertainty.coefficients.b0", "expected a distribution")]
    public void Distribution_parameters_are_checked_per_kind(string distribution, string keyPath, string message)
    {
        var result = Load($"coefficients.b0: {distribution}");
        Assert.StartsWith(message, Assertions.OnlyError(result, keyPath).Message);
        Assert.Single(result.Errors);
    }

    [Fact]
    public void The_uncertainty_block_cannot_address_itself()
    {
        var result = ScenarioLoader.LoadText("""
            uncertainty:
              coefficients.b0: {dist: normal, mean: 0, sd: 1}
              uncertainty[0].distribution.sd: {dist: uniform, min: 1, max: 2}
            """, "x.yaml");
        Assert.Contains("cannot make its own parameters uncertain", Assertions.OnlyError(result, "uncertainty.uncertainty[0].distribution.sd").Message);
    }

    [Fact]
    public void Paths_into_levers_are_not_checked_when_a_lever_failed_to_bind()
    {
        // With levers[0] unbindable, levers[1] would index the wrong lever: only the lever's own error is given.
        var result = ScenarioLoader.LoadText("""
            levers:
              - {type: nonsense, at: 2025-01}
              - {type: gpu_import, at: 2025-06, count: 1000, sector_shares: {industry: 1}, unit_cost_krw: 146000000, running_cost_krw_per_gpu_year: 14600000}
            uncertainty:
              levers[1].count: {dist: uniform, min: 800, max: 1200}
            """, "x.yaml");
        Assert.Equal("levers[0].type", Assert.Single(result.Errors).KeyPath);
    }
}
