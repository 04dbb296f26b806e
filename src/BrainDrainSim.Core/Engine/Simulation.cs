using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using BrainDrainSim.Model;
using BrainDrainSim.Randomness;
using static BrainDrainSim.MonteCarlo.MetricCatalog;

namespace BrainDrainSim.Engine;

/// <summary>
/// One replication of a scenario: the monthly step of model.md over a structure of arrays. Every
/// decision in month t reads the state at the start of t; moves, exits and advancement are applied
/// after the sweep. The sweep is the hot loop: one counter-based draw per researcher, a utility made
/// of the researcher's own static part plus a month term shared by its group, and a peer count kept
/// up to date incrementally. What is rare (an intent, a graduation, an exit) is handled afterwards.
/// </summary>
internal sealed partial class Simulation
{
    /// <summary>Compute per researcher is floored here (H100e) so that log ratios stay finite in an empty or compute-less sector.</summary>
    public const double ComputeFloor = 1e-6;

    private const int Stages = PolicySchedule.Stages;

    private readonly Scenario _sc;
    private readonly MonthPolicy[] _plan;
    private readonly StreamKey _key;
    private readonly Population _pop;
    private readonly PopulationBuilder _builder;
    private readonly int _nSectors;
    private readonly int _scale;
    private readonly int _groups;

    // State kept incrementally instead of recounted each month.
    private readonly int[] _homeBySector;
    private int _abroadUs, _abroadOther, _exited, _topHome;
    private readonly int[] _cohortSize;     // student emigrants by month of emigration
    private readonly int[] _cohortAbroad;   // ... of whom abroad now

    // Scratch reused every month: a month allocates nothing.
    // Month terms and switches by slot = location * groups + group (location 3, exited, keeps zeros).
    private readonly double[] _term;
    private readonly bool[] _exact;
    private bool _anyExact; // whether any slot's hazard is computed researcher by researcher this month
    private readonly double[] _netPerPeer = new double[4];
    private readonly double[] _lambda = new double[4];
    private const int Chunk = 256;
    private readonly double[] _x = new double[Chunk], _lam = new double[Chunk], _p = new double[Chunk];
    private readonly int[] _refresh = new int[Chunk];

    // The previous month's terms, to see which slots changed (a changed slot refreshes its researchers' hazards).
    private readonly double[] _termPrev;
    private readonly bool[] _slotStale;

    // Monthly exit and advancement thresholds (MonthStream) by location * 4 + stage; the exited row stays zero.
    private readonly uint[] _exitThreshold = new uint[4 * Stages];
    private readonly uint[] _advanceThreshold = new uint[4 * Stages];
    private readonly double[] _cHome;
    private readonly double[] _lnCHome;
    private readonly double[] _guaranteeCost;
    // Event lists: sized for a typical month and grown (rarely, then kept) when a month has more, so a
    // 10-million-researcher run does not hold four full-size scratch arrays.
    private int[] _decided;        // researchers whose decision fired (intent at home, return abroad), then the moves among them
    private byte[] _moveTo;
    private int[] _exiting;
    private int[] _advancing;

    // Who an entrant may tie to; only kept when the scenario has entrants (16 bytes per researcher).
    private readonly TieCandidates? _candidates;

