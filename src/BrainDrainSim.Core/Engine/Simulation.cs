using BrainDrainSim.Model;
using BrainDrainSim.MonteCarlo;
using BrainDrainSim.Randomness;
using static BrainDrainSim.MonteCarlo.MetricCatalog;

namespace BrainDrainSim.Engine;

/// <summary>
/// One replication of a scenario: the monthly step of model.md over a structure of arrays. Every
/// decision in month t reads the state at the start of t; moves are applied after the sweep.
/// </summary>
internal sealed class Simulation
{
    /// <summary>Compute per researcher is floored here (H100e) so that log ratios stay finite in an empty or compute-less sector.</summary>
    public const double ComputeFloor = 1e-6;

    private readonly Scenario _sc;
    private readonly MonthPolicy[] _plan;
    private readonly StreamKey _key;
    private readonly Population _pop;
    private readonly PopulationBuilder _builder;
    private readonly int _nSectors;
    private readonly int _scale;
    private readonly double[] _exitMonthly = new double[4];
    private readonly double[] _advanceMonthly = new double[4];

    // Scratch reused every month (a month allocates nothing but the entrants' candidate lists).
    private readonly int[] _moveIndex;
    private readonly byte[] _moveTo;
    private readonly int[] _homeBySector;
    private readonly double[] _cHome;
    private readonly double[] _cHomeFloored;
    private readonly double[] _guaranteeCost;
    private readonly List<int> _candidates = [];
    private readonly List<int>[] _candidatesBySector;

    public Simulation(Scenario scenario, MonthPolicy[] plan, StreamKey key)
    {
        _sc = scenario;
        _plan = plan;
        _key = key;
        _scale = scenario.AgentScale;
        _nSectors = scenario.Sectors.Length;
        int home = ScaledCount(scenario.Population.AtHome), us = ScaledCount(scenario.Population.AbroadUs),
            other = ScaledCount(scenario.Population.AbroadOther);
        int capacity = home + us + other + plan.Sum(m => m.Entrants);
        _pop = new Population(capacity, scenario.Network.PeersPerResearcher);
        _builder = new PopulationBuilder(scenario, key);
        _builder.BuildInitial(_pop, home, us, other);
        InitialCount = home + us + other;

        for (int st = 0; st < 4; st++)
        {
            _exitMonthly[st] = 1 - Math.Pow(1 - scenario.Careers.ExitRatePerYear[(Stage)st], 1.0 / 12);
            _advanceMonthly[st] = st == (int)Stage.Senior ? 0 : 1.0 / (12 * scenario.Careers.DurationYears[(Stage)st]);
        }
        _moveIndex = new int[capacity];
        _moveTo = new byte[capacity];
        _homeBySector = new int[_nSectors];
        _cHome = new double[_nSectors];
        _cHomeFloored = new double[_nSectors];
        _guaranteeCost = new double[scenario.Months];
        _candidatesBySector = new List<int>[_nSectors];
        for (int s = 0; s < _nSectors; s++) _candidatesBySector[s] = [];
    }

    public int InitialCount { get; }

    internal Population Population => _pop;

    private int ScaledCount(int persons) => (int)Math.Round((double)persons / _scale, MidpointRounding.AwayFromZero);

    /// <summary>Runs every month; returns Series[metric][month] in MetricCatalog order.</summary>
    public double[][] Run(out long agentSteps)
    {
        int months = _sc.Months;
        int nMetrics = FirstSectorCompute + _nSectors;
        var series = new double[nMetrics][];
        for (int m = 0; m < nMetrics; m++) series[m] = new double[months];
        agentSteps = 0;
        double cumulativeCost = 0;
        for (int t = 0; t < months; t++)
        {
            agentSteps += Step(t, series, ref cumulativeCost);
        }
        return series;
    }

