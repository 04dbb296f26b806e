namespace BrainDrainSim.Scenarios.Tests;

public sealed class ErrorTests
{
    [Fact]
    public void A_misspelt_lever_key_names_file_line_column_path_and_the_right_key()
    {
        using var folder = new TempFolder();
        string path = folder.Write("visa.yaml", """
            name: visa-tightening
            levers:
              - type: visa_policy
                at: 2025-10
                selction_rate: 0.2
            """);
        var result = ScenarioLoader.Load(path);

        var error = Assertions.OnlyError(result, "levers[0].selction_rate");
        Assert.Equal(path, error.File);
        Assert.Equal(5, error.Line);
        Assert.Equal(5, error.Column);
        Assert.Equal("unknown key 'selction_rate'; did you mean 'selection_rate'?", error.Message);
        Assert.Single(result.Errors);
        Assert.Equal($"{path}:5:5: levers[0].selction_rate: unknown key 'selction_rate'; did you mean 'selection_rate'?", error.ToString());
    }

    [Fact]
    public void A_key_of_another_lever_type_says_where_it_belongs()
    {
        var result = ScenarioLoader.LoadText("""
            levers:
              - {type: salary_topup, at: 2025-01, fraction: 0.1, fee_usd: 5}
            """, "x.yaml");
        var error = Assertions.OnlyError(result, "levers[0].fee_usd");
        Assert.Equal("unknown key 'fee_usd' for a salary_topup lever (it is a key of visa_policy)", error.Message);
    }

    [Fact]
    public void An_unknown_top_level_key_is_caught_with_a_suggestion()
    {
        var error = Assertions.OnlyError(ScenarioLoader.LoadText("coeficients: {b_gpu: 0.1}\n", "x.yaml"), "coeficients");
        Assert.Equal("unknown key 'coeficients'; did you mean 'coefficients'?", error.Message);
    }

    [Fact]
    public void A_key_far_from_every_known_key_lists_the_known_keys()
    {
        var error = Assertions.OnlyError(ScenarioLoader.LoadText("network: {zzz: 1}\n", "x.yaml"), "network.zzz");
        Assert.Equal("unknown key 'zzz'; the keys here are: peers_per_researcher, homophily", error.Message);
    }

    [Theory]
    [InlineData("population: {entrant_student_share: 0.5}", "population.entrant_student_share",
        "unknown key 'entrant_student_share' in population; it is a key of careers")]
    [InlineData("b_gpu: 0.5", "b_gpu", "unknown key 'b_gpu' at the top level; it is a key of coefficients")]
    [InlineData("pay: {half_life_years: 3}", "pay.half_life_years", "unknown key 'half_life_years' in pay; it is a key of compute")]
    [InlineData("visa: {pay_multiplier: 1}", "visa.pay_multiplier", "unknown key 'pay_multiplier' in visa; it is a key of each entry of sectors")]
    [InlineData("sectors: [{name: all, share: 1, senior: 1}]", "sectors[0].senior",
        "unknown key 'senior' in sectors[0]; it is a key of population.home_stage_shares and population.abroad_stage_shares and pay.home_krw_per_year and pay.offer_usd_per_year and careers.exit_rate_per_year")]
    public void A_key_in_the_wrong_section_names_the_section_it_belongs_to(string yaml, string keyPath, string message)
    {
        Assert.Equal(message, Assertions.OnlyError(ScenarioLoader.LoadText(yaml + "\n", "x.yaml"), keyPath).Message);
    }

    [Theory]
    [InlineData("coefficients: {b_gpu: high}", "coefficients.b_gpu", "expected a number, not 'high'")]
    [InlineData("coefficients: {b_gpu: '0.2'}", "coefficients.b_gpu", "expected a number, not the quoted text '0.2'")]
    [InlineData("coefficients: [1, 2]", "coefficients", "expected a section")]
    [InlineData("network: {peers_per_researcher: 2.5}", "network.peers_per_researcher", "expected a whole number, not '2.5'")]
    [InlineData("months:", "months", "expected a whole number, but the value is empty")]
    [InlineData("levers: [{type: salary_topup, at: 2025-01, fraction: 0.1, top_talent_only: yes}]", "levers[0].top_talent_only", "expected true or false, not 'yes'")]
    [InlineData("levers: [{type: salary_topup, at: 2025-01, fraction: 0.1, stage: junior}]", "levers[0].stage", "expected one of: student, early, mid, senior; not 'junior'")]
    [InlineData("sectors: {name: academia}", "sectors", "expected a list")]
    [InlineData("levers: {type: gpu_import}", "levers", "expected a list of levers")]
    [InlineData("start: 2025", "start", "expected a month as YYYY-MM")]
    public void A_value_of_the_wrong_type_is_reported(string yaml, string keyPath, string message)
    {
        var error = Assertions.OnlyError(ScenarioLoader.LoadText(yaml + "\n", "x.yaml"), keyPath);
        Assert.Equal(1, error.Line); // every case here is a one-line file
        Assert.StartsWith(message, error.Message);
    }

