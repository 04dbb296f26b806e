using BrainDrainSim.Model;

namespace BrainDrainSim.Reference.Tests.ReferenceModel;

/// <summary>
/// One replication of the reference model: a plain, scalar reading of docs/model.md (1.3 the monthly step,
/// 3.1 initialisation, 3.3 the submodels, 3.3.9 the outputs), one object per researcher, everything
/// recomputed from the state each month. It shares no code with the engine: it reads the scenario records
/// and nothing else of BrainDrainSim.Core, and draws from its own sequential generator. Clarity over speed;
/// it is run at a few hundred agents.
/// </summary>
internal sealed class ReferenceSimulation
{
    /// <summary>GPU-hours in one H100e-month (model.md 3.3.2).</summary>
    private const double GpuHoursPerH100eMonth = 730;

    /// <summary>The floor on a sector's compute inside logarithms (model.md 3.3.2).</summary>
    private const double ComputeFloor = 1e-6;

    private readonly Scenario _s;
    private readonly ReferencePerturbation _perturbation;
    private readonly ReferenceRandom _random;
    private readonly List<ReferenceResearcher> _people = [];
    private readonly IReadOnlyList<ReferenceMetric> _metrics;
    private readonly double[] _sectorShares;
    private readonly double[] _monthlyExit;
    private readonly double[] _monthlyAdvance;

    /// <summary>Guaranteed compute committed to returners: the last month charged and the KRW per month.</summary>
    private readonly List<(int LastMonth, double KrwPerMonth)> _guarantees = [];

    private double _topTalentThreshold;
    private double _entrantCarry;
    private double _cumulativeCost;

    /// <summary>Return bonuses paid in the current month (KRW).</summary>
    private double _bonusesThisMonth;

    private ReferenceSimulation(Scenario scenario, ulong masterSeed, int replication, ReferencePerturbation perturbation)
    {
        _s = scenario;
        _perturbation = perturbation;
        _random = new ReferenceRandom(masterSeed, replication);
        _metrics = ReferenceMetric.For(scenario.Sectors.Select(x => x.Name));
        _sectorShares = scenario.Sectors.Select(x => x.Share).ToArray();
        // Monthly probabilities by stage (3.3.6): exit 1 - (1 - a)^(1/12); advancement 1 / (12 x mean years), none for seniors.
        _monthlyExit = Enum.GetValues<Stage>().Select(st => 1 - Math.Pow(1 - StageValue(scenario.Careers.ExitRatePerYear, st), 1.0 / 12)).ToArray();
        _monthlyAdvance = Enum.GetValues<Stage>().Select(st => st == Stage.Senior ? 0 : 1 / (12 * Duration(scenario.Careers.DurationYears, st))).ToArray();
    }

    /// <summary>Runs one replication; returns series[metric][month] in the order of <see cref="ReferenceMetric.For"/>, NaN where undefined.</summary>
    public static double[][] Run(Scenario scenario, ulong masterSeed, int replication, ReferencePerturbation perturbation)
    {
        var sim = new ReferenceSimulation(scenario, masterSeed, replication, perturbation);
        sim.Initialise();
        var series = sim._metrics.Select(_ => new double[scenario.Months]).ToArray();
        for (int t = 0; t < scenario.Months; t++) sim.Step(t, series);
        return series;
    }

    // ---------------------------------------------------------------- 3.1 initialisation

    private void Initialise()
    {
        var p = _s.Population;
        int scale = _s.AgentScale;
        int home = RoundHalfAway((double)p.AtHome / scale);
        int us = RoundHalfAway((double)p.AbroadUs / scale);
        int other = RoundHalfAway((double)p.AbroadOther / scale);
        for (int i = 0; i < home; i++) _people.Add(NewInitial(Location.Home));
        for (int i = 0; i < us; i++) _people.Add(NewInitial(Location.AbroadUs));
        for (int i = 0; i < other; i++) _people.Add(NewInitial(Location.AbroadOther));

        _topTalentThreshold = Percentile90(_people.Select(r => r.Talent).ToArray());
        foreach (var r in _people) r.TopTalent = r.Talent > _topTalentThreshold;

        // Ties over the whole initial population, with sector homophily; never oneself.
        var everyone = Enumerable.Range(0, _people.Count).ToList();
        var bySector = BySector(everyone);
        for (int i = 0; i < _people.Count; i++)
            _people[i].Peers = DrawTies(_people[i].Sector, everyone, bySector, self: i);
    }