    private long Step(int t, double[][] series, ref double cumulativeCost)
    {
        var mp = _plan[t];
        var pop = _pop;
        var c = _sc.Coefficients;
        var visa = mp.Visa;
        int countAtStart = pop.Count;
        int k = pop.K;
        double scale = _scale;

        // 1-2. Start-of-month counts, compute per home researcher by sector, entrants' tie candidates.
        Array.Clear(_homeBySector);
        bool collectCandidates = mp.Entrants > 0 && k > 0;
        if (collectCandidates)
        {
            _candidates.Clear();
            foreach (var l in _candidatesBySector) l.Clear();
        }
        long present = 0;
        for (int i = 0; i < countAtStart; i++)
        {
            byte loc = pop.Location[i];
            if (loc == (byte)Location.Exited) continue;
            present++;
            if (loc == (byte)Location.Home) _homeBySector[pop.Sector[i]]++;
            if (collectCandidates)
            {
                _candidates.Add(i);
                _candidatesBySector[pop.Sector[i]].Add(i);
            }
        }
        double voucherCost = 0;
        for (int s = 0; s < _nSectors; s++)
        {
            double persons = _homeBySector[s] * scale;
            _cHome[s] = _sc.Sectors[s].BaselineComputeH100e + (persons > 0 ? mp.CohortH100e[s] / persons : 0) + mp.VoucherH100e[s];
            _cHomeFloored[s] = Math.Max(_cHome[s], ComputeFloor);
            series[FirstSectorCompute + s][t] = persons > 0 ? _cHome[s] : double.NaN;
            voucherCost += persons * mp.VoucherCostPerPerson[s];
        }
        double cAbroad = mp.ComputeAbroad;
        double lnCAbroad = Math.Log(cAbroad);

        // 3-4. Every researcher present decides against the start-of-month state.
        int nMoves = 0;
        double topupCost = 0;
        int blocked = 0;
        double invK = k > 0 ? 1.0 / k : 0;
        for (int i = 0; i < countAtStart; i++)
        {
            byte loc = pop.Location[i];
            if (loc == (byte)Location.Exited) continue;
            int st = pop.Stage[i];
            int s = pop.Sector[i];
            bool top = (pop.Flags[i] & (byte)ResearcherFlags.TopTalent) != 0;
            int g = PolicySchedule.Group(s, st, top);
            double basePay = mp.HomePayBase[s * PolicySchedule.Stages + st] * pop.HomePayFactor[i];
            double pay = basePay * (1 + mp.TopupPercent[g]) + mp.TopupAmount[g];
            double offer = mp.OfferBaseKrw[st] * pop.OfferFactor[i];
            _key.Uniforms(pop.KeyLo[i], pop.KeyHi[i], (uint)t, Randomness.Purpose.Move, 0, out var u0, out var u1, out var u2, out _);

            if (loc == (byte)Location.Home)
            {
                topupCost += (pay - basePay) / 12;
                int abroadPeers = 0;
                long baseIdx = (long)i * k;
                for (int j = 0; j < k; j++)
                {
                    int peer = pop.Peers[baseIdx + j];
                    if (peer >= 0 && (pop.Location[peer] == (byte)Location.AbroadUs || pop.Location[peer] == (byte)Location.AbroadOther))
                        abroadPeers++;
                }
                double dU = c.B0
                    + c.BWage * Math.Log(offer / pay)
                    + c.BGpu * (lnCAbroad - Math.Log(Math.Max(pop.Access[i] * _cHome[s], ComputeFloor)))
                    + c.BNet * abroadPeers * invK
                    + c.BTalent * pop.Talent[i]
                    - pop.Attachment[i];
                double p = c.LambdaOut * Logistic.Of(dU);
                if (u0 < p)
                {
                    bool toUs = u1 < visa.UsShare;
                    double pass;
                    if (st == (int)Stage.Student) pass = visa.StudyPassRate;
                    else if (toUs)
                    {
                        bool usAdvanced = (pop.Flags[i] & (byte)ResearcherFlags.UsDegree) != 0 && pop.Degree[i] >= (byte)Degree.Master;
                        pass = VisaGate.UsWorkPass(top, usAdvanced, visa.SelectionRate, visa.AdvancedRoundRate,
                            visa.TalentRouteRate, visa.FeeUsd, offer / _sc.KrwPerUsd, visa.FeeElasticity);
                    }
                    else pass = visa.OtherPassRate;
                    if (u2 < pass)
                    {
                        _moveIndex[nMoves] = i;
                        _moveTo[nMoves++] = (byte)(toUs ? Location.AbroadUs : Location.AbroadOther);
                    }
                    else blocked++;
                }
            }
            else
            {
                double destPay = loc == (byte)Location.AbroadOther ? offer * _sc.Pay.OtherPayRatio : offer;
                double dR = c.R0
                    - c.BWage * Math.Log(destPay / (pay + mp.BonusPerYear))
                    - c.BGpu * (lnCAbroad - Math.Log(_cHomeFloored[s] + mp.GuaranteedH100e))
                    + c.BAtt * pop.Attachment[i];
                double p = c.LambdaBack * Logistic.Of(dR);
                if (u0 < p)
                {
                    _moveIndex[nMoves] = i;
                    _moveTo[nMoves++] = (byte)Location.Home;
                }
            }
        }

        // Moves apply after everyone has decided (synchronous update).
        int emigrations = 0, returns = 0, forced = 0;
        double returnCost = 0;
        for (int m = 0; m < nMoves; m++)
        {
            int i = _moveIndex[m];
            pop.Location[i] = _moveTo[m];
            if (_moveTo[m] == (byte)Location.Home)
            {
                returns++;
                returnCost += OnReturn(t, mp);
            }
            else
            {
                emigrations++;
                if (pop.Stage[i] == (byte)Stage.Student) pop.StudentEmigrationMonth[i] = (short)t;
            }
        }

        // 5. Exits and stage advancement for everyone present at the start of the month.
        int exits = 0;
        var degrees = mp.GraduationDegrees;
        double degreeTotal = degrees.Sum;
        for (int i = 0; i < countAtStart; i++)
        {
            if (pop.Location[i] == (byte)Location.Exited) continue;
            int st = pop.Stage[i];
            _key.Uniforms(pop.KeyLo[i], pop.KeyHi[i], (uint)t, Randomness.Purpose.Life, 0, out var u0, out var u1, out var u2, out var u3);
            if (u0 < _exitMonthly[st])
            {
                pop.Location[i] = (byte)Location.Exited;
                exits++;
                continue;
            }
            if (u1 >= _advanceMonthly[st]) continue;
            pop.Stage[i] = (byte)(st + 1);
            if (st != (int)Stage.Student) continue;

            // A graduating student earns a degree; abroad, the graduate must pass the work gate to stay.
            double ud = u2 * degreeTotal;
            var degree = ud < degrees.Bachelor ? Degree.Bachelor : ud < degrees.Bachelor + degrees.Master ? Degree.Master : Degree.Phd;
            pop.Degree[i] = (byte)degree;
            byte loc = pop.Location[i];
            if (loc == (byte)Location.Home) continue;
            double pass;
            if (loc == (byte)Location.AbroadUs)
            {
                pop.Flags[i] |= (byte)ResearcherFlags.UsDegree;
                bool top = (pop.Flags[i] & (byte)ResearcherFlags.TopTalent) != 0;
                // In-US change of status: the fee for petitions from abroad does not apply (USCIS, Oct 2025).
                pass = VisaGate.UsWorkPass(top, degree >= Degree.Master, visa.SelectionRate, visa.AdvancedRoundRate,
                    visa.TalentRouteRate, 0, 1, visa.FeeElasticity);
            }
            else pass = visa.OtherPassRate;
            if (u3 >= pass)
            {
                pop.Location[i] = (byte)Location.Home;
                returns++;
                forced++;
                returnCost += OnReturn(t, mp);
            }
        }

        // Entrants join at home, first exposed next month; their ties go to those present at the start.
        for (int r = 0; r < mp.Entrants; r++)
            _builder.AddEntrant(_pop, t, r, _candidates, _candidatesBySector);

        // 6. Metrics at the end of the month.
        int home = 0, us = 0, other = 0, exited = 0, topHome = 0, cohort = 0, cohortAbroad = 0;
        int cohortMonth = t - 60;
        for (int i = 0; i < pop.Count; i++)
        {
            switch ((Location)pop.Location[i])
            {
                case Location.Home:
                    home++;
                    if ((pop.Flags[i] & (byte)ResearcherFlags.TopTalent) != 0) topHome++;
                    break;
                case Location.AbroadUs: us++; break;
                case Location.AbroadOther: other++; break;
                default: exited++; break;
            }
            if (cohortMonth >= 0 && pop.StudentEmigrationMonth[i] == cohortMonth)
            {
                cohort++;
                if (pop.Location[i] is (byte)Location.AbroadUs or (byte)Location.AbroadOther) cohortAbroad++;
            }
        }
        double cost = mp.GpuCost + voucherCost + topupCost * scale + returnCost * scale + _guaranteeCost[t] + mp.EducationCost;
        cumulativeCost += cost;
        series[IHome][t] = home * scale;
        series[IAbroad][t] = (us + other) * scale;
        series[IAbroadUs][t] = us * scale;
        series[IAbroadOther][t] = other * scale;
        series[IExited][t] = exited * scale;
        series[IEmigrations][t] = emigrations * scale;
        series[IReturns][t] = returns * scale;
        series[IForcedReturns][t] = forced * scale;
        series[IEntrants][t] = mp.Entrants * scale;
        series[IExits][t] = exits * scale;
        series[IVisaBlocked][t] = blocked * scale;
        series[ITopTalentHome][t] = topHome * scale;
        series[IPolicyCost][t] = cost;
        series[IPolicyCostCumulative][t] = cumulativeCost;
        series[IStudentStayRate][t] = cohort > 0 ? (double)cohortAbroad / cohort : double.NaN;
        return present;
    }

    /// <summary>What a return costs now (per agent, before agent_scale), and the guaranteed compute it commits in later months.</summary>
    private double OnReturn(int t, MonthPolicy mp)
    {
        foreach (var (costPerMonth, months) in mp.Guarantees)
        {
            int end = Math.Min(_sc.Months, t + months);
            for (int m = t; m < end; m++) _guaranteeCost[m] += costPerMonth * _scale;
        }
        return mp.BonusPerReturn;
    }
}
