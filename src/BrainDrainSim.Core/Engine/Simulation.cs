using BrainDrainSim.Model;
using BrainDrainSim.Randomness;
using static BrainDrainSim.Model.MetricCatalog;

namespace BrainDrainSim.Engine;

/// <summary>
/// One replication of a scenario: the monthly step of docs/model.md 1.3, one method per step with the
/// model's number and name (<see cref="Step"/> lists them). Work is done only where something can happen:
/// each researcher carries the months of its next candidate decision, exit and advancement, drawn as
/// geometric waits (<see cref="Wait"/>), and a month visits only the researchers due in it
/// (<see cref="Calendar"/>). A candidate decision becomes a move with probability logistic(utility)
/// (thinning), so the monthly chance of a move is exactly lambda x logistic(dU) (docs/model.md 3.3.8).
/// Steps live in their own files: decisions (Simulation.Decisions.cs), the visa gates
/// (Simulation.Gates.cs), moves and the counts kept up to date (Simulation.Moves.cs), life events
/// (Simulation.LifeEvents.cs), entrants (Simulation.Entrants.cs), observation
/// (Simulation.Observation.cs), the check mode (SimulationCheck.cs).
/// </summary>
internal sealed partial class Simulation
{
    private const int Stages = PolicySchedule.Stages;

    private readonly Scenario _sc;
    private readonly MonthPolicy[] _plan;
    private readonly StreamKey _key;
    private readonly Population _pop;
    private readonly PopulationBuilder _builder;
    private readonly int _nSectors;
    private readonly int _scale;
    private readonly int _months;

    // The waits: a candidate decision at the bound of the location's hazard (lambda_out at home, lambda_back
    // abroad), exit and advancement at the stage's monthly rate.
    private readonly Wait[] _decisionWait = new Wait[4];
    private readonly Wait[] _exitWait = new Wait[Stages];
    private readonly Wait[] _advanceWait = new Wait[Stages];

    // Who an entrant may tie to; only kept when the scenario has entrants.
    private readonly TieCandidates? _candidates;

    public Simulation(ValidatedScenario validated, MonthPolicy[] plan, StreamKey key)
    {
        var scenario = validated.Scenario;
        _sc = scenario;
        _plan = plan;
        _key = key;
        _scale = scenario.AgentScale;
        _months = scenario.Months;
        _nSectors = scenario.Sectors.Length;
        int home = ScaledCount(scenario.Population.AtHome), us = ScaledCount(scenario.Population.AbroadUs),
            other = ScaledCount(scenario.Population.AbroadOther);
        int capacity = home + us + other + plan.Sum(m => m.Entrants);

        _decisionWait[(int)Location.Home] = new Wait(scenario.Coefficients.LambdaOut);
        _decisionWait[(int)Location.AbroadUs] = new Wait(scenario.Coefficients.LambdaBack);
        _decisionWait[(int)Location.AbroadOther] = new Wait(scenario.Coefficients.LambdaBack);
        _decisionWait[(int)Location.Exited] = new Wait(0);
        for (int st = 0; st < Stages; st++)
        {
            _exitWait[st] = new Wait(1 - Math.Pow(1 - scenario.Careers.ExitRatePerYear[(Stage)st], 1.0 / 12));
            _advanceWait[st] = new Wait(st == (int)Stage.Senior ? 0 : 1.0 / (12 * scenario.Careers.DurationYears[(Stage)st]));
        }

        _homeBySector = new int[_nSectors];
        _homeByGroup = new int[_nSectors * Stages * 2];
        _homePayFactorByGroup = new long[_nSectors * Stages * 2];
        _cohortSize = new int[_months];
        _cohortAbroad = new int[_months];
        _usPhdCohortSize = new int[_months];
        _usPhdCohortInUs = new int[_months];
        _cHome = new double[_nSectors];
        _lnCHome = new double[_nSectors];
        _lnCOnReturn = new double[_nSectors];
        _guaranteeCost = new double[_months];
        _candidates = plan.Any(m => m.Entrants > 0) ? TieCandidates.Rent(_nSectors, capacity) : null;

        _pop = Population.Rent(capacity, scenario.Network.PeersPerResearcher, _months);
        _builder = new PopulationBuilder(scenario, key);
        _builder.BuildInitial(_pop, home, us, other);
        InitialCount = home + us + other;
        for (int i = 0; i < _pop.Count; i++)
        {
            Count(i, (Location)_pop.Location[i], +1);
            _candidates?.Add(i, _pop.State[i].Sector);
        }
        ScheduleFirstEvents(0, _pop.Count, from: 0);
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
    /// Steps month <paramref name="t"/> alone into <paramref name="series"/> (for benchmarks and tests of the
    /// monthly step; a replication is <see cref="Run"/>). Returns the agent-steps taken.
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
        for (int m = 0; m < series.Length; m++) series[m] = new double[_months];
        return series;
    }

