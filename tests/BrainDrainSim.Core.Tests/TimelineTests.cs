using BrainDrainSim.Engine;
using BrainDrainSim.Model;
using BrainDrainSim.Model.Levers;
using BrainDrainSim.MonteCarlo;
using static BrainDrainSim.Model.MetricCatalog;

namespace BrainDrainSim.Core.Tests;

/// <summary>
/// The timeline (docs/model.md 3.2): dated changes of inputs. Where a timeline and another way of writing the same
/// inputs must agree, the runs are compared bit for bit (same seed, same draws); where it must move an outcome, on
/// paired runs as in <see cref="LeverTests"/>.
/// </summary>
public class TimelineTests
{
    private const int Runs = 6;
    private const ulong Seed = 77;
    private static readonly YearMonth Start = new(2025, 1);

    private static Scenario Base => TestScenarios.Small(months: 36);

    private static EnsembleResult Run(Scenario s) => MonteCarloRunner.Run(s.Validate(), Runs, Seed, threads: 2);

    private static void AssertSameSeries(EnsembleResult a, EnsembleResult b)
    {
        for (int r = 0; r < Runs; r++)
            for (int m = 0; m < a.Metrics.Count; m++)
                Assert.Equal(a.Runs[r].Series[m], b.Runs[r].Series[m]);
    }

    [Fact]
    public void An_entry_from_a_month_to_the_horizon_acts_as_a_visa_policy_lever_would()
    {
        var at = Start.AddMonths(10);
        var byLever = Base with { Levers = [new VisaPolicy { At = at, SelectionRate = 0.7, StudyPassRate = 0.2 }] };
        var byTimeline = Base with { Timeline = [new TimelineEntry { From = at, SelectionRate = 0.7, StudyPassRate = 0.2 }] };
        AssertSameSeries(Run(byLever), Run(byTimeline));
    }

    [Fact]
    public void Entries_before_the_start_set_the_values_of_the_first_month()
    {
        var own = Base with { KrwPerUsd = 1200, Visa = Base.Visa with { SelectionRate = 0.5 } };
        var timeline = Base with
        {
            Timeline =
            [
                new TimelineEntry { From = Start.AddMonths(-24), KrwPerUsd = 1000, SelectionRate = 0.5 },
                new TimelineEntry { From = Start.AddMonths(-12), KrwPerUsd = 1200 },
            ],
        };
        AssertSameSeries(Run(own), Run(timeline));
    }

    [Fact]
    public void A_growth_rate_given_again_unchanged_leaves_every_bit_as_it_was()
    {
        // The piecewise index is 1 x (1 + g)^(t/12) while the rate has not changed: the constant-rate index itself.
        var timeline = Base with
        {
            Timeline =
            [
                new TimelineEntry { From = Start.AddMonths(7), HomeGrowthPerYear = Base.Pay.HomeGrowthPerYear, AbroadGrowthPerYear = Base.Pay.AbroadGrowthPerYear },
            ],
        };
        AssertSameSeries(Run(Base), Run(timeline));
    }

    [Fact]
    public void A_growth_rate_that_changes_compounds_from_its_month_without_a_jump()
    {
        var s = Base with
        {
            Pay = Base.Pay with { HomeGrowthPerYear = 0.03, AbroadGrowthPerYear = 0.0 },
            Timeline = [new TimelineEntry { From = Start.AddMonths(12), HomeGrowthPerYear = 0.10, AbroadGrowthPerYear = -0.05 }],
        };
        var months = PolicySchedule.Build(s.Validate());
        double level = Base.Pay.HomeKrwPerYear.Early * Base.Sectors[0].PayMultiplier;
        double HomeIndex(int t) => months[t].HomePayBase[(int)Stage.Early] / level;
        double OfferIndex(int t) => months[t].OfferBaseKrw[(int)Stage.Early] / (Base.Pay.OfferUsdPerYear.Early * Base.KrwPerUsd);
        Assert.Equal(Math.Pow(1.03, 11 / 12.0), HomeIndex(11), 12);
        Assert.Equal(1.03, HomeIndex(12), 12);
        Assert.Equal(1.03 * Math.Pow(1.10, 1 / 12.0), HomeIndex(13), 12);
        Assert.Equal(1.03 * Math.Pow(1.10, 23 / 12.0), HomeIndex(35), 12);
        Assert.Equal(1.0, OfferIndex(12), 12);
        Assert.Equal(Math.Pow(0.95, 23 / 12.0), OfferIndex(35), 12);
    }

