using BrainDrainSim.Model;
using BrainDrainSim.Model.Levers;

namespace BrainDrainSim.Scenarios.Tests;

public sealed class BindingTests
{
    private const string FullScenario = """
        name: full-example
        description: Every section set
        start: 2026-03
        months: 60
        agent_scale: 10
        krw_per_usd: 1400
        population:
          at_home: 50000
          abroad_us: 6000
          abroad_other: 4000
          home_stage_shares: {student: 0.1, early: 0.4, mid: 0.3, senior: 0.2}
          abroad_stage_shares: {student: 0.25, early: 0.35, mid: 0.25, senior: 0.15}
          degrees: {bachelor: 0.3, master: 0.4, phd: 0.3}
          abroad_us_degree_share: 0.6
        sectors:
          - {name: academia, share: 0.4, pay_multiplier: 0.8, baseline_compute_h100e: 0.01}
          - {name: industry, share: 0.6, pay_multiplier: 1.2, baseline_compute_h100e: 0.05}
        pay:
          home_krw_per_year: {early: 50e6, mid: 80e6, senior: 130e6}
          offer_usd_per_year: {early: 100000, mid: 150000, senior: 200000}
          home_spread_sd: 0.25
          offer_spread_sd: 0.35
          talent_premium: 0.1
          home_growth_per_year: 0.02
          abroad_growth_per_year: 0.04
          other_pay_ratio: 0.75
        compute:
          abroad_h100e_per_researcher: 2
          abroad_growth_per_year: 0.1
          half_life_years: 2.5
          service_life_years: 5
          access_spread_sd: 0.4
        coefficients:
          b0: -2
          b_wage: 1.5
          b_gpu: 0.3
          b_net: 1
          b_talent: 0.2
          lambda_out: 0.02
          r0: 0.5
          b_att: 0.8
          lambda_back: 0.01
          attachment_mean: 1.2
          attachment_sd: 0.5
        network:
          peers_per_researcher: 8
          homophily: 0.6
        visa:
          us_share: 0.55
          selection_rate: 0.25
          advanced_round_rate: 0.2
          fee_usd: 1000
          fee_elasticity: 2
          talent_route_rate: 0.4
          other_pass_rate: 0.9
          study_pass_rate: 0.7
        careers:
          duration_years: {student: 4, early: 6, mid: 12}
          exit_rate_per_year: {student: 0.04, early: 0.02, mid: 0.02, senior: 0.05}
          annual_graduates: 3500
          entrant_student_share: 0.5
          graduation_degrees: {bachelor: 0.1, master: 0.6, phd: 0.3}
        levers:
          - type: gpu_import
            at: 2026-06
            label: national compute
            count: 10000
            mix:
              - {model: H100, share: 0.5, h100e_per_unit: 1}
              - {model: B200, share: 0.5, h100e_per_unit: 2.5}
            sector_shares: {academia: 0.3, industry: 0.7}
            utilisation: 0.8
            unit_cost_krw: 40000000
            running_cost_krw_per_gpu_year: 5000000
          - type: salary_topup
            at: 2026-03
            until: 2028-12
            fraction: 0.1
            top_talent_only: true
            sector: academia
            stage: early
          - type: return_incentive
            at: 2027-01
            bonus_krw: 100000000
            bonus_years: 4
            guaranteed_h100e: 1
            guarantee_months: 24
            price_krw_per_gpu_hour: 3000
          - type: visa_policy
            at: 2026-10
            until: 2027-09
            fee_usd: 100000
            selection_rate: 0.2
          - type: education
            at: 2027-03
            graduates_multiplier: 1.5
            graduation_degrees: {bachelor: 0, master: 0.5, phd: 0.5}
            cost_krw_per_extra_graduate: 20000000
          - type: compute_voucher
            at: 2026-04
            sector: industry
            gpu_hours_per_researcher_per_month: 100
            price_krw_per_gpu_hour: 2500
        uncertainty:
          visa.selection_rate: {dist: beta, alpha: 3, beta: 7}
          levers[0].count: {dist: uniform, min: 8000, max: 12000}
          coefficients.b_gpu: {dist: normal, mean: 0.3, sd: 0.1}
        """;