    private ReferenceResearcher NewInitial(Location location)
    {
        var p = _s.Population;
        var stageShares = location == Location.Home ? p.HomeStageShares : p.AbroadStageShares;
        var r = new ReferenceResearcher
        {
            Location = location,
            Sector = _random.Pick(_sectorShares),
            Stage = (Stage)_random.Pick([stageShares.Student, stageShares.Early, stageShares.Mid, stageShares.Senior]),
        };
        r.Degree = r.Stage == Stage.Student ? Degree.Bachelor : (Degree)_random.Pick([p.Degrees.Bachelor, p.Degrees.Master, p.Degrees.Phd]);
        r.UsDegree = location == Location.AbroadUs && r.Stage != Stage.Student && _random.Chance(p.AbroadUsDegreeShare);
        DrawTraits(r);
        return r;
    }

    /// <summary>Talent, the three lognormal factors with mean 1 and attachment (3.1).</summary>
    private void DrawTraits(ReferenceResearcher r)
    {
        var pay = _s.Pay;
        double sa = _s.Compute.AccessSpreadSd;
        r.Talent = _random.Normal();
        r.HomePayFactor = Math.Exp(pay.HomeSpreadSd * _random.Normal() - pay.HomeSpreadSd * pay.HomeSpreadSd / 2);
        r.OfferFactor = Math.Exp(pay.OfferSpreadSd * _random.Normal() - pay.OfferSpreadSd * pay.OfferSpreadSd / 2 + pay.TalentPremium * r.Talent);
        r.Access = Math.Exp(sa * _random.Normal() - sa * sa / 2);
        double mean = _s.Coefficients.AttachmentMean, sd = _s.Coefficients.AttachmentSd;
        if (sd == 0 || mean == 0) r.Attachment = mean;
        else
        {
            double sigma2 = Math.Log(1 + sd * sd / (mean * mean));
            double mu = Math.Log(mean) - sigma2 / 2;
            r.Attachment = Math.Exp(mu + Math.Sqrt(sigma2) * _random.Normal());
        }
    }

    private Dictionary<int, List<int>> BySector(IEnumerable<int> candidates)
    {
        var bySector = new Dictionary<int, List<int>>();
        foreach (int j in candidates)
        {
            if (!bySector.TryGetValue(_people[j].Sector, out var list)) bySector[_people[j].Sector] = list = [];
            list.Add(j);
        }
        return bySector;
    }

    /// <summary>
    /// K ties: each with probability h uniform within the own sector, else uniform over all candidates; never
    /// <paramref name="self"/> (-1 for an entrant, who is not a candidate); over all candidates when the own
    /// sector holds no one else; none when there is no one at all.
    /// </summary>
    private int[] DrawTies(int sector, List<int> all, Dictionary<int, List<int>> bySector, int self)
    {
        int k = _s.Network.PeersPerResearcher;
        var ties = new List<int>(k);
        bySector.TryGetValue(sector, out var own);
        for (int n = 0; n < k; n++)
        {
            bool withinSector = _random.Chance(_s.Network.Homophily);
            var pool = withinSector && own is not null && Others(own, self) > 0 ? own : all;
            if (Others(pool, self) == 0) continue;
            int j;
            do j = pool[_random.Below(pool.Count)];
            while (j == self);
            ties.Add(j);
        }
        return ties.ToArray();
    }

    /// <summary>How many in the pool are not <paramref name="self"/>: an initial researcher is in both its pools, an entrant (-1) in neither.</summary>
    private static int Others(List<int> pool, int self) => self >= 0 ? pool.Count - 1 : pool.Count;

    // ---------------------------------------------------------------- 1.3 the monthly step