    public Simulation(ValidatedScenario validated, MonthPolicy[] plan, StreamKey key)
    {
        var scenario = validated.Scenario;
        _sc = scenario;
        _plan = plan;
        _key = key;
        _scale = scenario.AgentScale;
        _nSectors = scenario.Sectors.Length;
        _groups = _nSectors * Stages * 2;
        int home = ScaledCount(scenario.Population.AtHome), us = ScaledCount(scenario.Population.AbroadUs),
            other = ScaledCount(scenario.Population.AbroadOther);
        int capacity = home + us + other + plan.Sum(m => m.Entrants);
        _pop = Population.Rent(capacity, home + us + other, scenario.Network.PeersPerResearcher);
        _builder = new PopulationBuilder(scenario, key);
        _builder.BuildInitial(_pop, home, us, other);
        InitialCount = home + us + other;

        for (int st = 0; st < Stages; st++)
        {
            double exit = 1 - Math.Pow(1 - scenario.Careers.ExitRatePerYear[(Stage)st], 1.0 / 12);
            double advance = st == (int)Stage.Senior ? 0 : 1.0 / (12 * scenario.Careers.DurationYears[(Stage)st]);
            foreach (var loc in new[] { Location.Home, Location.AbroadUs, Location.AbroadOther })
            {
                _exitThreshold[(int)loc * Stages + st] = MonthStream.Threshold(exit, MonthStream.LifeBits);
                _advanceThreshold[(int)loc * Stages + st] = MonthStream.Threshold(advance, MonthStream.LifeBits);
            }
        }
        _homeBySector = new int[_nSectors];
        _cohortSize = new int[scenario.Months];
        _cohortAbroad = new int[scenario.Months];
        _term = new double[4 * _groups];
        _exact = new bool[4 * _groups];
        _termPrev = new double[4 * _groups];
        Array.Fill(_termPrev, double.NaN);
        _slotStale = new bool[4 * _groups];
        _cHome = new double[_nSectors];
        _lnCHome = new double[_nSectors];
        _guaranteeCost = new double[scenario.Months];
        int events = capacity / 32 + 64;
        _decided = new int[events];
        _moveTo = new byte[events];
        _exiting = new int[events];
        _advancing = new int[events];
        _candidates = plan.Any(m => m.Entrants > 0) ? TieCandidates.Rent(_nSectors, capacity) : null;

        SeedStreams(0, _pop.Count);
        for (int i = 0; i < _pop.Count; i++)
        {
            InitialiseDerived(i);
            _candidates?.Add(i, _pop.Sector[i]);
        }
        _pop.BuildInitialReverseEdges(_pop.Count);
        // Peers abroad counted from the abroad side: each researcher abroad adds one to each of its
        // followers (a tie held twice counts twice, as in CountAbroadPeers), far fewer visits than
        // every researcher reading all its peers' locations.
        for (int i = 0; i < _pop.Count; i++) _pop.SetAbroadPeers(i, 0);
        for (int i = 0; i < _pop.Count; i++)
            if (_pop.Location[i] is (byte)Location.AbroadUs or (byte)Location.AbroadOther)
                for (int x = _pop.FollowerStart[i], end = _pop.FollowerStart[i + 1]; x < end; x++)
                    _pop.PeerState[_pop.FollowerList[x]]++; // the count is the low bits and stays below the stale bit
    }

    public int InitialCount { get; }

    /// <summary>Gives the population's arrays back to the shared spares for a later replication; the simulation is finished with.</summary>
    public void Release()
    {
        Population.Return(_pop);
        if (_candidates is not null) TieCandidates.Return(_candidates);
    }

    internal Population Population => _pop;

    private int ScaledCount(int persons) => (int)Math.Round((double)persons / _scale, MidpointRounding.AwayFromZero);

    /// <summary>
    /// Steps month <paramref name="t"/> alone into <paramref name="series"/> (for benchmarks of the monthly
    /// step; a replication is <see cref="Run"/>). Returns the agent-steps taken.
    /// </summary>
    internal long StepMonth(int t, double[][] series)
    {
        double cost = 0;
        return Step(t, series, ref cost);
    }

    /// <summary>An empty Series[metric][month] of the right shape.</summary>
    internal double[][] NewSeries()
    {
        var series = new double[FirstSectorCompute + _nSectors][];
        for (int m = 0; m < series.Length; m++) series[m] = new double[_sc.Months];
        return series;
    }

    /// <summary>
    /// Runs every month; returns Series[metric][month] in MetricCatalog order. <paramref name="cancel"/> is
    /// checked before each month (a month of 10 million researchers takes about 55 ms), so a cancelled
    /// replication stops within a month and throws <see cref="OperationCanceledException"/>.
    /// </summary>
    public double[][] Run(out long agentSteps, CancellationToken cancel = default)
    {
        int months = _sc.Months;
        var series = NewSeries();
        agentSteps = 0;
        double cumulativeCost = 0;
        for (int t = 0; t < months; t++)
        {
            cancel.ThrowIfCancellationRequested();
            agentSteps += Step(t, series, ref cumulativeCost);
        }
        if (CheckEngine) CheckState(months, null, 0, series);
        return series;
    }