    [Fact]
    public void A_negative_count_is_below_its_bounds_with_the_unit()
    {
        var result = ScenarioLoader.LoadText("population:\n  at_home: -5\n", "x.yaml");
        var error = Assertions.OnlyError(result, "population.at_home");
        Assert.Equal((2, 12), (error.Line, error.Column));
        Assert.Equal("-5 is below the minimum 0 of persons (valid range [0, 1E+09])", error.Message);
    }

    [Fact]
    public void An_excluded_lower_bound_and_an_upper_bound_are_reported()
    {
        var result = ScenarioLoader.LoadText("compute: {half_life_years: 0}\nvisa: {us_share: 1.5}\n", "x.yaml");
        Assert.Contains("0 is not above the minimum 0 of years, which is excluded", Assertions.OnlyError(result, "compute.half_life_years").Message);
        Assert.Contains("1.5 is above the maximum 1", Assertions.OnlyError(result, "visa.us_share").Message);

        var rate = ScenarioLoader.LoadText("coefficients: {lambda_out: 2}\n", "x.yaml");
        Assert.Equal("2 is above the maximum 1 per month (valid range [0, 1])", Assertions.OnlyError(rate, "coefficients.lambda_out").Message);
    }

    [Fact]
    public void A_misspelt_required_key_gives_one_error_not_two()
    {
        var result = ScenarioLoader.LoadText("levers:\n  - {type: visa_policy, att: 2025-10, fee_usd: 1}\n", "x.yaml");
        var error = Assert.Single(result.Errors);
        Assert.Equal("levers[0].att", error.KeyPath);
        Assert.Equal("unknown key 'att'; did you mean 'at'?", error.Message);
    }

    [Fact]
    public void A_month_that_does_not_exist_is_a_bad_date()
    {
        var result = ScenarioLoader.LoadText("""
            levers:
              - type: visa_policy
                at: 2025-13
                fee_usd: 100000
            """, "x.yaml");
        var error = Assertions.OnlyError(result, "levers[0].at");
        Assert.Equal((3, 9), (error.Line, error.Column));
        Assert.Equal("expected a month as YYYY-MM (such as 2025-07), not '2025-13'", error.Message);
    }

    [Theory]
    [InlineData(".nan", "NaN is not allowed")]
    [InlineData(".inf", "infinity is not allowed")]
    [InlineData("-.inf", "infinity is not allowed")]
    [InlineData("NaN", "is not a finite number")]
    [InlineData("1e999", "is not a finite number")]
    public void NaN_and_infinity_are_rejected(string value, string message)
    {
        var result = ScenarioLoader.LoadText($"coefficients:\n  b_gpu: {value}\n", "x.yaml");
        Assert.Contains(message, Assertions.OnlyError(result, "coefficients.b_gpu").Message);
    }

    [Fact]
    public void Until_before_at_is_an_error_at_until()
    {
        var result = ScenarioLoader.LoadText("""
            levers:
              - type: visa_policy
                at: 2026-06
                until: 2026-01
                fee_usd: 100000
            """, "x.yaml");
        var error = Assertions.OnlyError(result, "levers[0].until");
        Assert.Equal(4, error.Line);
        Assert.Equal("until 2026-01 is before at 2026-06; a lever applies from at through until, both included", error.Message);
    }

    [Fact]
    public void Until_on_a_gpu_import_is_an_error()
    {
        var result = ScenarioLoader.LoadText("""
            levers:
              - {type: gpu_import, at: 2025-06, until: 2027-01, count: 10, sector_shares: {industry: 1}, unit_cost_krw: 146000000, running_cost_krw_per_gpu_year: 14600000}
            """, "x.yaml");
        Assert.Contains("service life", Assertions.OnlyError(result, "levers[0].until").Message);
    }

