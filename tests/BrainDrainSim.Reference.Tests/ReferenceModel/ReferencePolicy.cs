using BrainDrainSim.Model;
using BrainDrainSim.Model.Levers;

namespace BrainDrainSim.Reference.Tests.ReferenceModel;

/// <summary>
/// What the levers do in one month (model.md 1.3 step 1, 3.3.2 and 3.3.7), worked out from the scenario's
/// lever list for that month alone: the visa rules, the top-ups, vouchers, return incentives, entrants'
/// multiplier and degree mix, the imported compute per sector, and the costs that do not depend on who is
/// where. Recomputed from scratch every month: the reference keeps no running state for levers.
/// </summary>
internal sealed class ReferencePolicy
{
    public required ReferenceVisaRules Visa { get; init; }
    public required SalaryTopup[] Topups { get; init; }

    /// <summary>H100e per researcher added by vouchers, by sector.</summary>
    public required double[] VoucherH100e { get; init; }

    /// <summary>KRW per person at home per month that the vouchers cost, by sector.</summary>
    public required double[] VoucherKrwPerPerson { get; init; }

    /// <summary>Total H100e of the GPU cohorts in service sent to each sector (before dividing by persons).</summary>
    public required double[] CohortH100e { get; init; }

    /// <summary>Sum over active return incentives of bonus / bonus years (KRW per year).</summary>
    public required double ReturnBonusPerYear { get; init; }

    /// <summary>Sum of the guaranteed H100e of the active return incentives that guarantee something.</summary>
    public required double ReturnGuaranteeH100e { get; init; }

    /// <summary>The active return incentives (each return pays their bonuses and commits their guarantees).</summary>
    public required ReturnIncentive[] ReturnIncentives { get; init; }

    /// <summary>The product of the active education multipliers.</summary>
    public required double EntrantMultiplier { get; init; }

    /// <summary>The degree mix of students who graduate this month.</summary>
    public required DegreeShares GraduationDegrees { get; init; }

    /// <summary>GPU purchases and running costs, and education costs, of the month (KRW).</summary>
    public required double FixedCostKrw { get; init; }

    /// <summary>The month's inputs from the timeline (model.md 3.2): exchange rate, graduates per year, pay growth since the start.</summary>
    public required double KrwPerUsd { get; init; }
    public required double AnnualGraduates { get; init; }
    public required double HomeGrowth { get; init; }
    public required double AbroadGrowth { get; init; }

    /// <summary>
    /// The timeline's value of one input in a month: the value of the last entry, in month order, that gives it and
    /// starts at or before the month; the scenario's own value when there is none.
    /// </summary>
    private static double Input(Scenario scenario, YearMonth month, Func<TimelineEntry, double?> key, double own)
    {
        double value = own;
        foreach (var entry in scenario.Timeline.OrderBy(e => e.From!.Value.Ordinal))
            if (entry.From!.Value <= month && key(entry) is { } v) value = v;
        return value;
    }

    /// <summary>Pay growth from the start to month t: each month compounds one twelfth of a year at the rate the timeline gives it.</summary>
    private static double Growth(Scenario scenario, int t, Func<TimelineEntry, double?> key, double own)
    {
        double index = 1;
        for (int u = 0; u < t; u++)
            index *= Math.Pow(1 + Input(scenario, scenario.Start.AddMonths(u), key, own), 1 / 12.0);
        return index;
    }

    /// <summary>Whether <paramref name="lever"/> applies in <paramref name="month"/>: from the start of at through the end of until.</summary>
    public static bool IsActive(Lever lever, YearMonth month, int lag)
    {
        int m = month.Ordinal - lag;
        return m >= lever.At.Ordinal && (lever.Until is not { } until || m <= until.Ordinal);
    }

