using System.Reflection;
using BrainDrainSim.Model;
using BrainDrainSim.Model.Levers;
using BrainDrainSim.Model.Shape;
using BrainDrainSim.MonteCarlo;
using BrainDrainSim.Validation;

namespace BrainDrainSim.Core.Tests;

/// <summary>
/// Issue 9, item 1: the rules live in the core, and nothing unvalidated reaches the engine. A scenario built or
/// changed in code is held to the same rules as a file.
/// </summary>
public sealed class ValidatorTests
{
    private static GpuImport Import(IReadOnlyDictionary<string, double> shares) => new()
    {
        At = new YearMonth(2026, 2), Count = 1000, SectorShares = shares, UnitCostKrw = 146e6, RunningCostKrwPerGpuYear = 14.6e6,
    };

    private static readonly Scenario WithImport = TestScenarios.Small() with
    {
        Levers = [Import(new Dictionary<string, double> { ["academia"] = 0.5, ["industry"] = 0.3, ["institute"] = 0.2 })],
    };

    [Fact]
    public void The_engine_and_the_runner_take_only_a_validated_scenario_which_only_the_validator_makes()
    {
        // No public constructor: a ValidatedScenario comes from ScenarioValidator (or the loader, which calls it).
        Assert.Empty(typeof(ValidatedScenario).GetConstructors(BindingFlags.Public | BindingFlags.Instance));
        foreach (var m in typeof(MonteCarloRunner).GetMethods(BindingFlags.Public | BindingFlags.Static))
            Assert.Equal(typeof(ValidatedScenario), m.GetParameters()[0].ParameterType);
        var simulation = typeof(MonteCarloRunner).Assembly.GetType("BrainDrainSim.Engine.Simulation")!;
        Assert.All(simulation.GetConstructors(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance),
            c => Assert.Equal(typeof(ValidatedScenario), c.GetParameters()[0].ParameterType));
    }

    [Fact]
    public void A_with_expression_that_breaks_a_share_sum_is_refused_with_the_path_and_the_sum()
    {
        var broken = WithImport with
        {
            Levers = [Import(new Dictionary<string, double> { ["academia"] = 0.8, ["industry"] = 0.3, ["institute"] = 0.2 })],
        };
        var e = Assert.Throws<InvalidScenarioException>(() => broken.Validate());
        var error = Assert.Single(e.Errors);
        Assert.Equal("levers[0].sector_shares", error.Path);
        Assert.Equal("the sector shares sum to 1.3, not 1 (academia 0.8 + industry 0.3 + institute 0.2)", error.Message);
        // Through ScenarioPath as a sweep or a draw would change it: the same refusal.
        var drawn = ScenarioPath.With(WithImport, "levers[0].sector_shares.academia", 0.8);
        Assert.False(ScenarioValidator.Check(drawn).Ok);
    }

    [Theory]
    [InlineData("coefficients.lambda_out", double.NaN, "NaN is not allowed: expected a finite number")]
    [InlineData("coefficients.lambda_out", 1.5, "1.5 is above the maximum 1 per month (valid range [0, 1])")]
    [InlineData("compute.half_life_years", 0, "0 is not above the minimum 0 of years, which is excluded (valid range (0, 100])")]
    public void A_value_changed_in_code_is_held_to_its_bounds(string path, double value, string message)
    {
        var error = Assert.Single(ScenarioValidator.Check(ScenarioPath.With(TestScenarios.Small(), path, value)).Errors);
        Assert.Equal((path, message), (error.Path, error.Message));
    }

    [Fact]
    public void Each_cost_of_a_lever_must_be_given_and_zero_counts_as_given()
    {
        var noCosts = TestScenarios.Small() with
        {
            Levers =
            [
                new GpuImport { At = new(2026, 2), Count = 10, SectorShares = new Dictionary<string, double> { ["academia"] = 1 } },
                new ComputeVoucher { At = new(2026, 2), GpuHoursPerResearcherPerMonth = 10 },
                new ReturnIncentive { At = new(2026, 2), GuaranteedH100e = 1, GuaranteeMonths = 12 },
                new ReturnIncentive { At = new(2026, 2), BonusKrw = 1e8 },  // no guaranteed compute: no price needed
                new Education { At = new(2026, 2), GraduatesMultiplier = 1.2 },
                new Education { At = new(2026, 2), GraduationDegrees = new DegreeShares { Master = 0.5, Phd = 0.5 } },  // same number of entrants
            ],
        };
        var errors = ScenarioValidator.Check(noCosts).Errors;
        Assert.Equal(["levers[0]", "levers[1]", "levers[2]", "levers[4]"], errors.Select(e => e.Path));
        Assert.Contains("a gpu_import needs unit_cost_krw (the purchase, charged in the arrival month) and running_cost_krw_per_gpu_year", errors[0].Message);
        Assert.Contains("a compute_voucher needs price_krw_per_gpu_hour", errors[1].Message);
        Assert.Contains("a return_incentive needs price_krw_per_gpu_hour", errors[2].Message);
        Assert.Contains("an education needs cost_krw_per_extra_graduate", errors[3].Message);

        var zeros = noCosts with
        {
            Levers =
            [
                noCosts.Levers[0] is GpuImport g ? g with { UnitCostKrw = 0, RunningCostKrwPerGpuYear = 0 } : null!,
                ((ComputeVoucher)noCosts.Levers[1]) with { PriceKrwPerGpuHour = 0 },
                ((ReturnIncentive)noCosts.Levers[2]) with { PriceKrwPerGpuHour = 0 },
                noCosts.Levers[3],
                ((Education)noCosts.Levers[4]) with { CostKrwPerExtraGraduate = 0 },
                noCosts.Levers[5],
            ],
        };
        Assert.True(ScenarioValidator.Check(zeros).Ok);
    }