    [Fact]
    public void A_lever_without_type_or_at_is_reported()
    {
        var result = ScenarioLoader.LoadText("""
            levers:
              - at: 2025-01
                fraction: 0.1
              - type: salary_topup
                fraction: 0.1
            """, "x.yaml");
        Assert.Contains("a lever needs 'type:'", Assertions.OnlyError(result, "levers[0].type").Message);
        var missingAt = Assertions.OnlyError(result, "levers[1].at");
        Assert.Equal((4, 5), (missingAt.Line, missingAt.Column));
        Assert.Equal(2, result.Errors.Count);
    }

    [Fact]
    public void An_unknown_lever_type_lists_the_valid_ones()
    {
        var result = ScenarioLoader.LoadText("levers:\n  - {type: gpu_imprt, at: 2025-01}\n", "x.yaml");
        var error = Assertions.OnlyError(result, "levers[0].type");
        Assert.Equal("unknown lever type 'gpu_imprt'; did you mean 'gpu_import'? (the lever types are: " +
                     "compute_voucher, education, gpu_import, return_incentive, salary_topup, visa_policy)", error.Message);
        Assert.Single(result.Errors);
    }

    [Fact]
    public void A_duplicate_key_is_reported_at_the_second_one()
    {
        var result = ScenarioLoader.LoadText("months: 60\nstart: 2025-01\nmonths: 70\n", "x.yaml");
        var error = Assertions.OnlyError(result, "months");
        Assert.Equal((3, 1), (error.Line, error.Column));
        Assert.Equal("duplicate key 'months' (first given on line 1; each key may appear once)", error.Message);
    }

    [Fact]
    public void Shares_that_do_not_sum_to_one_are_reported_with_their_terms()
    {
        var result = ScenarioLoader.LoadText("""
            population:
              home_stage_shares: {student: 0.5, early: 0.5, mid: 0.3, senior: 0.2}
            careers:
              graduation_degrees: {phd: 0.9}
            sectors:
              - {name: academia, share: 0.5}
              - {name: industry, share: 0.4}
            """, "x.yaml");
        var stages = Assertions.OnlyError(result, "population.home_stage_shares");
        Assert.Equal("the shares sum to 1.5, not 1 (student 0.5 + early 0.5 + mid 0.3 + senior 0.2)", stages.Message);
        Assert.Equal(2, stages.Line);
        // Members left out keep their defaults (bachelor 0.05, master 0.65), and the message shows them.
        Assert.Equal("the shares sum to 1.6, not 1 (bachelor 0.05 + master 0.65 + phd 0.9)",
            Assertions.OnlyError(result, "careers.graduation_degrees").Message);
        Assert.Equal("the sectors' shares sum to 0.9, not 1 (academia 0.5 + industry 0.4)", Assertions.OnlyError(result, "sectors").Message);
        Assert.Equal(3, result.Errors.Count);
    }

    [Fact]
    public void Gpu_import_shares_are_checked_against_the_sectors()
    {
        var result = ScenarioLoader.LoadText("""
            levers:
              - type: gpu_import
                at: 2025-06
                count: 100
                mix: [{model: H100, share: 0.5}, {model: B200, share: 0.4, h100e_per_unit: 2}]
                sector_shares: {academia: 0.5, industy: 0.5}
                unit_cost_krw: 146000000
                running_cost_krw_per_gpu_year: 14600000
              - {type: gpu_import, at: 2025-06, count: 100, unit_cost_krw: 146000000, running_cost_krw_per_gpu_year: 14600000}
              - {type: gpu_import, at: 2025-06, count: 100, sector_shares: {academia: 0.2, industry: 0.2}, unit_cost_krw: 146000000, running_cost_krw_per_gpu_year: 14600000}
            """, "x.yaml");
        Assert.Equal("the mix's shares sum to 0.9, not 1 (H100 0.5 + B200 0.4)", Assertions.OnlyError(result, "levers[0].mix").Message);
        var badSector = Assertions.OnlyError(result, "levers[0].sector_shares.industy");
        Assert.Equal((6, 36), (badSector.Line, badSector.Column));
        Assert.StartsWith("'industy' is not a sector; did you mean 'industry'?", badSector.Message);
        Assert.StartsWith("a gpu_import needs sector_shares", Assertions.OnlyError(result, "levers[1].sector_shares").Message);
        // Sectors left out get nothing, so these shares fall short of 1.
        Assert.StartsWith("the sector shares sum to 0.4", Assertions.OnlyError(result, "levers[2].sector_shares").Message);
        Assert.Equal(4, result.Errors.Count);
    }

