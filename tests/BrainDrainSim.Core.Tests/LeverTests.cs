using BrainDrainSim.Engine;
using BrainDrainSim.Model;
using BrainDrainSim.Model.Levers;
using BrainDrainSim.MonteCarlo;
using BrainDrainSim.Randomness;
using static BrainDrainSim.Model.MetricCatalog;

namespace BrainDrainSim.Core.Tests;

/// <summary>
/// Each lever moves its outcome in the expected direction, on the ensemble mean of paired runs (same
/// seed, so the same draws researcher by researcher). The runs are deterministic, so these are not flaky;
/// they are paired comparisons the model makes provable in expectation, checked on 8 paired runs.
/// </summary>
public class LeverTests
{
    private const int Runs = 8;
    private const ulong Seed = 2024;
    private static readonly YearMonth At = new(2025, 7);

    private static Scenario Base => TestScenarios.Small(months: 48);

    private static double FinalMean(Scenario s, string metric)
    {
        var e = MonteCarloRunner.Run(s.Validate(), Runs, Seed, threads: 2);
        int m = e.MetricIndex(metric);
        return e.Runs.Average(r => r.Series[m][^1]);
    }

    private static double TotalMean(Scenario s, string metric)
    {
        var e = MonteCarloRunner.Run(s.Validate(), Runs, Seed, threads: 2);
        int m = e.MetricIndex(metric);
        return e.Runs.Average(r => r.Series[m].Sum());
    }

    private static Scenario With(params Lever[] levers) => Base with { Levers = levers };

    [Fact]
    public void A_larger_top_up_does_not_lower_the_home_stock()
    {
        double small = FinalMean(With(new SalaryTopup { At = At, Fraction = 0.1 }), Home);
        double large = FinalMean(With(new SalaryTopup { At = At, Fraction = 0.5 }), Home);
        double none = FinalMean(Base, Home);
        Assert.True(small >= none, $"10% top-up {small} vs none {none}");
        Assert.True(large > small, $"50% top-up {large} vs 10% {small}");
    }

    [Fact]
    public void A_top_up_costs_money()
    {
        Assert.Equal(0, FinalMean(Base, PolicyCostCumulative));
        Assert.True(FinalMean(With(new SalaryTopup { At = At, AmountKrwPerYear = 10e6, TopTalentOnly = true }), PolicyCostCumulative) > 0);
    }

    [Fact]
    public void A_lower_selection_rate_does_not_lower_the_home_stock()
    {
        double open = FinalMean(With(new VisaPolicy { At = At, SelectionRate = 0.6 }), Home);
        double shut = FinalMean(With(new VisaPolicy { At = At, SelectionRate = 0.1 }), Home);
        Assert.True(shut > open, $"q=0.1: {shut} vs q=0.6: {open}");
    }

    [Fact]
    public void A_petition_fee_lowers_emigration()
    {
        double none = TotalMean(Base, Emigrations);
        double fee = TotalMean(With(new VisaPolicy { At = At, FeeUsd = 100_000 }), Emigrations);
        Assert.True(fee < none, $"fee {fee} vs none {none}");
    }

    [Fact]
    public void A_gpu_import_raises_compute_and_keeps_researchers_when_compute_matters()
    {
        var import = new GpuImport
        {
            At = At, Count = 500, Mix = [new GpuModelShare { Model = "H200", Share = 1, H100ePerUnit = 1.5 }],
            SectorShares = new Dictionary<string, double> { ["academia"] = 1.0 }, UnitCostKrw = 146e6, RunningCostKrwPerGpuYear = 0,
        };
        var withImport = With(import);
        Assert.True(FinalMean(withImport, ComputePerHomeResearcherPrefix + "academia") > FinalMean(Base, ComputePerHomeResearcherPrefix + "academia"));
        Assert.True(FinalMean(withImport, Home) > FinalMean(Base, Home));
        Assert.Equal(500 * 146e6, FinalMean(withImport, PolicyCostCumulative), 1e-3);
    }

    [Fact]
    public void With_b_gpu_zero_a_gpu_import_leaves_every_population_series_byte_identical()
    {
        var noGpu = Base with { Coefficients = Base.Coefficients with { BGpu = 0 } };
        var import = new GpuImport
        {
            At = At, Count = 2000, SectorShares = new Dictionary<string, double> { ["academia"] = 0.5, ["industry"] = 0.5 },
            UnitCostKrw = 1e8, RunningCostKrwPerGpuYear = 1e7,
        };
        var a = MonteCarloRunner.Run(noGpu.Validate(), 4, Seed, 2);
        var b = MonteCarloRunner.Run((noGpu with { Levers = [import] }).Validate(), 4, Seed, 2);
        int changed = 0;
        for (int m = 0; m < a.Metrics.Count; m++)
        {
            var name = a.Metrics[m].Name;
            bool mayChange = name.StartsWith(ComputePerHomeResearcherPrefix, StringComparison.Ordinal) || name.StartsWith("policy_cost", StringComparison.Ordinal);
            for (int r = 0; r < 4; r++)
            {
                bool same = InvariantTests.Bits(a.Runs[r].Series[m]).SequenceEqual(InvariantTests.Bits(b.Runs[r].Series[m]));
                if (!mayChange) Assert.True(same, $"{name} changed in run {r}");
                else if (!same) changed++;
            }
        }
        Assert.True(changed > 0, "compute and cost must change");
    }