    [Fact]
    public void The_exchange_rate_and_graduates_take_the_timeline_value_of_each_month()
    {
        var s = Base with
        {
            Timeline =
            [
                new TimelineEntry { From = Start.AddMonths(6), KrwPerUsd = 1000, AnnualGraduates = 1200 },
                new TimelineEntry { From = Start.AddMonths(18), KrwPerUsd = 1500 },
            ],
        };
        var months = PolicySchedule.Build(s.Validate());
        Assert.Equal(Base.KrwPerUsd, months[5].KrwPerUsd);
        Assert.Equal(1000, months[6].KrwPerUsd);
        Assert.Equal(1000, months[17].KrwPerUsd);
        Assert.Equal(1500, months[18].KrwPerUsd);
        // 150 a year before month 6, 1,200 (100 a month) after it; the fraction is carried, never lost.
        Assert.InRange(months.Take(6).Sum(m => m.Entrants), 74, 75);
        Assert.All(months.Skip(7), m => Assert.Equal(100, m.Entrants));
    }

    [Fact]
    public void While_US_entry_is_suspended_nobody_enters_the_US_from_home()
    {
        var from = Start.AddMonths(6);
        var until = Start.AddMonths(18);
        var s = Base with
        {
            Timeline =
            [
                new TimelineEntry { From = from, UsWorkEntryRate = 0, UsStudyEntryRate = 0 },
                new TimelineEntry { From = until, UsWorkEntryRate = 1, UsStudyEntryRate = 1 },
            ],
        };
        var suspended = Run(s);
        var open = Run(Base);
        int us = suspended.MetricIndex(AbroadUs), blocked = suspended.MetricIndex(VisaBlocked), emigrations = suspended.MetricIndex(Emigrations);
        for (int r = 0; r < Runs; r++)
        {
            var series = suspended.Runs[r].Series;
            // No entry, so the stock in the US can only fall (returns, exits) while suspended.
            for (int t = 6; t < 18; t++) Assert.True(series[us][t] <= series[us][t - 1], $"run {r} month {t}: {series[us][t - 1]} -> {series[us][t]}");
        }
        double Sum(EnsembleResult e, int m, int from, int to) => e.Runs.Average(r => r.Series[m][from..to].Sum());
        Assert.True(Sum(suspended, blocked, 6, 18) > Sum(open, blocked, 6, 18), "more intents blocked while entry is suspended");
        Assert.True(Sum(suspended, emigrations, 6, 18) < Sum(open, emigrations, 6, 18), "fewer emigrations while entry is suspended");
        // Before the suspension the two runs are the same researcher by researcher.
        for (int r = 0; r < Runs; r++)
            Assert.Equal(open.Runs[r].Series[us][..6], suspended.Runs[r].Series[us][..6]);
    }

    [Fact]
    public void A_dearer_dollar_raises_emigration()
    {
        // Offers are in USD: at more won per dollar they are worth more at home, so more intents form.
        var dear = Base with { Timeline = [new TimelineEntry { From = Start, KrwPerUsd = 2000 }] };
        var cheap = Base with { Timeline = [new TimelineEntry { From = Start, KrwPerUsd = 900 }] };
        int e = Run(dear).MetricIndex(Emigrations);
        double Total(Scenario s) => Run(s).Runs.Average(r => r.Series[e].Sum());
        Assert.True(Total(dear) > Total(cheap), "emigrations at 2,000 won per dollar exceed those at 900");
    }
}