    private void Step(int t, double[][] series)
    {
        var policy = ReferencePolicy.For(_s, t, _perturbation);
        int scale = _s.AgentScale;
        int n = _people.Count;
        int sectors = _s.Sectors.Length;

        // The state at the start of the month: every decision reads it.
        var startLocation = _people.Select(r => r.Location).ToArray();

        // 2. Counts and compute, in persons at the start of the month.
        var homePersons = new double[sectors];
        for (int i = 0; i < n; i++)
            if (startLocation[i] == Location.Home) homePersons[_people[i].Sector] += scale;
        var cHome = new double[sectors];
        var reportedCompute = new double[sectors];
        for (int s = 0; s < sectors; s++)
        {
            double imported = homePersons[s] > 0 ? policy.CohortH100e[s] / homePersons[s] : 0;
            cHome[s] = _s.Sectors[s].BaselineComputeH100e + imported + policy.VoucherH100e[s];
            reportedCompute[s] = homePersons[s] > 0 ? cHome[s] : double.NaN;
        }
        var month = new MonthState(t, policy, startLocation, cHome,
            _s.Compute.AbroadH100ePerResearcher * Math.Pow(1 + _s.Compute.AbroadGrowthPerYear, t / 12.0),
            policy.HomeGrowth, policy.AbroadGrowth);

        // Costs charged on the start-of-month stock: top-ups and vouchers.
        double cost = policy.FixedCostKrw;
        for (int i = 0; i < n; i++)
        {
            if (startLocation[i] != Location.Home) continue;
            var r = _people[i];
            var (percent, amount) = Topup(r, policy);
            cost += (BasePay(r, month) * percent + amount) / 12 * scale;
        }
        for (int s = 0; s < sectors; s++) cost += homePersons[s] * policy.VoucherKrwPerPerson[s];

        // 3-4. Decisions, all on the start-of-month state.
        var moveTo = new Location?[n];
        double emigrations = 0, returns = 0, forcedReturns = 0, phdReturns = 0, blocked = 0, exits = 0;
        for (int i = 0; i < n; i++)
        {
            var r = _people[i];
            if (startLocation[i] == Location.Home)
            {
                if (!_random.Chance(IntentHazard(r, month))) continue;
                bool toUs = _random.Chance(policy.Visa.UsShare);
                if (_random.Chance(GatePass(r, toUs, month)))
                {
                    moveTo[i] = toUs ? Location.AbroadUs : Location.AbroadOther;
                    emigrations++;
                }
                else blocked++;
            }
            else if (startLocation[i] is Location.AbroadUs or Location.AbroadOther)
            {
                if (!_random.Chance(ReturnHazard(r, month))) continue;
                moveTo[i] = Location.Home;
                returns++;
            }
        }

        // 5. Moves, applied together.
        for (int i = 0; i < n; i++)
        {
            if (moveTo[i] is not { } to) continue;
            var r = _people[i];
            r.Location = to;
            if (to == Location.Home)
            {
                CommitReturn(t, policy);
                if (r.Degree == Degree.Phd) phdReturns++;
            }
            else if (r.Stage == Stage.Student) r.StudentEmigrationMonth = t;
        }

        // 6. Life events, for everyone present at the start of the month.
        for (int i = 0; i < n; i++)
        {
            if (startLocation[i] == Location.Exited) continue;
            var r = _people[i];
            if (_random.Chance(_monthlyExit[(int)r.Stage]))
            {
                r.ExitedFrom = r.Location;
                r.Location = Location.Exited;
                exits++;
                continue;
            }
            if (r.Stage == Stage.Senior || !_random.Chance(_monthlyAdvance[(int)r.Stage])) continue;
            if (r.Stage != Stage.Student)
            {
                r.Stage = r.Stage + 1;
                continue;
            }
            // A student graduates: a degree, and abroad the work gate of the country of study.
            var mix = policy.GraduationDegrees;
            r.Degree = (Degree)_random.Pick([mix.Bachelor, mix.Master, mix.Phd]);
            r.Stage = Stage.Early;
            if (r.Location == Location.Home) continue;
            bool stays;
            if (r.Location == Location.AbroadUs)
            {
                r.UsDegree = true;
                // A PhD completed in the US: the graduate is in the cohort of this month whether or not it stays (3.3.9).
                if (r.Degree == Degree.Phd) r.UsPhdGraduationMonth = t;
                stays = _random.Chance(UsWorkGate(r, policy.Visa, sponsor: 1));
            }
            else stays = _random.Chance(policy.Visa.OtherPassRate);
            if (stays) continue;
            r.Location = Location.Home;
            returns++;
            forcedReturns++;
            if (r.Degree == Degree.Phd) phdReturns++;
            CommitReturn(t, policy);
        }

        // 7. Entrants join at home; their ties go to those not exited at the start of the month.
        // The floor of the running total, with 1e-9 to spare so that rounding never drops an entrant (3.3.6).
        double due = policy.AnnualGraduates / 12.0 * policy.EntrantMultiplier / scale + _entrantCarry;
        int entrants = (int)Math.Floor(due + 1e-9);
        _entrantCarry = due - entrants;
        if (entrants > 0)
        {
            var candidates = Enumerable.Range(0, n).Where(i => startLocation[i] != Location.Exited).ToList();
            var bySector = BySector(candidates);
            for (int e = 0; e < entrants; e++) _people.Add(NewEntrant(candidates, bySector));
        }

        // 8. Observation.
        cost += _bonusesThisMonth + _guarantees.Where(g => g.LastMonth >= t).Sum(g => g.KrwPerMonth);
        _bonusesThisMonth = 0;
        _cumulativeCost += cost;
        Record(series, t, cost, reportedCompute, emigrations, returns, forcedReturns, phdReturns, entrants, exits, blocked);
    }