    [Fact]
    public void A_return_incentive_raises_returns()
    {
        double none = TotalMean(Base, Returns);
        double bonus = TotalMean(With(new ReturnIncentive { At = At, BonusKrw = 300e6, BonusYears = 3, GuaranteedH100e = 2, GuaranteeMonths = 24, PriceKrwPerGpuHour = 3000 }), Returns);
        Assert.True(bonus > none, $"incentive {bonus} vs none {none}");
    }

    [Fact]
    public void An_education_lever_adds_entrants_and_costs()
    {
        var edu = With(new Education { At = At, GraduatesMultiplier = 1.5, CostKrwPerExtraGraduate = 50e6 });
        Assert.True(TotalMean(edu, Entrants) > TotalMean(Base, Entrants));
        Assert.True(FinalMean(edu, PolicyCostCumulative) > 0);
    }

    [Fact]
    public void A_compute_voucher_raises_the_sector_compute_and_the_home_stock()
    {
        var voucher = With(new ComputeVoucher { At = At, Sector = "academia", GpuHoursPerResearcherPerMonth = 730, PriceKrwPerGpuHour = 2500 });
        string metric = ComputePerHomeResearcherPrefix + "academia";
        Assert.Equal(Base.Sectors[0].BaselineComputeH100e + 1, FinalMean(voucher, metric), 1e-9);
        Assert.True(FinalMean(voucher, Home) > FinalMean(Base, Home));
    }

    [Fact]
    public void Entrants_are_keyed_by_month_and_rank_so_more_graduates_change_no_one_else()
    {
        var sc = Base;
        var more = With(new Education { At = At, GraduatesMultiplier = 2, CostKrwPerExtraGraduate = 0 });
        var key = StreamKey.FromSeed(StreamKey.ReplicationSeed(Seed, 0));
        var a = new Simulation(sc.Validate(), PolicySchedule.Build(sc.Validate()), key);
        var b = new Simulation(more.Validate(), PolicySchedule.Build(more.Validate()), key);
        a.Run(out _);
        b.Run(out _);
        var pa = a.Population;
        var pb = b.Population;
        Assert.True(pb.Count > pa.Count);
        // The initial researchers live exactly the same lives.
        for (int i = 0; i < a.InitialCount; i++)
        {
            Assert.Equal(pa.Location[i], pb.Location[i]);
            Assert.Equal(pa.State[i].Stage, pb.State[i].Stage);
        }
        // An entrant with the same (month, rank) in both runs has the same attributes.
        var byKey = new Dictionary<(uint, uint), int>();
        for (int i = a.InitialCount; i < pb.Count; i++) byKey[pb.Entity(i)] = i;
        int matched = 0;
        for (int i = a.InitialCount; i < pa.Count; i++)
        {
            int j = byKey[pa.Entity(i)];
            Assert.Equal(pa.Traits[i].Talent, pb.Traits[j].Talent);
            Assert.Equal(pa.State[i].Sector, pb.State[j].Sector);
            Assert.Equal(pa.Traits[i].OfferFactor, pb.Traits[j].OfferFactor);
            matched++;
        }
        Assert.True(matched > 100);
    }

    [Fact]
    public void Two_education_levers_pay_for_the_entrants_they_add_together()
    {
        // 1.2 x 1.2 = 1.44: 44% more entrants, so 0.44 of a month's graduates are paid for (20% + 24%), not 40%.
        var lever = new Education { At = At, GraduatesMultiplier = 1.2, CostKrwPerExtraGraduate = 60e6 };
        var plan = PolicySchedule.Build(With(lever, lever).Validate());
        double graduates = Base.Careers.AnnualGraduates / 12.0;
        var month = plan[At.MonthsSince(Base.Start)];
        Assert.Equal(graduates * 0.44 * 60e6, month.EducationCost, 1e-6 * graduates * 60e6);
        // One lever alone pays for exactly its own 20%.
        Assert.Equal(graduates * 0.2 * 60e6, PolicySchedule.Build(With(lever).Validate())[At.MonthsSince(Base.Start)].EducationCost, 1e-6);
    }
}