    private long Step(int t, double[][] series, ref double cumulativeCost)
    {
        var mp = _plan[t];
        var pop = _pop;
        int countAtStart = pop.Count;
        double scale = _scale;
        long present = countAtStart - _exited;

        // 1-2. Compute per home researcher by sector (start-of-month counts), and each group's month term.
        double voucherCost = 0;
        for (int s = 0; s < _nSectors; s++)
        {
            double persons = _homeBySector[s] * scale;
            _cHome[s] = _sc.Sectors[s].BaselineComputeH100e + (persons > 0 ? mp.CohortH100e[s] / persons : 0) + mp.VoucherH100e[s];
            _lnCHome[s] = Math.Log(Math.Max(_cHome[s], ComputeFloor));
            series[FirstSectorCompute + s][t] = persons > 0 ? _cHome[s] : double.NaN;
            voucherCost += persons * mp.VoucherCostPerPerson[s];
        }
        double lnCAbroad = mp.LnComputeAbroad;
        ComputeMonthTerms(mp, lnCAbroad);

        // 3-4. The sweep: one draw per researcher present decides its move, exit and advancement.
        var (nDecided, nExiting, nAdvancing, topupCost) = Sweep(t, mp, countAtStart, lnCAbroad);
        if (CheckEngine) CheckState(t, mp, lnCAbroad, series);

        // Intents pass or fail their gate; returns need none.
        int nMoves = 0, blocked = 0;
        var visa = mp.Visa;
        for (int d = 0; d < nDecided; d++)
        {
            int i = _decided[d];
            if (nMoves == _moveTo.Length) Array.Resize(ref _moveTo, _moveTo.Length * 2);
            if (pop.Location[i] != (byte)Location.Home)
            {
                _decided[nMoves] = i; // moves are a prefix-compacted subset of the decided (nMoves <= d)
                _moveTo[nMoves++] = (byte)Location.Home;
                continue;
            }
            _key.Uniforms(pop.KeyLo[i], pop.KeyHi[i], (uint)t, Purpose.Detail, 0, out var uDest, out var uGate, out _, out _);
            bool toUs = uDest < visa.UsShare;
            int st = pop.Stage[i];
            double pass;
            if (st == (int)Stage.Student) pass = visa.StudyPassRate;
            else if (toUs)
            {
                bool top = (pop.Flags[i] & (byte)ResearcherFlags.TopTalent) != 0;
                bool usAdvanced = (pop.Flags[i] & (byte)ResearcherFlags.UsDegree) != 0 && pop.Degree[i] >= (byte)Degree.Master;
                double offerUsd = mp.OfferBaseKrw[st] * pop.OfferFactor[i] / _sc.KrwPerUsd;
                pass = VisaGate.UsWorkPass(top, usAdvanced, visa.SelectionRate, visa.AdvancedRoundRate,
                    visa.TalentRouteRate, visa.FeeUsd, offerUsd, visa.FeeElasticity);
            }
            else pass = visa.OtherPassRate;
            if (uGate < pass)
            {
                _decided[nMoves] = i;
                _moveTo[nMoves++] = (byte)(toUs ? Location.AbroadUs : Location.AbroadOther);
            }
            else blocked++;
        }

        // Moves apply after everyone has decided (synchronous update).
        int emigrations = 0, returns = 0, forced = 0;
        double returnCost = 0;
        for (int m = 0; m < nMoves; m++)
        {
            int i = _decided[m];
            if (_moveTo[m] == (byte)Location.Home)
            {
                MoveTo(i, Location.Home);
                returns++;
                returnCost += OnReturn(t, mp);
            }
            else
            {
                if (pop.Stage[i] == (byte)Stage.Student) JoinStudentCohort(i, t);
                MoveTo(i, (Location)_moveTo[m]);
                emigrations++;
            }
        }

        // 5. Exits, then advancement, for those present at the start (decided in the sweep).
        for (int x = 0; x < nExiting; x++) MoveTo(_exiting[x], Location.Exited);
        var degrees = mp.GraduationDegrees;
        double degreeTotal = degrees.Sum;
        for (int a = 0; a < nAdvancing; a++)
        {
            int i = _advancing[a];
            int st = pop.Stage[i];
            SetStage(i, st + 1);
            if (st != (int)Stage.Student) continue;

            // A graduating student earns a degree; abroad, the graduate must pass the work gate to stay.
            // The month's detail draws: destination and gate (if it also weighed leaving), graduate's gate, degree.
            _key.Uniforms(pop.KeyLo[i], pop.KeyHi[i], (uint)t, Purpose.Detail, 0, out _, out _, out var uGraduate, out var uDegree);
            double ud = uDegree * degreeTotal;
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
            if (uGraduate >= pass)
            {
                MoveTo(i, Location.Home);
                returns++;
                forced++;
                returnCost += OnReturn(t, mp);
            }
        }

        // Entrants join at home, first exposed next month; their ties go to those present at the start,
        // so this month's exits leave the candidate lists only after the entrants have drawn.
        if (_candidates is not null)
        {
            int firstEntrant = _builder.AddEntrants(pop, t, mp.Entrants, _candidates);
            SeedStreams(firstEntrant, pop.Count - firstEntrant);
            for (int i = firstEntrant; i < pop.Count; i++)
            {
                InitialiseDerived(i);
                long e0 = (long)i * pop.K;
                for (int j = 0; j < pop.K; j++) pop.LinkEntrantTie(e0 + j);
                pop.SetAbroadPeers(i, CountAbroadPeers(i));
            }
            for (int x = 0; x < nExiting; x++) _candidates.Remove(_exiting[x], pop.Sector[_exiting[x]]);
            for (int i = firstEntrant; i < pop.Count; i++) _candidates.Add(i, pop.Sector[i]);
        }

        // 6. Metrics at the end of the month, from the counts kept incrementally.
        int home = pop.Count - _abroadUs - _abroadOther - _exited;
        int cohortMonth = t - 60;
        double cost = mp.GpuCost + voucherCost + topupCost * scale + returnCost * scale + _guaranteeCost[t] + mp.EducationCost;
        cumulativeCost += cost;
        series[IHome][t] = home * scale;
        series[IAbroad][t] = (_abroadUs + _abroadOther) * scale;
        series[IAbroadUs][t] = _abroadUs * scale;
        series[IAbroadOther][t] = _abroadOther * scale;
        series[IExited][t] = _exited * scale;
        series[IEmigrations][t] = emigrations * scale;
        series[IReturns][t] = returns * scale;
        series[IForcedReturns][t] = forced * scale;
        series[IEntrants][t] = mp.Entrants * scale;
        series[IExits][t] = nExiting * scale;
        series[IVisaBlocked][t] = blocked * scale;
        series[ITopTalentHome][t] = _topHome * scale;
        series[IPolicyCost][t] = cost;
        series[IPolicyCostCumulative][t] = cumulativeCost;
        series[IStudentStayRate][t] = cohortMonth >= 0 && _cohortSize[cohortMonth] > 0
            ? (double)_cohortAbroad[cohortMonth] / _cohortSize[cohortMonth] : double.NaN;
        return present;
    }