    /// <summary>p_out = lambda_out x logistic(dU) (model.md 3.3.3).</summary>
    private double IntentHazard(ReferenceResearcher r, MonthState month)
    {
        var c = _s.Coefficients;
        double bWage = c.BWage + _perturbation.BWageShift;
        double offer = OfferUsd(r, month) * month.Policy.KrwPerUsd;
        double ownCompute = r.Access * Math.Max(month.CHome[r.Sector], ComputeFloor);
        int k = _s.Network.PeersPerResearcher;
        double peerShare = 0;
        if (k > 0)
        {
            int abroad = 0;
            foreach (int j in r.Peers)
                if (month.StartLocation[j] is Location.AbroadUs or Location.AbroadOther) abroad++;
            peerShare = (double)abroad / k;
        }
        double dU = c.B0
                    + bWage * Math.Log(offer / HomePay(r, month))
                    + c.BGpu * Math.Log(month.CAbroad / ownCompute)
                    + c.BNet * peerShare
                    + c.BTalent * r.Talent
                    - r.Attachment;
        return c.LambdaOut * _perturbation.LambdaOutFactor * Logistic(dU);
    }

    /// <summary>p_back = lambda_back x logistic(dR) (model.md 3.3.5).</summary>
    private double ReturnHazard(ReferenceResearcher r, MonthState month)
    {
        var c = _s.Coefficients;
        double bWage = c.BWage + _perturbation.BWageShift;
        double offer = OfferUsd(r, month) * month.Policy.KrwPerUsd;
        double destinationPay = r.Location == Location.AbroadUs ? offer : _s.Pay.OtherPayRatio * offer;
        double dR = c.R0
                    - bWage * Math.Log(destinationPay / (HomePay(r, month) + month.Policy.ReturnBonusPerYear))
                    - c.BGpu * Math.Log(month.CAbroad / (Math.Max(month.CHome[r.Sector], ComputeFloor) + month.Policy.ReturnGuaranteeH100e))
                    + c.BAtt * r.Attachment;
        return c.LambdaBack * Logistic(dR);
    }

    /// <summary>The gate of an emigration intent (model.md 3.3.4).</summary>
    private double GatePass(ReferenceResearcher r, bool toUs, MonthState month)
    {
        var visa = month.Policy.Visa;
        // An intent aimed at the US passes the US entry rate of its kind too (model.md 3.3.4; 1 unless suspended).
        if (r.Stage == Stage.Student) return toUs ? visa.StudyPassRate * visa.UsStudyEntryRate : visa.StudyPassRate;
        if (!toUs) return visa.OtherPassRate;
        double sponsor = visa.FeeUsd == 0 ? 1 : Math.Exp(-visa.FeeElasticity * visa.FeeUsd / OfferUsd(r, month));
        return UsWorkGate(r, visa, sponsor) * visa.UsWorkEntryRate;
    }

    /// <summary>sponsor x (1 - (1 - P_talent)(1 - P_lottery)), the advanced round for a US master's or PhD.</summary>
    private static double UsWorkGate(ReferenceResearcher r, ReferenceVisaRules visa, double sponsor)
    {
        double talent = r.TopTalent ? visa.TalentRouteRate : 0;
        double lottery = r.UsDegree && r.Degree is Degree.Master or Degree.Phd
            ? 1 - (1 - visa.SelectionRate) * (1 - visa.AdvancedRoundRate)
            : visa.SelectionRate;
        return sponsor * (1 - (1 - talent) * (1 - lottery));
    }