    /// <summary>
    /// Runs every month; returns Series[metric][month] in <see cref="MetricCatalog"/> order. <paramref name="cancel"/>
    /// is checked before each month, so a cancelled replication stops within a month and throws
    /// <see cref="OperationCanceledException"/>.
    /// </summary>
    public double[][] Run(out long agentSteps, CancellationToken cancel = default)
    {
        var series = NewSeries();
        agentSteps = 0;
        double cumulativeCost = 0;
        for (int t = 0; t < _months; t++)
        {
            cancel.ThrowIfCancellationRequested();
            agentSteps += Step(t, series, ref cumulativeCost);
        }
        if (CheckEngine) CheckState(_months, series);
        return series;
    }

    /// <summary>
    /// Month t, step by step as docs/model.md 1.3 numbers them. Returns the agent-steps of the month: the
    /// researchers present (not exited) at its start, quiet ones included.
    /// </summary>
    private long Step(int t, double[][] series, ref double cumulativeCost)
    {
        long present = _pop.Count - _exited;
        var mp = Policy(t);                              // 1. Policy
        CountsAndCompute(t, mp, series);                 // 2. Counts and compute
        if (CheckEngine) CheckState(t, series);
        Emigration(t, mp);                               // 3. Emigration (intent, destination, gate)
        Return(t, mp);                                   // 4. Return
        Moves(t, mp);                                    // 5. Moves
        LifeEvents(t, mp);                               // 6. Life events (exit, advancement, graduation)
        Entrants(t, mp);                                 // 7. Entrants
        Observation(t, mp, series, ref cumulativeCost);  // 8. Observation
        return present;
    }

    /// <summary>Step 1: the month's levers, computed once per scenario before any replication (<see cref="PolicySchedule"/>).</summary>
    private MonthPolicy Policy(int t)
    {
        _emigrations = _returns = _forced = _blocked = _exits = _phdReturns = 0;
        _returnCost = 0;
        return _plan[t];
    }

    /// <summary>
    /// Step 2: researchers at home by sector at the start of the month give compute per home researcher
    /// c_home(s, t) (the sector's baseline, its share of the GPU cohorts in service spread over its
    /// researchers, vouchers); the costs that depend only on who is at home (vouchers, top-ups) are
    /// reckoned here, on the start-of-month population, and charged in step 8.
    /// </summary>
    private void CountsAndCompute(int t, MonthPolicy mp, double[][] series)
    {
        double scale = _scale;
        _voucherCost = 0;
        for (int s = 0; s < _nSectors; s++)
        {
            double persons = _homeBySector[s] * scale;
            _cHome[s] = _sc.Sectors[s].BaselineComputeH100e + (persons > 0 ? mp.CohortH100e[s] / persons : 0) + mp.VoucherH100e[s];
            _lnCHome[s] = FastNormal.Log(Math.Max(_cHome[s], Utility.ComputeFloor));
            _lnCOnReturn[s] = FastNormal.Log(Math.Max(_cHome[s], Utility.ComputeFloor) + mp.GuaranteedH100e);
            series[FirstSectorCompute + s][t] = persons > 0 ? _cHome[s] : double.NaN;
            _voucherCost += persons * mp.VoucherCostPerPerson[s];
        }
        _lnCAbroad = FastNormal.Log(mp.ComputeAbroad);
        _topupCost = TopupCostPerMonth(mp) * scale;
    }

    /// <summary>
    /// The top-ups paid this month to the researchers at home (per agent), from the counts and pay factors
    /// kept by group: the sum over researchers of (pay with top-ups - pay without) / 12.
    /// </summary>
    private double TopupCostPerMonth(MonthPolicy mp)
    {
        double cost = 0;
        for (int g = 0; g < _homeByGroup.Length; g++)
        {
            double fraction = mp.TopupPercent[g], amount = mp.TopupAmount[g];
            if ((fraction == 0 && amount == 0) || _homeByGroup[g] == 0) continue;
            int sectorStage = g >> 1;
            double factors = _homePayFactorByGroup[g] / PayFactorUnit;
            cost += (fraction * mp.HomePayBase[sectorStage] * factors + amount * _homeByGroup[g]) / 12;
        }
        return cost;
    }