    [Fact]
    public void A_full_file_binds_every_section()
    {
        using var folder = new TempFolder();
        var result = ScenarioLoader.Load(folder.Write("full.yaml", FullScenario));
        Assertions.Ok(result);
        var s = result.Scenario!;

        Assert.Equal("full-example", s.Name);
        Assert.Equal("Every section set", s.Description);
        Assert.Equal(new YearMonth(2026, 3), s.Start);
        Assert.Equal(60, s.Months);
        Assert.Equal(10, s.AgentScale);
        Assert.Equal(1400, s.KrwPerUsd);
        Assert.Equal(50000, s.Population.AtHome);
        Assert.Equal(0.4, s.Population.HomeStageShares.Early);
        Assert.Equal(0.15, s.Population.AbroadStageShares.Senior);
        Assert.Equal(0.3, s.Population.Degrees.Phd);
        Assert.Equal(0.6, s.Population.AbroadUsDegreeShare);
        Assert.Equal(["academia", "industry"], s.Sectors.Select(x => x.Name));
        Assert.Equal(1.2, s.Sectors[1].PayMultiplier);
        Assert.Equal(80e6, s.Pay.HomeKrwPerYear.Mid);
        Assert.Equal(200000, s.Pay.OfferUsdPerYear.Senior);
        Assert.Equal(0.75, s.Pay.OtherPayRatio);
        Assert.Equal(5, s.Compute.ServiceLifeYears);
        Assert.Equal(-2, s.Coefficients.B0);
        Assert.Equal(0.3, s.Coefficients.BGpu);
        Assert.Equal(0.5, s.Coefficients.AttachmentSd);
        Assert.Equal(8, s.Network.PeersPerResearcher);
        Assert.Equal(1000, s.Visa.FeeUsd);
        Assert.Equal(0.7, s.Visa.StudyPassRate);
        Assert.Equal(12, s.Careers.DurationYears.Mid);
        Assert.Equal(0.05, s.Careers.ExitRatePerYear.Senior);
        Assert.Equal(3500, s.Careers.AnnualGraduates);

        Assert.Collection(s.Levers,
            l =>
            {
                var g = Assert.IsType<GpuImport>(l);
                Assert.Equal(new YearMonth(2026, 6), g.At);
                Assert.Null(g.Until);
                Assert.Equal("national compute", g.Label);
                Assert.Equal(10000, g.Count);
                Assert.Equal(2.5, g.Mix[1].H100ePerUnit);
                Assert.Equal("B200", g.Mix[1].Model);
                Assert.Equal(0.7, g.SectorShares!["industry"]);
                var map = Assert.IsType<Dictionary<string, double>>(g.SectorShares);
                Assert.Same(StringComparer.Ordinal, map.Comparer);
                Assert.Equal(5000000, g.RunningCostKrwPerGpuYear);
            },
            l =>
            {
                var t = Assert.IsType<SalaryTopup>(l);
                Assert.Equal(new YearMonth(2028, 12), t.Until);
                Assert.Equal(0.1, t.Fraction);
                Assert.True(t.TopTalentOnly);
                Assert.Equal("academia", t.Sector);
                Assert.Equal(Stage.Early, t.Stage);
            },
            l =>
            {
                var r = Assert.IsType<ReturnIncentive>(l);
                Assert.Equal(24, r.GuaranteeMonths);
                Assert.Equal(4, r.BonusYears);
            },
            l =>
            {
                var v = Assert.IsType<VisaPolicy>(l);
                Assert.Equal(100000, v.FeeUsd);
                Assert.Equal(0.2, v.SelectionRate);
                Assert.Null(v.AdvancedRoundRate);
            },
            l =>
            {
                var e = Assert.IsType<Education>(l);
                Assert.Equal(1.5, e.GraduatesMultiplier);
                Assert.Equal(0.5, e.GraduationDegrees!.Phd);
            },
            l =>
            {
                var c = Assert.IsType<ComputeVoucher>(l);
                Assert.Equal("industry", c.Sector);
                Assert.Equal(100, c.GpuHoursPerResearcherPerMonth);
            });

        Assert.Equal(["coefficients.b_gpu", "levers[0].count", "visa.selection_rate"], s.Uncertainty.Select(u => u.Path));
        Assert.Equal(DistributionKind.Normal, s.Uncertainty[0].Distribution.Dist);
        Assert.Equal(0.1, s.Uncertainty[0].Distribution.Sd);
        Assert.Equal(DistributionKind.Uniform, s.Uncertainty[1].Distribution.Dist);
        Assert.Equal(12000, s.Uncertainty[1].Distribution.Max);
        Assert.Equal(DistributionKind.Beta, s.Uncertainty[2].Distribution.Dist);
        Assert.Equal(7, s.Uncertainty[2].Distribution.Beta);
        Assert.Null(s.Uncertainty[2].Distribution.Mean);
    }