    /// <summary>A return while return incentives are active: their bonuses now, their guarantees from this month on (to the horizon at most).</summary>
    private void CommitReturn(int t, ReferencePolicy policy)
    {
        foreach (var incentive in policy.ReturnIncentives)
        {
            _bonusesThisMonth += incentive.BonusKrw * _s.AgentScale;
            if (incentive.GuaranteeMonths > 0)
                _guarantees.Add((t + incentive.GuaranteeMonths - 1,
                    incentive.GuaranteedH100e * GpuHoursPerH100eMonth * (incentive.PriceKrwPerGpuHour ?? 0) * _s.AgentScale));
        }
    }

    private ReferenceResearcher NewEntrant(List<int> candidates, Dictionary<int, List<int>> bySector)
    {
        var r = new ReferenceResearcher
        {
            Location = Location.Home,
            Sector = _random.Pick(_sectorShares),
        };
        r.Stage = _random.Chance(_s.Careers.EntrantStudentShare) ? Stage.Student : Stage.Early;
        r.Degree = Degree.Bachelor;
        DrawTraits(r);
        r.TopTalent = r.Talent > _topTalentThreshold;
        r.Peers = DrawTies(r.Sector, candidates, bySector, self: -1);
        return r;
    }

    // ---------------------------------------------------------------- 3.3.1 pay

    /// <summary>W^h(stage) x m_s x f^h x (1 + g_h)^(t/12), before top-ups; students at the early level.</summary>
    private double BasePay(ReferenceResearcher r, MonthState month) =>
        HomeLevel(_s.Pay.HomeKrwPerYear, r.Stage) * _s.Sectors[r.Sector].PayMultiplier * r.HomePayFactor * month.HomeGrowth;

    private double HomePay(ReferenceResearcher r, MonthState month)
    {
        var (percent, amount) = Topup(r, month.Policy);
        return BasePay(r, month) * (1 + percent) + amount;
    }

    /// <summary>The summed percentages and amounts of the active top-ups whose filters the researcher matches.</summary>
    private (double Percent, double Amount) Topup(ReferenceResearcher r, ReferencePolicy policy)
    {
        double percent = 0, amount = 0;
        foreach (var topup in policy.Topups)
        {
            if (topup.TopTalentOnly && !r.TopTalent) continue;
            if (topup.Sector is { } sector && _s.Sectors[r.Sector].Name != sector) continue;
            if (topup.Stage is { } stage && stage != r.Stage) continue;
            percent += topup.Fraction;
            amount += topup.AmountKrwPerYear;
        }
        return (percent, amount);
    }

    /// <summary>W^o(stage) x f^o x (1 + g_a)^(t/12), USD per year; students at the early level.</summary>
    private double OfferUsd(ReferenceResearcher r, MonthState month) =>
        HomeLevel(_s.Pay.OfferUsdPerYear, r.Stage) * r.OfferFactor * month.AbroadGrowth;

    private static double HomeLevel(CareerPay levels, Stage stage) => stage switch
    {
        Stage.Mid => levels.Mid,
        Stage.Senior => levels.Senior,
        _ => levels.Early, // students compare at the early-career level
    };

    // ---------------------------------------------------------------- 3.3.9 outputs