    /// <summary>
    /// Draws the first candidate decision, exit and advancement of researchers <paramref name="first"/> ..
    /// + <paramref name="n"/> - 1, waits that start in month <paramref name="from"/>: one keyed call each (setup
    /// month, purpose Waits), made for 256 researchers at a time in vector lanes, as are the logs of the waits
    /// (the same bits as <see cref="Wait.Due"/>).
    /// </summary>
    private void ScheduleFirstEvents(int first, int n, int from)
    {
        var pop = _pop;
        var (uDecision, uExit, uAdvance) = (_waitBuffer[0], _waitBuffer[1], _waitBuffer[2]);
        for (int start = 0; start < n; start += WaitChunk)
        {
            int len = Math.Min(WaitChunk, n - start);
            pop.EntityKeys(first + start, _keyLo.AsSpan(0, len), _keyHi.AsSpan(0, len));
            PhiloxBatch.Uniforms(_key, _keyLo.AsSpan(0, len), _keyHi.AsSpan(0, len), StreamKey.SetupMonth,
                Purpose.Waits, 0, uDecision.AsSpan(0, len), uExit.AsSpan(0, len), uAdvance.AsSpan(0, len), []);
            FastNormal.Logs(uDecision.AsSpan(0, len), uDecision.AsSpan(0, len));
            FastNormal.Logs(uExit.AsSpan(0, len), uExit.AsSpan(0, len));
            FastNormal.Logs(uAdvance.AsSpan(0, len), uAdvance.AsSpan(0, len));
            for (int j = 0; j < len; j++)
            {
                int i = first + start + j;
                int stage = pop.State[i].Stage;
                SetDecision(i, _decisionWait[pop.Location[i]].DueFromLog(uDecision[j], from, _months));
                SetLife(i, _exitWait[stage].DueFromLog(uExit[j], from, _months), _advanceWait[stage].DueFromLog(uAdvance[j], from, _months));
            }
        }
    }

    private const int WaitChunk = 256;
    private readonly double[][] _waitBuffer = [new double[WaitChunk], new double[WaitChunk], new double[WaitChunk]];
    private readonly uint[] _keyLo = new uint[WaitChunk], _keyHi = new uint[WaitChunk];

    /// <summary>
    /// Hints what an event on researcher i reads first: its location, state and traits (the counts by group
    /// read the home pay factor). The event loops call it <see cref="Prefetch.Ahead"/> entries early.
    /// </summary>
    private void PrefetchResearcher(int i)
    {
        var pop = _pop;
        Prefetch.Line(ref pop.Location[i]);
        Prefetch.Line(ref pop.State[i]);
        Prefetch.Both(ref pop.Traits[i]);
    }

    /// <summary>Four keyed uniforms of researcher i in month t for <paramref name="purpose"/> (docs/model.md 3.3.8).</summary>
    private void Uniforms(int i, int t, Purpose purpose, out double u0, out double u1, out double u2, out double u3)
    {
        var (lo, hi) = _pop.Entity(i);
        _key.Uniforms(lo, hi, (uint)t, purpose, 0, out u0, out u1, out u2, out u3);
    }

    /// <summary>The next candidate decision of researcher i where it now is, a wait from <paramref name="from"/> drawn from <paramref name="u"/>.</summary>
    private void ScheduleDecision(int i, double u, int from) => SetDecision(i, _decisionWait[_pop.Location[i]].Due(u, from, _months));

    /// <summary>The next exit and advancement of researcher i at <paramref name="stage"/>, waits from <paramref name="from"/>.</summary>
    private void ScheduleLife(int i, int stage, double uExit, double uAdvance, int from) =>
        SetLife(i, _exitWait[stage].Due(uExit, from, _months), _advanceWait[stage].Due(uAdvance, from, _months));

    /// <summary>Records researcher i's next candidate decision in <paramref name="due"/> and lists it there.</summary>
    private void SetDecision(int i, short due)
    {
        _pop.State[i].NextDecision = due;
        _pop.Decisions.Add(due, i);
    }

    /// <summary>Records researcher i's next exit and advancement and lists them in their months.</summary>
    private void SetLife(int i, short exit, short advance)
    {
        ref var r = ref _pop.State[i];
        r.NextExit = exit;
        r.NextAdvance = advance;
        _pop.Exits.Add(exit, i);
        _pop.Advances.Add(advance, i);
    }
}
