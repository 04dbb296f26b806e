using BrainDrainSim.Model;
using BrainDrainSim.Model.Levers;

namespace BrainDrainSim.Engine;

/// <summary>Builds the <see cref="MonthPolicy"/> of every month from a scenario (model.md, step 1 and conventions).</summary>
internal static class PolicySchedule
{
    public const int Stages = 4;

    public static int Group(int sector, int stage, bool top) => ((sector * Stages) + stage) * 2 + (top ? 1 : 0);

    public static MonthPolicy[] Build(ValidatedScenario validated)
    {
        var sc = validated.Scenario;
        int nSectors = sc.Sectors.Length;
        var months = new MonthPolicy[sc.Months];
        double carry = 0;
        var homeGrowth = new GrowthIndex(sc.Pay.HomeGrowthPerYear);
        var abroadGrowth = new GrowthIndex(sc.Pay.AbroadGrowthPerYear);
        for (int t = 0; t < sc.Months; t++)
        {
            var month = sc.Start.AddMonths(t);
            double years = t / 12.0;
            var active = sc.Levers.Where(l => l.IsActive(month)).ToArray();
            var inputs = Inputs.At(sc, month);

            // Visa: the timeline sets the month's rules, then the later lever in the list wins key by key.
            var visa = inputs.Visa;
            foreach (var v in active.OfType<VisaPolicy>())
            {
                visa = visa with
                {
                    SelectionRate = v.SelectionRate ?? visa.SelectionRate,
                    AdvancedRoundRate = v.AdvancedRoundRate ?? visa.AdvancedRoundRate,
                    FeeUsd = v.FeeUsd ?? visa.FeeUsd,
                    TalentRouteRate = v.TalentRouteRate ?? visa.TalentRouteRate,
                    OtherPassRate = v.OtherPassRate ?? visa.OtherPassRate,
                    StudyPassRate = v.StudyPassRate ?? visa.StudyPassRate,
                };
            }

            // Top-ups add; percentages grow with pay, amounts do not.
            int groups = nSectors * Stages * 2;
            var pct = new double[groups];
            var amt = new double[groups];
            foreach (var top in active.OfType<SalaryTopup>())
            {
                int onlySector = top.Sector is null ? -1 : sc.SectorIndex(top.Sector);
                for (int s = 0; s < nSectors; s++)
                for (int st = 0; st < Stages; st++)
                for (int tt = 0; tt < 2; tt++)
                {
                    if (onlySector >= 0 && s != onlySector) continue;
                    if (top.Stage is { } only && (int)only != st) continue;
                    if (top.TopTalentOnly && tt == 0) continue;
                    int g = Group(s, st, tt == 1);
                    pct[g] += top.Fraction;
                    amt[g] += top.AmountKrwPerYear;
                }
            }

            // GPU cohorts: value in frontier units decays; a cohort leaves at the end of its service life.
            var cohort = new double[nSectors];
            double gpuCost = 0;
            int serviceMonths = (int)Math.Round(sc.Compute.ServiceLifeYears * 12);
            foreach (var imp in sc.Levers.OfType<GpuImport>())
            {
                int age = month.MonthsSince(imp.At);
                if (age < 0 || age >= serviceMonths) continue;
                double perUnit = imp.Mix.Sum(m => m.Share * m.H100ePerUnit);
                double value = imp.Count * perUnit * imp.Utilisation * Math.Pow(0.5, age / 12.0 / sc.Compute.HalfLifeYears);
                for (int s = 0; s < nSectors; s++)
                    cohort[s] += value * imp.SectorShares!.GetValueOrDefault(sc.Sectors[s].Name);
                // A validated import gives both costs (the validator refuses one left out).
                gpuCost += imp.Count * imp.RunningCostKrwPerGpuYear!.Value / 12.0;
                if (age == 0) gpuCost += imp.Count * imp.UnitCostKrw!.Value;
            }

            var voucher = new double[nSectors];
            var voucherCost = new double[nSectors];
            foreach (var v in active.OfType<ComputeVoucher>())
            {
                int only = v.Sector is null ? -1 : sc.SectorIndex(v.Sector);
                for (int s = 0; s < nSectors; s++)
                {
                    if (only >= 0 && s != only) continue;
                    voucher[s] += v.GpuHoursPerResearcherPerMonth / ComputeSpec.GpuHoursPerH100eMonth;
                    voucherCost[s] += v.GpuHoursPerResearcherPerMonth * v.PriceKrwPerGpuHour!.Value;
                }
            }

            var returns = active.OfType<ReturnIncentive>().ToArray();

            // Education: multipliers multiply; the last lever with a degree mix sets it. Each lever pays for the
            // places it adds on top of those before it in the list, so two levers of 1.2 pay for the 44% more
            // entrants there are (20% + 24%), not for 40%.
            double mult = 1;
            var degrees = sc.Careers.GraduationDegrees;
            double educationCost = 0;
            double graduates = inputs.AnnualGraduates / 12.0;
            foreach (var e in active.OfType<Education>())
            {
                double before = mult;
                mult *= e.GraduatesMultiplier;
                if (e.GraduationDegrees is { } d) degrees = d;
                // The validator requires the cost wherever the multiplier is not 1; at 1 there is nothing to charge.
                if (e.GraduatesMultiplier != 1) educationCost += graduates * (mult - before) * e.CostKrwPerExtraGraduate!.Value;
            }

            // Entrants: the fraction is carried to the next month, so the schedule needs no draws.
            carry += graduates * mult / sc.AgentScale;
            int entrants = (int)Math.Floor(carry + 1e-9);
            carry -= entrants;

            double growthHome = homeGrowth.At(t, inputs.HomeGrowthPerYear);
            double growthAbroad = abroadGrowth.At(t, inputs.AbroadGrowthPerYear);
            var homeBase = new double[nSectors * Stages];
            for (int s = 0; s < nSectors; s++)
                for (int st = 0; st < Stages; st++)
                    homeBase[s * Stages + st] = sc.Pay.HomeKrwPerYear.For((Stage)st) * sc.Sectors[s].PayMultiplier * growthHome;
            var offerBase = new double[Stages];
            for (int st = 0; st < Stages; st++)
                offerBase[st] = sc.Pay.OfferUsdPerYear.For((Stage)st) * growthAbroad * inputs.KrwPerUsd;

            months[t] = new MonthPolicy
            {
                Visa = visa,
                TopupPercent = pct,
                TopupAmount = amt,
                CohortH100e = cohort,
                VoucherH100e = voucher,
                VoucherCostPerPerson = voucherCost,
                BonusPerYear = returns.Sum(r => r.BonusKrw / r.BonusYears),
                BonusPerReturn = returns.Sum(r => r.BonusKrw),
                GuaranteedH100e = returns.Where(r => r.GuaranteeMonths > 0).Sum(r => r.GuaranteedH100e),
                Guarantees = returns.Where(r => r.GuaranteeMonths > 0 && r.GuaranteedH100e > 0)
                    .Select(r => (r.GuaranteedH100e * ComputeSpec.GpuHoursPerH100eMonth * r.PriceKrwPerGpuHour!.Value, r.GuaranteeMonths)).ToArray(),
                GpuCost = gpuCost,
                EducationCost = educationCost,
                GraduationDegrees = degrees,
                Entrants = entrants,
                HomePayBase = homeBase,
                OfferBaseKrw = offerBase,
                KrwPerUsd = inputs.KrwPerUsd,
                ComputeAbroad = sc.Compute.AbroadH100ePerResearcher * Math.Pow(1 + sc.Compute.AbroadGrowthPerYear, years),
            };
        }
        return months;
    }