    /// <summary>
    /// The month terms of the utilities: everything in dU (at home) or dR (abroad) that is the same for
    /// all researchers of a sector, stage and talent class in a location. A slot whose pay comparison
    /// includes an amount in KRW (a top-up amount, a return bonus) cannot be split this way
    /// (ln(a x pay + b) does not separate) and is computed researcher by researcher.
    /// </summary>
    private void ComputeMonthTerms(MonthPolicy mp, double lnCAbroad)
    {
        var c = _sc.Coefficients;
        _netPerPeer[(int)Location.Home] = _pop.K > 0 ? c.BNet / _pop.K : 0;
        _lambda[(int)Location.Home] = c.LambdaOut;
        _lambda[(int)Location.AbroadUs] = c.LambdaBack;
        _lambda[(int)Location.AbroadOther] = c.LambdaBack;
        double lnOtherRatio = Math.Log(_sc.Pay.OtherPayRatio);
        for (int g = 0; g < _groups; g++)
        {
            int st = (g >> 1) % Stages, s = (g >> 1) / Stages;
            // ln(offer / pay) as level gap plus growth gap: with equal growth the gap is exactly 0 and the
            // term stays bit-for-bit the same from month to month, so cached hazards stay valid.
            double lnGap = (mp.LnOfferLevelKrw[st] - mp.LnHomePayLevel[s * Stages + st] - Math.Log(1 + mp.TopupPercent[g])) + mp.LnGrowthGap;
            bool amount = mp.TopupAmount[g] != 0;
            _term[g] = c.B0 + c.BWage * lnGap + c.BGpu * (lnCAbroad - _lnCHome[s]);
            _exact[g] = amount;
            double gpuBack = c.BGpu * (lnCAbroad - Math.Log(Math.Max(_cHome[s], ComputeFloor) + mp.GuaranteedH100e));
            bool backExact = amount || mp.BonusPerYear != 0;
            int us = (int)Location.AbroadUs * _groups + g, other = (int)Location.AbroadOther * _groups + g;
            _term[us] = c.R0 - c.BWage * lnGap - gpuBack;
            _term[other] = c.R0 - c.BWage * (lnGap + lnOtherRatio) - gpuBack;
            _exact[us] = _exact[other] = backExact;
        }
        _anyExact = Array.IndexOf(_exact, true) >= 0;
        for (int k = 0; k < 3 * _groups; k++)
        {
            _slotStale[k] = _exact[k] || BitConverter.DoubleToInt64Bits(_term[k]) != BitConverter.DoubleToInt64Bits(_termPrev[k]);
            // A slot computed term by term this month (an amount top-up, a return bonus) holds hazards its term
            // alone does not give: when it stops being exact its term may be bit-for-bit unchanged, so NaN (unequal
            // to any term) makes next month refresh it anyway.
            _termPrev[k] = _exact[k] ? double.NaN : _term[k];
        }
    }