    private void Record(double[][] series, int t, double cost, double[] reportedCompute, double emigrations, double returns,
        double forcedReturns, double phdReturns, int entrants, double exits, double blocked)
    {
        double scale = _s.AgentScale;
        int home = 0, us = 0, other = 0, exited = 0, topHome = 0;
        foreach (var r in _people)
        {
            switch (r.Location)
            {
                case Location.Home: home++; if (r.TopTalent) topHome++; break;
                case Location.AbroadUs: us++; break;
                case Location.AbroadOther: other++; break;
                default: exited++; break;
            }
        }
        static bool IsAbroad(ReferenceResearcher r) => r.Location is Location.AbroadUs or Location.AbroadOther;
        int homeNonStudent = _people.Count(r => r.Location == Location.Home && r.Stage != Stage.Student);
        int abroadNonStudent = _people.Count(r => IsAbroad(r) && r.Stage != Stage.Student);
        // Top talent at home over top talent at home or abroad; the exited are in neither.
        int topPresent = _people.Count(r => r.TopTalent && r.Location != Location.Exited);
        double topHomeShare = topPresent > 0 ? (double)topHome / topPresent : double.NaN;
        // The US PhD cohort of month t - 60: in the US now, or left the field while in the US (3.3.9).
        double usPhdStayRate = double.NaN;
        if (t >= 60)
        {
            var graduates = _people.Where(r => r.UsPhdGraduationMonth == t - 60).ToList();
            if (graduates.Count > 0)
            {
                bool exitsStay = !_perturbation.UsPhdExitsCountAsGone;
                usPhdStayRate = (double)graduates.Count(r => r.Location == Location.AbroadUs || (exitsStay && r.ExitedFrom == Location.AbroadUs)) / graduates.Count;
            }
        }
        double stayRate = double.NaN;
        if (t >= 60)
        {
            var cohort = _people.Where(r => r.StudentEmigrationMonth == t - 60).ToList();
            if (cohort.Count > 0)
                stayRate = (double)cohort.Count(r => r.Location is Location.AbroadUs or Location.AbroadOther) / cohort.Count;
        }
        var values = new Dictionary<string, double>
        {
            [ReferenceMetric.Home] = home * scale,
            [ReferenceMetric.Abroad] = (us + other) * scale,
            [ReferenceMetric.AbroadUs] = us * scale,
            [ReferenceMetric.AbroadOther] = other * scale,
            [ReferenceMetric.Exited] = exited * scale,
            [ReferenceMetric.Emigrations] = emigrations * scale,
            [ReferenceMetric.Returns] = returns * scale,
            [ReferenceMetric.ForcedReturns] = forcedReturns * scale,
            [ReferenceMetric.Entrants] = entrants * scale,
            [ReferenceMetric.Exits] = exits * scale,
            [ReferenceMetric.VisaBlocked] = blocked * scale,
            [ReferenceMetric.TopTalentHome] = topHome * scale,
            [ReferenceMetric.PolicyCost] = cost,
            [ReferenceMetric.PolicyCostCumulative] = _cumulativeCost,
            [ReferenceMetric.StayRate] = stayRate,
            [ReferenceMetric.HomeNonStudent] = homeNonStudent * scale,
            [ReferenceMetric.AbroadNonStudent] = abroadNonStudent * scale,
            [ReferenceMetric.PhdReturns] = phdReturns * scale,
            [ReferenceMetric.UsPhdStayRate] = usPhdStayRate,
            [ReferenceMetric.TopTalentHomeShare] = topHomeShare,
            [ReferenceMetric.NetEmigrations] = (emigrations - returns) * scale,
        };
        for (int s = 0; s < _s.Sectors.Length; s++)
            values[ReferenceMetric.ComputePrefix + _s.Sectors[s].Name] = reportedCompute[s];
        for (int m = 0; m < _metrics.Count; m++) series[m][t] = values[_metrics[m].Name];
    }

    // ---------------------------------------------------------------- helpers

    /// <summary>
    /// What every decision of month t reads: the levers in effect, the start-of-month locations, compute per
    /// head at home by sector and abroad, and the pay growth factors (1 + g)^(t/12) at home and abroad.
    /// </summary>
    private sealed record MonthState(int T, ReferencePolicy Policy, Location[] StartLocation, double[] CHome, double CAbroad,
        double HomeGrowth, double AbroadGrowth);

    private static double Duration(StageDurations years, Stage stage) => stage switch
    {
        Stage.Student => years.Student,
        Stage.Early => years.Early,
        _ => years.Mid,
    };

    private static double StageValue(StageValues values, Stage stage) => stage switch
    {
        Stage.Student => values.Student,
        Stage.Early => values.Early,
        Stage.Mid => values.Mid,
        _ => values.Senior,
    };

    private static double Logistic(double x) => 1 / (1 + Math.Exp(-x));

    private static int RoundHalfAway(double x) => (int)Math.Round(x, MidpointRounding.AwayFromZero);

    /// <summary>The Hyndman-Fan type-7 90th percentile (numpy's and R's default).</summary>
    private static double Percentile90(double[] values)
    {
        var sorted = values.OrderBy(v => v).ToArray();
        double h = (sorted.Length - 1) * 0.9;
        int lo = (int)Math.Floor(h);
        return lo + 1 < sorted.Length ? sorted[lo] + (h - lo) * (sorted[lo + 1] - sorted[lo]) : sorted[lo];
    }
}