    [Fact]
    public void Sector_names_must_be_given_unique_and_match_the_levers()
    {
        var result = ScenarioLoader.LoadText("""
            sectors:
              - {name: academia, share: 0.5}
              - {name: academia, share: 0.5}
              - {share: 0}
            levers:
              - {type: compute_voucher, at: 2025-01, sector: labs, gpu_hours_per_researcher_per_month: 10, price_krw_per_gpu_hour: 3500}
            """, "x.yaml");
        Assert.Contains("already used by sectors[0]", Assertions.OnlyError(result, "sectors[1].name").Message);
        Assert.Contains("a sector needs a name", Assertions.OnlyError(result, "sectors[2].name").Message);
        Assert.Equal(2, result.Errors.Count);
    }

    [Fact]
    public void A_lever_sector_must_name_a_sector()
    {
        var result = ScenarioLoader.LoadText(
            "levers:\n  - {type: salary_topup, at: 2025-01, fraction: 0.1, sector: industri}\n", "x.yaml");
        Assert.StartsWith("'industri' is not a sector; did you mean 'industry'?", Assertions.OnlyError(result, "levers[0].sector").Message);
    }

    [Fact]
    public void A_salary_topup_without_amount_or_fraction_is_an_error()
    {
        var result = ScenarioLoader.LoadText("levers:\n  - {type: salary_topup, at: 2025-01, top_talent_only: true}\n", "x.yaml");
        Assert.Contains("needs amount_krw_per_year or fraction", Assertions.OnlyError(result, "levers[0]").Message);
    }

    [Fact]
    public void A_lever_starting_after_the_horizon_is_an_error_but_one_before_the_start_is_not()
    {
        var result = ScenarioLoader.LoadText("""
            start: 2025-01
            months: 12
            levers:
              - {type: visa_policy, at: 2024-06, fee_usd: 1}
              - {type: visa_policy, at: 2025-12, fee_usd: 1}
              - {type: visa_policy, at: 2026-01, fee_usd: 1}
            """, "x.yaml");
        var error = Assert.Single(result.Errors);
        Assert.Equal("levers[2].at", error.KeyPath);
        Assert.Contains("after the last simulated month 2025-12", error.Message);
    }

    [Fact]
    public void An_agent_scale_that_leaves_a_group_without_agents_is_an_error()
    {
        var result = ScenarioLoader.LoadText("agent_scale: 20000\n", "x.yaml");
        var errors = result.Errors.Where(e => e.KeyPath == "agent_scale").ToList();
        Assert.Equal(2, errors.Count); // abroad_us 6300 and abroad_other 4700 both round to 0
        Assert.Contains("population.abroad_us (6300 / 20000 rounds to 0)", errors[0].Message);
        Assertions.Ok(ScenarioLoader.LoadText("agent_scale: 1000\n", "x.yaml"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("agent_scale: 10\n")]
    public void An_empty_initial_population_is_an_error_at_any_agent_scale(string scale)
    {
        // The top-talent threshold is a percentile of the initial population: entrants alone have none.
        var result = ScenarioLoader.LoadText(scale + "population: {at_home: 0, abroad_us: 0, abroad_other: 0}\n", "x.yaml");
        var error = Assertions.OnlyError(result, "population");
        Assert.StartsWith("the initial population is empty", error.Message, StringComparison.Ordinal);
        Assert.Single(result.Errors);
        // One researcher anywhere is enough.
        Assertions.Ok(ScenarioLoader.LoadText(scale + "population: {at_home: 0, abroad_us: 10, abroad_other: 0}\n", "x.yaml"));
    }

    [Fact]
    public void Several_errors_in_one_file_are_all_reported_in_file_order()
    {
        var result = ScenarioLoader.LoadText("""
            months: 0
            population:
              at_home: lots
            coefficients:
              b_gpu: 0.2
              b_gpux: 0.1
            levers:
              - type: visa_policy
                at: 2025-10
                selction_rate: 0.2
              - type: education
                at: 2026-01
                until: 2025-01
            """, "x.yaml");
        Assert.Equal(["months", "population.at_home", "coefficients.b_gpux", "levers[0].selction_rate", "levers[1].until"],
            result.Errors.Select(e => e.KeyPath));
        Assert.Equal([1, 3, 6, 10, 13], result.Errors.Select(e => e.Line));
        Assert.Null(result.Scenario);
    }
}