    /// <summary>
    /// The hot loop, in two passes over the researchers present at the start of the month. First the
    /// hazards of those whose situation changed (they moved, advanced or joined, a peer moved, or their
    /// group's month term changed) are recomputed, in batches so that the exp and division run in full
    /// vector lanes however thinly the changes are spread. Then one fused vector pass draws every
    /// researcher's month word and compares its fields with the hazard, exit and advancement thresholds.
    /// The few whose word fires (an intent, a return, an exit, an advancement) are listed for the steps
    /// after the sweep, so the state read here is the state at the start of the month throughout.
    /// Abroad and exited researchers go through the same arithmetic (exited ones have thresholds 0), so
    /// the loop has no branch on location.
    /// </summary>
    private (int Decided, int Exiting, int Advancing, double TopupCost) Sweep(int t, MonthPolicy mp, int count, double lnCAbroad)
    {
        var pop = _pop;
        int nDecided = 0, nExiting = 0, nAdvancing = 0;
        RefreshHazards(count, mp, lnCAbroad);

        ulong advance = (ulong)(t + 1) * MonthStream.Gamma;
        for (int j = 0; j < count; j += 64)
        {
            ulong fired = Events.Fired(pop.StreamSeed, advance, pop.HazardThreshold, pop.ExitThreshold, pop.AdvanceThreshold,
                j, Math.Min(64, count - j));
            while (fired != 0)
            {
                int i = j + BitOperations.TrailingZeroCount(fired);
                fired &= fired - 1;
                ulong w = MonthStream.Word(pop.StreamSeed[i], t);
                if (MonthStream.Decision(w) < pop.HazardThreshold[i]) Append(ref _decided, ref nDecided, i);
                if (MonthStream.Exit(w) < pop.ExitThreshold[i]) Append(ref _exiting, ref nExiting, i);
                else if (MonthStream.Advance(w) < pop.AdvanceThreshold[i]) Append(ref _advancing, ref nAdvancing, i);
            }
        }

        double topupCost = 0;
        if (HasTopup(mp))
            for (int i = 0; i < count; i++)
                if (pop.Location[i] == (byte)Location.Home) topupCost += TopupPerMonth(i, mp);
        return (nDecided, nExiting, nAdvancing, topupCost);
    }

