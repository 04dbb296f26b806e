using System.Diagnostics.CodeAnalysis;

namespace BrainDrainSim.Model;

/// <summary>
/// A dated change of the scenario's inputs, not a policy: from the start of month <see cref="From"/> each key the
/// entry gives replaces the scenario's value (named in its summary) until a later entry gives that key again.
/// Entries may lie before the start (the latest one at or before a month applies), so a history's timeline still
/// holds when a scenario extending it starts later. The exchange rate and pay growth of past years, the H-1B
/// lottery of each cap season and the 2020-21 US entry suspension are written this way. A visa_policy lever
/// active in a month overrides the visa keys on top of it.
/// </summary>
public sealed record TimelineEntry
{
    /// <summary>The first month the entry's values hold (until a later entry gives the same key).</summary>
    [DisallowNull] public YearMonth? From { get; init; }

    /// <summary>Replaces krw_per_usd (the exchange rate of the pay comparison and of the fee against the offer).</summary>
    [Plausible(500, 3000, Why = "the won has traded between about 700 and 2,000 per dollar since 1997")]
    [Bounds(0, 1e6, MinExclusive = true), Unit("KRW per USD")] public double? KrwPerUsd { get; init; }

    /// <summary>Replaces pay.home_growth_per_year: home pay levels grow at this rate from this month.</summary>
    [Plausible(-0.05, 0.15, Why = "nominal pay growth outside -5% to +15% a year; rates are written 0.03 for 3%")]
    [Bounds(-0.5, 1), Unit("per year")] public double? HomeGrowthPerYear { get; init; }

    /// <summary>Replaces pay.abroad_growth_per_year: offer levels abroad grow at this rate from this month.</summary>
    [Plausible(-0.05, 0.15, Why = "nominal pay growth outside -5% to +15% a year; rates are written 0.03 for 3%")]
    [Bounds(-0.5, 1), Unit("per year")] public double? AbroadGrowthPerYear { get; init; }

    /// <summary>Replaces careers.annual_graduates (new researchers at home per year, before agent_scale).</summary>
    [Plausible(0, 1e6, Why = "more than a million new AI researchers a year")]
    [Bounds(0, 1e8), Unit("persons per year")] public double? AnnualGraduates { get; init; }

    /// <summary>Replaces visa.selection_rate (the H-1B lottery's rate of the cap season).</summary>
    [Plausible(0, 1)]
    [Bounds(0, 1)] public double? SelectionRate { get; init; }

    /// <summary>Replaces visa.advanced_round_rate.</summary>
    [Plausible(0, 1)]
    [Bounds(0, 1)] public double? AdvancedRoundRate { get; init; }

    /// <summary>Replaces visa.talent_route_rate.</summary>
    [Plausible(0, 1)]
    [Bounds(0, 1)] public double? TalentRouteRate { get; init; }

    /// <summary>Replaces visa.study_pass_rate.</summary>
    [Plausible(0, 1)]
    [Bounds(0, 1)] public double? StudyPassRate { get; init; }

    /// <summary>Replaces visa.other_pass_rate.</summary>
    [Plausible(0, 1)]
    [Bounds(0, 1)] public double? OtherPassRate { get; init; }

    /// <summary>Replaces visa.us_work_entry_rate (0 while the US suspends work-visa entry from abroad).</summary>
    [Plausible(0, 1)]
    [Bounds(0, 1)] public double? UsWorkEntryRate { get; init; }

    /// <summary>Replaces visa.us_study_entry_rate (0 while US consulates issue no study visas).</summary>
    [Plausible(0, 1)]
    [Bounds(0, 1)] public double? UsStudyEntryRate { get; init; }

    /// <summary>True when the entry gives at least one value.</summary>
    public bool ChangesAnything =>
        KrwPerUsd is not null || HomeGrowthPerYear is not null || AbroadGrowthPerYear is not null || AnnualGraduates is not null ||
        SelectionRate is not null || AdvancedRoundRate is not null || TalentRouteRate is not null || StudyPassRate is not null ||
        OtherPassRate is not null || UsWorkEntryRate is not null || UsStudyEntryRate is not null;
}
