using BrainDrainSim.Model;

namespace BrainDrainSim.Engine;

/// <summary>
/// Everything the levers and the calendar fix for one month before any researcher decides: effective
/// visa rules, top-ups by group, compute added per sector, costs that do not depend on who moves,
/// and the month's entrants. Computed once per scenario, shared by all replications.
/// </summary>
internal sealed class MonthPolicy
{
    public required VisaSpec Visa { get; init; }

    /// <summary>Top-up fraction and amount (KRW per year) by group = (sector * 4 + stage) * 2 + topTalent.</summary>
    public required double[] TopupPercent { get; init; }
    public required double[] TopupAmount { get; init; }

    /// <summary>H100e from GPU cohorts in service going to each sector (a total, not per head).</summary>
    public required double[] CohortH100e { get; init; }

    /// <summary>Voucher compute per researcher at home in each sector (H100e) and its cost per person (KRW).</summary>
    public required double[] VoucherH100e { get; init; }
    public required double[] VoucherCostPerPerson { get; init; }

    /// <summary>Return bonus: the yearly amount it adds to the home pay a researcher abroad compares against, and what one return costs.</summary>
    public double BonusPerYear { get; init; }
    public double BonusPerReturn { get; init; }

    /// <summary>Compute guaranteed to returners (H100e), entering their return comparison.</summary>
    public double GuaranteedH100e { get; init; }

    /// <summary>Guaranteed compute a return this month commits: per-month cost (KRW per returner) and duration (months), one entry per active lever.</summary>
    public required (double CostPerMonth, int Months)[] Guarantees { get; init; }

    /// <summary>Purchases and running costs of GPU cohorts this month (KRW), not scaled by agent_scale.</summary>
    public double GpuCost { get; init; }

    /// <summary>Education lever cost this month (KRW): fractional extra graduates times their unit cost.</summary>
    public double EducationCost { get; init; }

    public required DegreeShares GraduationDegrees { get; init; }

    /// <summary>Agents entering at home this month (after agent_scale; the fraction carried deterministically).</summary>
    public int Entrants { get; init; }

    /// <summary>Pay levels this month: home pay by (sector * 4 + stage) in KRW per year before the personal factor; the US offer by stage in KRW per year.</summary>
    public required double[] HomePayBase { get; init; }
    public required double[] OfferBaseKrw { get; init; }

    /// <summary>The month's exchange rate (KRW per USD): the scenario's, or the timeline's.</summary>
    public double KrwPerUsd { get; init; }

    /// <summary>Compute per researcher abroad this month (H100e).</summary>
    public double ComputeAbroad { get; init; }
}