    /// <summary>
    /// Recomputes the cached hazard threshold of every researcher that is stale or whose slot's month
    /// term changed: the utility from its static part, the slot's term and its peers abroad, then the
    /// hazards of a batch together in vector lanes. The cache then holds exactly what a full
    /// recomputation would give.
    /// </summary>
    private void RefreshHazards(int count, MonthPolicy mp, double lnCAbroad)
    {
        var pop = _pop;
        int m = 0;
        ref byte location = ref MemoryMarshal.GetArrayDataReference(pop.Location);
        ref byte group = ref MemoryMarshal.GetArrayDataReference(pop.Group);
        ref ushort state = ref MemoryMarshal.GetArrayDataReference(pop.PeerState);
        int groups = _groups;
        if (Array.IndexOf(_slotStale, true) >= 0)
        {
            for (int i = 0; i < count; i++)
            {
                int loc = Unsafe.Add(ref location, i);
                if (loc == (byte)Location.Exited) continue;
                if ((Unsafe.Add(ref state, i) & Population.StaleBit) != 0 || _slotStale[loc * groups + Unsafe.Add(ref group, i)])
                {
                    Queue(i, loc, ref m);
                    if (m == Chunk) Flush(ref m, mp, lnCAbroad);
                }
            }
        }
        else
        {
            // Most months nothing month-wide changes: only researchers who (or whose peers) moved are stale,
            // found 64 flags at a time.
            for (int j = 0; j < count; j += 64)
            {
                ulong flagged = StaleMask(pop.PeerState, j, Math.Min(64, count - j));
                while (flagged != 0)
                {
                    int i = j + BitOperations.TrailingZeroCount(flagged);
                    flagged &= flagged - 1;
                    Queue(i, Unsafe.Add(ref location, i), ref m);
                    if (m == Chunk) Flush(ref m, mp, lnCAbroad);
                }
            }
        }
        Flush(ref m, mp, lnCAbroad);
    }

    /// <summary>The hazards of the <paramref name="m"/> queued researchers, as thresholds; empties the queue.</summary>
    private void Flush(ref int m, MonthPolicy mp, double lnCAbroad)
    {
        if (m == 0) return;
        var pop = _pop;
        FastMath.Hazards(_lam.AsSpan(0, m), _x.AsSpan(0, m), _p.AsSpan(0, m));
        // Most months no slot needs the term-by-term hazard, and then the researchers' location and group need not be read again.
        if (_anyExact)
        {
            for (int k = 0; k < m; k++)
            {
                int i = _refresh[k];
                if (_exact[pop.Location[i] * _groups + pop.Group[i]]) _p[k] = ExactHazard(i, mp, lnCAbroad);
            }
        }
        for (int k = 0; k < m; k++)
        {
            int i = _refresh[k];
            pop.HazardThreshold[i] = MonthStream.Threshold(_p[k], MonthStream.DecisionBits);
            pop.SetStale(i, false);
        }
        m = 0;
    }