    public static ReferencePolicy For(Scenario scenario, int t, ReferencePerturbation perturbation)
    {
        var month = scenario.Start.AddMonths(t);
        int lag = perturbation.LeverLagMonths;
        int sectors = scenario.Sectors.Length;
        var v = scenario.Visa;
        // The timeline first (model.md 3.2), then the levers on top of it.
        double selection = Input(scenario, month, e => e.SelectionRate, v.SelectionRate),
            advanced = Input(scenario, month, e => e.AdvancedRoundRate, v.AdvancedRoundRate), fee = v.FeeUsd,
            talentRoute = Input(scenario, month, e => e.TalentRouteRate, v.TalentRouteRate),
            other = Input(scenario, month, e => e.OtherPassRate, v.OtherPassRate),
            study = Input(scenario, month, e => e.StudyPassRate, v.StudyPassRate);
        double graduates = Input(scenario, month, e => e.AnnualGraduates, scenario.Careers.AnnualGraduates);
        var topups = new List<SalaryTopup>();
        var voucherH100e = new double[sectors];
        var voucherKrw = new double[sectors];
        var cohort = new double[sectors];
        var returns = new List<ReturnIncentive>();
        double bonusPerYear = 0, guarantee = 0, multiplier = 1, fixedCost = 0;
        var degrees = scenario.Careers.GraduationDegrees;
        int lifeMonths = (int)Math.Round(12 * scenario.Compute.ServiceLifeYears, MidpointRounding.AwayFromZero);

        foreach (var lever in scenario.Levers)
        {
            if (lever is GpuImport gpu)
            {
                // A cohort arrives at the start of its month (age 0) and serves while its age is below the life.
                int age = month.Ordinal - (gpu.At.Ordinal + lag);
                if (age < 0 || age >= lifeMonths) continue;
                double perUnit = gpu.Mix.Sum(m => m.Share * m.H100ePerUnit);
                double value = gpu.Count * perUnit * gpu.Utilisation * Math.Pow(0.5, age / 12.0 / scenario.Compute.HalfLifeYears);
                foreach (var (name, share) in gpu.SectorShares!)
                    cohort[scenario.SectorIndex(name)] += value * share;
                // A validated scenario gives every cost it needs.
                if (age == 0) fixedCost += gpu.Count * gpu.UnitCostKrw!.Value;
                fixedCost += gpu.Count * gpu.RunningCostKrwPerGpuYear!.Value / 12;
                continue;
            }
            if (!IsActive(lever, month, lag)) continue;
            switch (lever)
            {
                case SalaryTopup topup:
                    topups.Add(topup);
                    break;
                case ComputeVoucher voucher:
                    for (int s = 0; s < sectors; s++)
                    {
                        if (voucher.Sector is { } only && scenario.Sectors[s].Name != only) continue;
                        voucherH100e[s] += voucher.GpuHoursPerResearcherPerMonth / 730.0;
                        voucherKrw[s] += voucher.GpuHoursPerResearcherPerMonth * voucher.PriceKrwPerGpuHour!.Value;
                    }
                    break;
                case ReturnIncentive incentive:
                    returns.Add(incentive);
                    bonusPerYear += incentive.BonusKrw / incentive.BonusYears;
                    if (incentive.GuaranteeMonths > 0) guarantee += incentive.GuaranteedH100e;
                    break;
                case VisaPolicy policy:
                    // Later levers in the list win, key by key.
                    selection = policy.SelectionRate ?? selection;
                    advanced = policy.AdvancedRoundRate ?? advanced;
                    fee = policy.FeeUsd ?? fee;
                    talentRoute = policy.TalentRouteRate ?? talentRoute;
                    other = policy.OtherPassRate ?? other;
                    study = policy.StudyPassRate ?? study;
                    break;
                case Education education:
                    // docs/model.md 3.3.7: each lever pays for the entrants it adds to those of the levers before it.
                    double before = multiplier;
                    multiplier *= education.GraduatesMultiplier;
                    if (education.GraduationDegrees is { } mix) degrees = mix;
                    fixedCost += graduates / 12.0 * (multiplier - before) * (education.CostKrwPerExtraGraduate ?? 0);
                    break;
                default:
                    throw new NotSupportedException($"the reference model does not know the lever type {lever.Type}");
            }
        }

        return new ReferencePolicy
        {
            Visa = new ReferenceVisaRules
            {
                UsShare = v.UsShare, SelectionRate = selection, AdvancedRoundRate = advanced, FeeUsd = fee,
                FeeElasticity = v.FeeElasticity, TalentRouteRate = talentRoute, OtherPassRate = other, StudyPassRate = study,
                UsWorkEntryRate = Input(scenario, month, e => e.UsWorkEntryRate, v.UsWorkEntryRate),
                UsStudyEntryRate = Input(scenario, month, e => e.UsStudyEntryRate, v.UsStudyEntryRate),
            },
            KrwPerUsd = Input(scenario, month, e => e.KrwPerUsd, scenario.KrwPerUsd),
            AnnualGraduates = graduates,
            HomeGrowth = Growth(scenario, t, e => e.HomeGrowthPerYear, scenario.Pay.HomeGrowthPerYear),
            AbroadGrowth = Growth(scenario, t, e => e.AbroadGrowthPerYear, scenario.Pay.AbroadGrowthPerYear),
            Topups = [.. topups],
            VoucherH100e = voucherH100e,
            VoucherKrwPerPerson = voucherKrw,
            CohortH100e = cohort,
            ReturnBonusPerYear = bonusPerYear,
            ReturnGuaranteeH100e = guarantee,
            ReturnIncentives = [.. returns],
            EntrantMultiplier = multiplier,
            GraduationDegrees = degrees,
            FixedCostKrw = fixedCost,
        };
    }
}