    [Fact]
    public void A_value_outside_its_plausible_range_is_a_warning_not_an_error()
    {
        var sc = TestScenarios.Small() with
        {
            Levers =
            [
                new SalaryTopup { At = new(2026, 1), Fraction = 5 },
                Import(new Dictionary<string, double> { ["academia"] = 1 }) with { Count = 1_000_000 },
            ],
        };
        var report = ScenarioValidator.Check(sc);
        Assert.True(report.Ok);
        Assert.Equal(["levers[0].fraction", "levers[1].count"], report.Warnings.Select(w => w.Path));
        Assert.Equal("5 is above the plausible maximum 1 fraction of pay (plausible range [0, 1]): a top-up of more than 100% of pay; " +
                     "fractions are written 0.05 for 5%; it is valid, but check it", report.Warnings[0].Message);
        Assert.Equal(2, sc.Validate().Warnings.Count);
    }

    [Fact]
    public void A_section_gives_its_plausible_range_to_its_members()
    {
        // Home pay in KRW and the offer in USD are the same record type with different believable levels.
        var usdAtHome = TestScenarios.Small() with { Pay = new PaySpec { HomeKrwPerYear = new CareerPay { Early = 110_000, Mid = 79.3e6, Senior = 120e6 } } };
        var warning = Assert.Single(ScenarioValidator.Check(usdAtHome).Warnings);
        Assert.Equal("pay.home_krw_per_year.early", warning.Path);
        Assert.StartsWith("110000 is below the plausible minimum 10000000", warning.Message);
        Assert.Null(ScenarioPath.Check(usdAtHome, "pay.offer_usd_per_year.early", out _, out var offer));
        Assert.Equal(2e4, offer!.Min);
    }

    [Fact]
    public void Every_number_of_the_format_has_a_plausible_range_and_the_defaults_lie_inside_it()
    {
        var missing = new List<string>();
        void Walk(Type type, string path, bool covered)
        {
            foreach (var key in ScenarioShape.KeysOf(type))
            {
                string p = $"{path}.{key.Name}";
                bool here = covered || key.Plausible is not null;
                switch (key.Kind)
                {
                    case ValueKind.Real or ValueKind.Whole or ValueKind.RealMap when !here:
                        missing.Add(p);
                        break;
                    case ValueKind.Section or ValueKind.List:
                        Walk(key.ValueType, p, here && key.Kind == ValueKind.Section);
                        break;
                    case ValueKind.Levers:
                        foreach (var lever in ScenarioShape.LeverTypes.Values) Walk(lever, $"{p}[{ScenarioShape.LeverTypes.First(l => l.Value == lever).Key}]", false);
                        break;
                }
            }
        }
        Walk(typeof(Scenario), "", false);
        Assert.True(missing.Count == 0, "no plausible range: " + string.Join(", ", missing));
        var defaults = ScenarioValidator.Check(new Scenario());
        Assert.True(defaults.Ok && defaults.Warnings.Count == 0, string.Join("\n", defaults.Errors.Concat(defaults.Warnings)));
    }

    [Fact]
    public void A_share_map_path_carries_the_map_s_bounds()
    {
        Assert.Null(ScenarioPath.Check(WithImport, "levers[0].sector_shares.academia", out var bounds));
        Assert.Equal((0, 1), (bounds!.Min, bounds.Max));
        var group = ShareGroups.Containing(WithImport, "levers[0].sector_shares.industry");
        Assert.Equal("levers[0].sector_shares", group!.Path);
        Assert.Equal(["academia", "industry", "institute"], group.Members.Select(m => m.Label));
        Assert.Null(ShareGroups.Containing(WithImport, "levers[0].count"));
    }
}
