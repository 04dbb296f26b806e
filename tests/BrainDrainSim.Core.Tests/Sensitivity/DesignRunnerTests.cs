using BrainDrainSim.Model;
using BrainDrainSim.Model.Levers;
using BrainDrainSim.Sensitivity;
using static BrainDrainSim.Model.MetricCatalog;

namespace BrainDrainSim.Core.Tests.Sensitivity;

/// <summary>
/// The engine side of a sensitivity analysis: which factors a scenario gives, what a bad range is told, and what
/// the design's rows run (the estimators' own known-answer tests are beside this file).
/// </summary>
public class DesignRunnerTests
{
    private static readonly YearMonth At = new(2025, 7);

    /// <summary>The small test scenario with two uncertain coefficients, as a baseline.</summary>
    private static Scenario Baseline(double bGpu = 0.2) => TestScenarios.Small(36) with
    {
        Name = "base",
        Coefficients = new Coefficients { BGpu = bGpu },
        Uncertainty =
        [
            new UncertainParameter("coefficients.b_wage", new DistributionSpec { Dist = DistributionKind.Triangular, Min = 0.3, Mode = 1.0, Max = 2.0 }),
            new UncertainParameter("coefficients.b_net", new DistributionSpec { Dist = DistributionKind.Triangular, Min = 0.0, Mode = 2.0, Max = 5.0 }),
        ],
    };

    private static Scenario Import(Scenario baseline) => baseline with
    {
        Name = "import",
        Levers =
        [
            new GpuImport
            {
                At = At, Count = 2000, SectorShares = new Dictionary<string, double> { ["academia"] = 0.5, ["industry"] = 0.5 },
                UnitCostKrw = 1e8, RunningCostKrwPerGpuYear = 1e7,
            },
        ],
    };

    private static SensitivityProblem Problem(Scenario scenario, Scenario? baseline, params (string, double, double)[] ranges)
    {
        var p = SensitivityProblem.Create(scenario, baseline, ranges, out var errors);
        Assert.True(p is not null, string.Join("\n", errors));
        return p!;
    }