    /// <summary>Bit j set when researcher start + j is stale (n at most 64): the stale flag is each peer state's top bit.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong StaleMask(ushort[] state, int start, int n)
    {
        if (n == 64 && Vector512.IsHardwareAccelerated)
            return Vector512.Create(state.AsSpan(start, 32)).ExtractMostSignificantBits()
                | Vector512.Create(state.AsSpan(start + 32, 32)).ExtractMostSignificantBits() << 32;
        ulong mask = 0;
        for (int j = 0; j < n; j++)
            if ((state[start + j] & Population.StaleBit) != 0) mask |= 1UL << j;
        return mask;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Queue(int i, int loc, ref int m)
    {
        var pop = _pop;
        if (_lambda[loc] == 0)
        {
            // No hazard where this location has none (no returns, or exited): nothing to compute.
            pop.HazardThreshold[i] = 0;
            pop.SetStale(i, false);
            return;
        }
        _refresh[m] = i;
        _x[m] = pop.Utility[i] + _term[loc * _groups + pop.Group[i]] + _netPerPeer[loc] * pop.AbroadPeers(i);
        _lam[m] = _lambda[loc];
        m++;
    }

    private static void Append(ref int[] list, ref int count, int value)
    {
        if (count == list.Length) Array.Resize(ref list, list.Length * 2);
        list[count++] = value;
    }

    private double ExactHazard(int i, MonthPolicy mp, double lnCAbroad) =>
        _pop.Location[i] == (byte)Location.Home
            ? FastMath.Hazard(_sc.Coefficients.LambdaOut, ExactEmigrationUtility(i, mp, lnCAbroad))
            : ReturnHazard(i, mp, lnCAbroad);

    private static bool HasTopup(MonthPolicy mp)
    {
        foreach (var v in mp.TopupPercent) if (v != 0) return true;
        foreach (var v in mp.TopupAmount) if (v != 0) return true;
        return false;
    }

    private double HomePay(int i, MonthPolicy mp, out double basePay)
    {
        int g = _pop.Group[i];
        basePay = mp.HomePayBase[_pop.Sector[i] * Stages + _pop.Stage[i]] * _pop.HomePayFactor[i];
        return basePay * (1 + mp.TopupPercent[g]) + mp.TopupAmount[g];
    }

    private double TopupPerMonth(int i, MonthPolicy mp)
    {
        double pay = HomePay(i, mp, out var basePay);
        return (pay - basePay) / 12;
    }

    /// <summary>dU of model.md step 3 computed term by term, for groups whose top-up has an amount.</summary>
    private double ExactEmigrationUtility(int i, MonthPolicy mp, double lnCAbroad)
    {
        var c = _sc.Coefficients;
        var pop = _pop;
        double pay = HomePay(i, mp, out _);
        double offer = mp.OfferBaseKrw[pop.Stage[i]] * pop.OfferFactor[i];
        return c.B0
            + c.BWage * Math.Log(offer / pay)
            + c.BGpu * (lnCAbroad - pop.LnAccess[i] - _lnCHome[pop.Sector[i]])
            + (pop.K > 0 ? c.BNet * pop.AbroadPeers(i) / pop.K : 0)
            + c.BTalent * pop.Talent[i]
            - pop.Attachment[i];
    }

    /// <summary>The return hazard of model.md step 4 for a researcher abroad.</summary>
    private double ReturnHazard(int i, MonthPolicy mp, double lnCAbroad)
    {
        var c = _sc.Coefficients;
        if (c.LambdaBack == 0) return 0;
        var pop = _pop;
        double pay = HomePay(i, mp, out _);
        double offer = mp.OfferBaseKrw[pop.Stage[i]] * pop.OfferFactor[i];
        double destPay = pop.Location[i] == (byte)Location.AbroadOther ? offer * _sc.Pay.OtherPayRatio : offer;
        double dR = c.R0
            - c.BWage * Math.Log(destPay / (pay + mp.BonusPerYear))
            - c.BGpu * (lnCAbroad - Math.Log(Math.Max(_cHome[pop.Sector[i]], ComputeFloor) + mp.GuaranteedH100e))
            + c.BAtt * pop.Attachment[i];
        return FastMath.Hazard(c.LambdaBack, dR);
    }

    /// <summary>
    /// The researcher's own, month-independent part of the utility it weighs where it is: at home dU's
    /// pay and offer factors, access, talent and attachment; abroad dR's pay factors and attachment;
    /// exited, minus infinity.
    /// </summary>
    private double StaticUtility(int i, Location where)
    {
        var c = _sc.Coefficients;
        var pop = _pop;
        double lnFactors = pop.LnPayFactorGap[i];
        return where switch
        {
            Location.Home => c.BWage * lnFactors - c.BGpu * pop.LnAccess[i] + c.BTalent * pop.Talent[i] - pop.Attachment[i],
            Location.Exited => double.NegativeInfinity,
            _ => -c.BWage * lnFactors + c.BAtt * pop.Attachment[i],
        };
    }

    /// <summary>The monthly streams' seeds of researchers <paramref name="first"/> .. + <paramref name="n"/> - 1, from their keys.</summary>
    private void SeedStreams(int first, int n) =>
        MonthStream.Seeds(_key, _pop.KeyLo.AsSpan(first, n), _pop.KeyHi.AsSpan(first, n), _pop.StreamSeed.AsSpan(first, n));

    /// <summary>Sets the derived state of a new researcher (group, utility) and counts it; its stream seed is set before, in a batch.</summary>
    private void InitialiseDerived(int i)
    {
        var pop = _pop;
        pop.Group[i] = (byte)PolicySchedule.Group(pop.Sector[i], pop.Stage[i], (pop.Flags[i] & (byte)ResearcherFlags.TopTalent) != 0);
        var loc = (Location)pop.Location[i];
        pop.Utility[i] = StaticUtility(i, loc);
        Count(i, loc, +1);
        Refresh(i);
    }

    /// <summary>After a researcher's location or stage changed: its life probabilities now, and a hazard to recompute.</summary>
    private void Refresh(int i)
    {
        var pop = _pop;
        int life = pop.Location[i] * Stages + pop.Stage[i];
        pop.ExitThreshold[i] = _exitThreshold[life];
        pop.AdvanceThreshold[i] = _advanceThreshold[life];
        bool exited = pop.Location[i] == (byte)Location.Exited;
        pop.SetStale(i, !exited);
        if (exited) pop.HazardThreshold[i] = 0;
    }

    private void SetStage(int i, int stage)
    {
        _pop.Stage[i] = (byte)stage;
        _pop.Group[i] = (byte)PolicySchedule.Group(_pop.Sector[i], stage, (_pop.Flags[i] & (byte)ResearcherFlags.TopTalent) != 0);
        Refresh(i);
    }

    /// <summary>Moves a researcher and updates everything kept incrementally: counts, its followers' peer counts, cohorts.</summary>
    private void MoveTo(int i, Location to)
    {
        var pop = _pop;
        var from = (Location)pop.Location[i];
        if (from == to) return;
        Count(i, from, -1);
        Count(i, to, +1);
        pop.Location[i] = (byte)to;
        pop.Utility[i] = StaticUtility(i, to);
        Refresh(i);

        bool wasAbroad = from is Location.AbroadUs or Location.AbroadOther;
        bool isAbroad = to is Location.AbroadUs or Location.AbroadOther;
        if (wasAbroad != isAbroad)
        {
            int delta = isAbroad ? 1 : -1;
            for (int x = pop.FollowerStart[i], end = pop.FollowerStart[i + 1]; x < end; x++)
                Notify(pop.FollowerList[x], delta);
            long entrantBase = (long)pop.InitialCount * pop.K;
            for (int e = pop.FollowerHead[i]; e >= 0; e = pop.FollowerNext[e - entrantBase])
                Notify(pop.HolderOfTie(e), delta);
            int cohort = pop.StudentEmigrationMonth[i];
            if (cohort >= 0) _cohortAbroad[cohort] += isAbroad ? 1 : -1;
        }
    }

    /// <summary>
    /// Tells a follower that one of its peers crossed the border: its count of peers abroad changes and
    /// its hazard must be recomputed. Marked whatever its location (one fewer cache miss per visit): an
    /// exited follower's refresh just rewrites its hazard of 0.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Notify(int follower, int delta)
    {
        ref ushort state = ref _pop.PeerState[follower];
        state = (ushort)(((state + delta) & Population.PeersMask) | Population.StaleBit);
    }

    /// <summary>Puts a student who emigrates this month into this month's cohort (leaving an earlier one, if any).</summary>
    private void JoinStudentCohort(int i, int t)
    {
        int old = _pop.StudentEmigrationMonth[i];
        if (old >= 0) _cohortSize[old]--; // at home now, so not among that cohort's abroad
        _pop.StudentEmigrationMonth[i] = (short)t;
        _cohortSize[t]++;
    }

    private void Count(int i, Location loc, int delta)
    {
        switch (loc)
        {
            case Location.Home:
                _homeBySector[_pop.Sector[i]] += delta;
                if ((_pop.Flags[i] & (byte)ResearcherFlags.TopTalent) != 0) _topHome += delta;
                break;
            case Location.AbroadUs: _abroadUs += delta; break;
            case Location.AbroadOther: _abroadOther += delta; break;
            default: _exited += delta; break;
        }
    }

    private ushort CountAbroadPeers(int i)
    {
        var pop = _pop;
        int n = 0;
        long b = (long)i * pop.K;
        for (int j = 0; j < pop.K; j++)
        {
            int peer = pop.Peers[b + j];
            if (peer >= 0 && pop.Location[peer] is (byte)Location.AbroadUs or (byte)Location.AbroadOther) n++;
        }
        return (ushort)n;
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