    [Fact]
    public void Unset_keys_keep_the_records_defaults()
    {
        var defaults = new Scenario();
        var result = ScenarioLoader.LoadText("""
            population:
              at_home: 1000
            pay:
              home_krw_per_year: {early: 60e6}
            """, "/nowhere/my-scenario.yaml");
        Assertions.Ok(result);
        var s = result.Scenario!;

        Assert.Equal(1000, s.Population.AtHome);
        Assert.Equal(defaults.Population.AbroadUs, s.Population.AbroadUs);
        Assert.Equal(defaults.Population.HomeStageShares, s.Population.HomeStageShares);
        // A nested section given in part keeps the defaults its parent gives the rest.
        Assert.Equal(60e6, s.Pay.HomeKrwPerYear.Early);
        Assert.Equal(defaults.Pay.HomeKrwPerYear.Mid, s.Pay.HomeKrwPerYear.Mid);
        Assert.Equal(defaults.Pay.OfferUsdPerYear, s.Pay.OfferUsdPerYear);
        Assert.Equal(defaults.Coefficients, s.Coefficients);
        Assert.Equal(defaults.Visa, s.Visa);
        Assert.Equal(defaults.Start, s.Start);
        Assert.Equal(defaults.Months, s.Months);
        Assert.Equal(defaults.Sectors, s.Sectors);
        Assert.Empty(s.Levers);
        Assert.Empty(s.Uncertainty);
        // No name: key, so the scenario is named after its file.
        Assert.Equal("my-scenario", s.Name);
    }

    [Fact]
    public void Lever_entries_start_from_the_lever_record_defaults()
    {
        var result = ScenarioLoader.LoadText("""
            levers:
              - type: gpu_import
                at: 2025-06
                count: 500
                sector_shares: {industry: 1}
                unit_cost_krw: 146000000
                running_cost_krw_per_gpu_year: 14600000
            """, "x.yaml");
        Assertions.Ok(result);
        var g = Assert.IsType<GpuImport>(Assert.Single(result.Scenario!.Levers));
        Assert.Equal(new GpuImport().Utilisation, g.Utilisation);
        Assert.Equal("H100", Assert.Single(g.Mix).Model);
    }

    [Fact]
    public void Digit_separators_and_exponents_read_as_numbers()
    {
        var result = ScenarioLoader.LoadText("population: {at_home: 57_000, abroad_us: 6.3e3}\n", "x.yaml");
        Assertions.Ok(result);
        Assert.Equal(57000, result.Scenario!.Population.AtHome);
        Assert.Equal(6300, result.Scenario.Population.AbroadUs);
    }
}