    /// <summary>Points of a plain pseudo-random design, each with its own replication (the tests need points, not a low-discrepancy sequence).</summary>
    private static DesignPoint[] Rows(int n, int d, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, n).Select(r => new DesignPoint(Enumerable.Range(0, d).Select(_ => 0.01 + 0.98 * random.NextDouble()).ToArray(), r)).ToArray();
    }

    [Fact]
    public void The_factors_are_the_uncertain_quantities_then_the_ranges_then_chance()
    {
        var p = Problem(Import(Baseline()), Baseline(), ("levers[0].count", 1000, 20000), ("coefficients.b_wage", 0.5, 1.5));
        // b_wage has a range, which takes the place of its distribution.
        Assert.Equal(["coefficients.b_net", "levers[0].count", "coefficients.b_wage"], p.Factors.Select(f => f.Name));
        Assert.Equal([FactorKind.Distribution, FactorKind.Range, FactorKind.Range], p.Factors.Select(f => f.Kind));
        Assert.Equal(3, p.Layout.ColumnCount);

        // A range maps the unit interval onto itself linearly; a lever of the policy alone leaves the baseline as it is.
        var (scenario, baseline) = p.At([0.5, 0.25, 0.25]);
        Assert.Equal(0.75, scenario.Coefficients.BWage, 12);
        Assert.Equal(0.75, baseline!.Coefficients.BWage, 12);
        Assert.Equal(5750, ((GpuImport)scenario.Levers[0]).Count);
        Assert.Empty(baseline.Levers);
        Assert.Empty(scenario.Uncertainty);
        Assert.Empty(baseline.Uncertainty);
        // The triangular's median (mode 2 of 0..5: F(2) = 0.4, so the median lies above the mode).
        Assert.Equal(5 - Math.Sqrt(0.5 * 5 * 3), scenario.Coefficients.BNet, 9);
    }

    [Theory]
    [InlineData("coefficients.b_gpoo", 0, 1, "b_gpoo")]
    [InlineData("coefficients.b_gpu", 0.5, 0.5, "LO must be below HI")]
    [InlineData("coefficients.b_gpu", 0.8, 0.2, "LO must be below HI")]
    [InlineData("coefficients.lambda_out", 0.5, 1.5, "valid range")]
    [InlineData("sectors[0].share", 0.2, 0.4, "must sum to 1")]
    public void A_bad_range_is_refused_with_its_reason(string path, double low, double high, string reason)
    {
        var p = SensitivityProblem.Create(Baseline(), null, [(path, low, high)], out var errors);
        Assert.Null(p);
        var e = Assert.Single(errors);
        Assert.Contains($"--factor {path}=", e, StringComparison.Ordinal);
        Assert.Contains(reason, e, StringComparison.Ordinal);
    }

    [Fact]
    public void A_path_given_twice_and_a_baseline_with_its_own_uncertainty_are_refused()
    {
        Assert.Null(SensitivityProblem.Create(Baseline(), null, [("coefficients.b_gpu", 0, 1), ("coefficients.b_gpu", 0, 0.5)], out var twice));
        Assert.Contains("given twice", Assert.Single(twice), StringComparison.Ordinal);

        var policy = Import(Baseline()) with { Uncertainty = [] };
        Assert.Null(SensitivityProblem.Create(policy, Baseline(), [], out var unshared));
        Assert.Equal(2, unshared.Count);
        Assert.Contains("coefficients.b_wage in its uncertainty: block", unshared[0], StringComparison.Ordinal);
    }

    [Fact]
    public void With_b_gpu_zero_the_gpu_imports_paired_effect_is_zero_at_every_row_and_its_cost_is_not()
    {
        var p = Problem(Import(Baseline(bGpu: 0)), Baseline(bGpu: 0));
        var results = DesignRunner.Run(p, Rows(12, p.Layout.ColumnCount, seed: 5), 7, threads: 2, [Home, Abroad]);
        int last = results.Months - 1;
        foreach (var metric in new[] { Home, Abroad })
            Assert.All(results.Values(new SensitivityQuantity(metric, QuantityKind.Effect), last), e => Assert.Equal(0.0, e));
        // The stocks themselves do vary from row to row (the coefficients and the seed do), or the zero above says nothing.
        Assert.True(results.Values(new SensitivityQuantity(Home, QuantityKind.Level), last).Distinct().Count() > 1);
        // The import's cost does not depend on behaviour: the same at every row, and at least the purchase (2,000 x 1e8 KRW).
        var cost = results.Values(new SensitivityQuantity(Home, QuantityKind.ExtraCost), last);
        Assert.All(cost, c => Assert.Equal(cost[0], c));
        Assert.True(cost[0] >= 2000 * 1e8, $"extra cost {cost[0]}");
    }

    [Fact]
    public void A_row_is_the_same_on_one_thread_and_on_two_and_alone()
    {
        var p = Problem(Import(Baseline()), Baseline(), ("levers[0].count", 1000, 20000));
        var rows = Rows(6, p.Layout.ColumnCount, seed: 9);
        var one = DesignRunner.Run(p, rows, 3, threads: 1, [Home]);
        var two = DesignRunner.Run(p, rows, 3, threads: 2, [Home]);
        var alone = DesignRunner.Run(p, [rows[4]], 3, threads: 1, [Home]);
        Assert.Equal(one.Scenario.SelectMany(r => r.SelectMany(m => m)), two.Scenario.SelectMany(r => r.SelectMany(m => m)));
        Assert.Equal(one.Baseline!.SelectMany(r => r.SelectMany(m => m)), two.Baseline!.SelectMany(r => r.SelectMany(m => m)));
        Assert.Equal(one.Scenario[4].SelectMany(m => m), alone.Scenario[0].SelectMany(m => m));
    }

    [Fact]
    public void Rows_that_differ_only_in_a_factor_the_metric_does_not_read_give_the_same_series()
    {
        // The import's unit cost is money only: researchers at home cannot depend on it. The basis of an ST of exactly 0.
        var p = Problem(Import(Baseline()), null, ("levers[0].unit_cost_krw", 5e7, 2e8));
        var row = Rows(1, p.Layout.ColumnCount, seed: 11)[0];
        var u = row.Coordinates.ToArray();
        u[2] = u[2] < 0.5 ? u[2] + 0.4 : u[2] - 0.4; // b_wage, b_net, then the range: column 2
        Assert.Equal("levers[0].unit_cost_krw", p.Factors[2].Name);
        var results = DesignRunner.Run(p, [row, row with { Coordinates = u }], 1, threads: 2, [Home]);
        Assert.Equal(results.Scenario[0][0], results.Scenario[1][0]);

        // ... and changing the seed alone changes the series: chance is a factor.
        var again = DesignRunner.Run(p, [row, row with { Replication = row.Replication + 1 }], 1, threads: 2, [Home]);
        Assert.NotEqual(again.Scenario[0][0], again.Scenario[1][0]);
    }

    [Fact]
    public void A_factor_the_model_does_not_read_gets_an_st_of_exactly_zero_and_chance_a_share_of_its_own()
    {
        var p = Problem(Import(Baseline()), null, ("levers[0].unit_cost_krw", 5e7, 2e8));
        var home = new SensitivityQuantity(Home, QuantityKind.Level);
        var cost = new SensitivityQuantity(PolicyCostCumulative, QuantityKind.Level);
        var s = SensitivityAnalysis.Sobol(p, SensitivityAnalysis.SobolDesign(p, baseCount: 16, secondOrder: false, seed: 3), threads: 2, [home, cost], [35]);
        Assert.Equal(["coefficients.b_wage", "coefficients.b_net", "levers[0].unit_cost_krw", SensitivityFactor.ChanceName], s.FactorNames);
        Assert.Equal(16 * (4 + 2), s.Results.Rows);

        var onHome = s.Indices.Single(i => i.Quantity == home).Result;
        Assert.Equal(IndexStatus.Defined, onHome.Status);
        var unitCost = onHome.Factors[2];
        Assert.Equal(0.0, unitCost.Total!.Value.Value);
        Assert.Equal(0.0, unitCost.FirstOrder!.Value.Value);
        // Chance moves the home stock (2,850 researchers at home over three years): its ST is above zero.
        Assert.True(onHome.Factors[3].Total!.Value.Value > 0, $"chance's ST {onHome.Factors[3].Total}");

        // The cost, on the other hand, is the unit cost's alone (times the count): ST near 1, the coefficients' and chance's exactly 0.
        var onCost = s.Indices.Single(i => i.Quantity == cost).Result;
        Assert.Equal(IndexStatus.Defined, onCost.Status);
        Assert.Equal(0.0, onCost.Factors[3].Total!.Value.Value);
        Assert.Equal(0.0, onCost.Factors[0].Total!.Value.Value);
        // Its exact ST is 1. At N = 16 Jansen's estimator of a lone linear factor has a relative sd of about
        // 1.2 / sqrt(16) = 0.3 with plain random points (less on a Sobol net): the estimate within 0.3, and its
        // bootstrap interval containing 1.
        var st = onCost.Factors[2].Total!.Value;
        Assert.InRange(st.Value, 0.7, 1.3);
        Assert.InRange(1.0, st.Lower, st.Upper);
    }

    [Fact]
    public void With_b_gpu_zero_every_index_of_the_gpu_imports_effect_is_undefined_for_zero_variance()
    {
        var p = Problem(Import(Baseline(bGpu: 0)), Baseline(bGpu: 0));
        var effect = new SensitivityQuantity(Home, QuantityKind.Effect);
        var cost = new SensitivityQuantity(Home, QuantityKind.ExtraCost);
        var sobol = SensitivityAnalysis.Sobol(p, SensitivityAnalysis.SobolDesign(p, baseCount: 8, secondOrder: false, seed: 5), threads: 2, [effect, cost], [35]);
        var result = sobol.Indices[0].Result;
        Assert.Equal(IndexStatus.ZeroVariance, result.Status);
        Assert.Equal("undefined: zero variance", result.Status.Describe());
        Assert.All(result.Factors, f => Assert.Null(f.Total));
        Assert.Equal(0.0, sobol.Indices[0].Output.Sd);
        // The import's cost is the same at every row too: its mean is that cost exactly and its sd exactly 0 (a plain
        // mean of equal values of about 2e11 KRW is off in its last bits, which gave a small sd).
        var costs = sobol.Results.Values(cost, 35);
        Assert.Equal(IndexStatus.ZeroVariance, sobol.Indices[1].Result.Status);
        Assert.Equal((costs[0], 0.0), (sobol.Indices[1].Output.Mean, sobol.Indices[1].Output.Sd));

        var morris = SensitivityAnalysis.Morris(p, new MorrisDesign(p.Layout, trajectories: 4, seed: 5, levels: 4), threads: 2, [effect], [35]);
        Assert.Equal(IndexStatus.ZeroVariance, Assert.Single(morris.Effects).Result.Status);
    }

    [Fact]
    public void A_dirichlet_share_set_is_one_grouped_factor_whose_shares_sum_to_one()
    {
        var sectors = new DistributionSpec
        {
            Dist = DistributionKind.Dirichlet,
            Concentration = new Dictionary<string, double> { ["academia"] = 30, ["industry"] = 55, ["institute"] = 15 },
        };
        var scenario = Baseline() with { Uncertainty = [.. Baseline().Uncertainty, new UncertainParameter("sectors", sectors)] };
        var p = Problem(scenario, null);
        var grouped = p.Factors.Single(f => f.Kind == FactorKind.Dirichlet);
        Assert.Equal("sectors", grouped.Name);
        Assert.Equal(3, grouped.Columns);
        Assert.Equal(2 + 3, p.Layout.ColumnCount);
        Assert.Equal(3, p.Layout.Width(p.Factors.ToList().IndexOf(grouped)));

        var (at, _) = p.At([0.5, 0.5, 0.2, 0.7, 0.4]);
        Assert.Equal(1.0, at.Sectors.Sum(s => s.Share), 12);
        Assert.True(at.Sectors[1].Share > at.Sectors[0].Share, "industry's concentration is the largest, and its coordinate too");
        // Equal coordinates give the shares in proportion to gamma quantiles at one level: the medians' ratios.
        var (mid, _) = p.At([0.5, 0.5, 0.5, 0.5, 0.5]);
        Assert.InRange(mid.Sectors[1].Share, 0.54, 0.56);
        var s = SensitivityAnalysis.Sobol(p, SensitivityAnalysis.SobolDesign(p, baseCount: 8, secondOrder: false, seed: 2), threads: 2, [new SensitivityQuantity(Home, QuantityKind.Level)], [35]);
        Assert.Equal(["coefficients.b_wage", "coefficients.b_net", "sectors", SensitivityFactor.ChanceName], s.FactorNames);
        Assert.Equal(IndexStatus.Defined, s.Indices[0].Result.Status);
    }
}