    /// <summary>The inputs the timeline sets for a month: the scenario's values, replaced key by key by every entry up to the month.</summary>
    private readonly record struct Inputs(VisaSpec Visa, double KrwPerUsd, double HomeGrowthPerYear, double AbroadGrowthPerYear, double AnnualGraduates)
    {
        public static Inputs At(Scenario sc, YearMonth month)
        {
            var visa = sc.Visa;
            double krw = sc.KrwPerUsd, home = sc.Pay.HomeGrowthPerYear, abroad = sc.Pay.AbroadGrowthPerYear, graduates = sc.Careers.AnnualGraduates;
            // Entries are in month order (the validator sees to it), so a later one overrides an earlier one.
            foreach (var e in sc.Timeline)
            {
                if (e.From!.Value > month) break;
                krw = e.KrwPerUsd ?? krw;
                home = e.HomeGrowthPerYear ?? home;
                abroad = e.AbroadGrowthPerYear ?? abroad;
                graduates = e.AnnualGraduates ?? graduates;
                visa = visa with
                {
                    SelectionRate = e.SelectionRate ?? visa.SelectionRate,
                    AdvancedRoundRate = e.AdvancedRoundRate ?? visa.AdvancedRoundRate,
                    TalentRouteRate = e.TalentRouteRate ?? visa.TalentRouteRate,
                    StudyPassRate = e.StudyPassRate ?? visa.StudyPassRate,
                    OtherPassRate = e.OtherPassRate ?? visa.OtherPassRate,
                    UsWorkEntryRate = e.UsWorkEntryRate ?? visa.UsWorkEntryRate,
                    UsStudyEntryRate = e.UsStudyEntryRate ?? visa.UsStudyEntryRate,
                };
            }
            return new Inputs(visa, krw, home, abroad, graduates);
        }
    }

    /// <summary>
    /// A pay level's growth since the start, (1 + g)^(t/12) for a constant rate g. When the timeline changes the rate,
    /// the index so far is kept and the new rate compounds from that month: 1 x (1 + g)^(t/12) while the rate has not
    /// changed, bit for bit the constant-rate index.
    /// </summary>
    private sealed class GrowthIndex(double rate)
    {
        private double _rate = rate, _indexAtChange = 1;
        private int _changedAt;

        public double At(int t, double rate)
        {
            if (rate != _rate)
            {
                _indexAtChange *= Math.Pow(1 + _rate, (t - _changedAt) / 12.0);
                _changedAt = t;
                _rate = rate;
            }
            return _indexAtChange * Math.Pow(1 + _rate, (t - _changedAt) / 12.0);
        }
    }
}
