using BrainDrainSim.Model;
using BrainDrainSim.Randomness;
using static BrainDrainSim.MonteCarlo.MetricCatalog;

namespace BrainDrainSim.Engine;

/// <summary>
/// The engine's check mode: every month, after the hazards have been refreshed and before anyone moves (the
/// state at the start of the month), and once more after the last month, everything the simulation keeps
/// incrementally is recomputed from scratch and must agree exactly: counts by location and sector, top talent
/// at home, the student-emigrant cohorts, each researcher's peers abroad and stale flag (one 16-bit field),
/// group, static utility, exit and advancement thresholds, the cached hazard threshold of every researcher
/// (bit for bit, with the same arithmetic the sweep uses), the tie candidates of entrants, the reverse edges
/// of the network and the guaranteed-compute costs committed to later months. The first disagreement throws
/// <see cref="EngineCheckException"/>. Off, the mode costs one branch per month.
/// </summary>
internal sealed partial class Simulation
{
    /// <summary>Recompute every incrementally kept quantity each month and throw on any disagreement (tests only: slow).</summary>
    internal bool CheckEngine { get; init; }

    /// <summary>A simulation of <paramref name="scenario"/> (no uncertainty block) with the check mode on, for tests that step it month by month and corrupt its state.</summary>
    internal static Simulation ForCheckTests(ValidatedScenario scenario, ulong seed) =>
        new(scenario, PolicySchedule.Build(scenario), StreamKey.FromSeed(seed)) { CheckEngine = true };

    /// <summary>The test hook that shows the check can fail: changes the kept count of researchers at home in a sector.</summary>
    internal void CorruptHomeCountForCheckTests(int sector, int delta) => _homeBySector[sector] += delta;

    /// <summary>
    /// Checks the state at the start of month <paramref name="t"/> (after the sweep's refresh), or, with
    /// <paramref name="mp"/> null, the state at the end of the run, where no hazard has been refreshed.
    /// </summary>
    private void CheckState(int t, MonthPolicy? mp, double lnCAbroad, double[][] series)
    {
        string when = t < _sc.Months ? $"month {t} ({_sc.Start.AddMonths(t)}), start" : $"after the last month {t - 1} ({_sc.Start.AddMonths(t - 1)})";
        var pop = _pop;
        int n = pop.Count;

        // Counts by location and sector, and top talent at home.
        var home = new int[_nSectors];
        int us = 0, other = 0, exited = 0, topHome = 0;
        var cohortSize = new int[_sc.Months];
        var cohortAbroad = new int[_sc.Months];
        for (int i = 0; i < n; i++)
        {
            var loc = (Location)pop.Location[i];
            switch (loc)
            {
                case Location.Home:
                    home[pop.Sector[i]]++;
                    if ((pop.Flags[i] & (byte)ResearcherFlags.TopTalent) != 0) topHome++;
                    break;
                case Location.AbroadUs: us++; break;
                case Location.AbroadOther: other++; break;
                default: exited++; break;
            }
            int cohort = pop.StudentEmigrationMonth[i];
            if (cohort < 0) continue;
            cohortSize[cohort]++;
            if (loc is Location.AbroadUs or Location.AbroadOther) cohortAbroad[cohort]++;
        }
        for (int s = 0; s < _nSectors; s++) Agree(when, $"researchers at home in sector {_sc.Sectors[s].Name}", -1, _homeBySector[s], home[s]);
        Agree(when, "researchers abroad in the US", -1, _abroadUs, us);
        Agree(when, "researchers abroad elsewhere", -1, _abroadOther, other);
        Agree(when, "researchers exited", -1, _exited, exited);
        Agree(when, "top-talent researchers at home", -1, _topHome, topHome);
        for (int m = 0; m < _sc.Months; m++)
        {
            Agree(when, $"student emigrants of month {m}", -1, _cohortSize[m], cohortSize[m]);
            Agree(when, $"student emigrants of month {m} abroad", -1, _cohortAbroad[m], cohortAbroad[m]);
        }

        // Each researcher's derived state and cached hazard.
        for (int i = 0; i < n; i++)
        {
            var loc = (Location)pop.Location[i];
            int stage = pop.Stage[i];
            bool top = (pop.Flags[i] & (byte)ResearcherFlags.TopTalent) != 0;
            Agree(when, "peers abroad", i, pop.AbroadPeers(i), CountAbroadPeers(i));
            Agree(when, "group", i, pop.Group[i], PolicySchedule.Group(pop.Sector[i], stage, top));
            AgreeBits(when, "static utility", i, pop.Utility[i], StaticUtility(i, loc));
            int life = (int)loc * Stages + stage;
            Agree(when, "exit threshold", i, pop.ExitThreshold[i], _exitThreshold[life]);
            Agree(when, "advancement threshold", i, pop.AdvanceThreshold[i], _advanceThreshold[life]);
            if (mp is null)
            {
                if (loc == Location.Exited) Agree(when, "hazard threshold of an exited researcher", i, pop.HazardThreshold[i], 0);
                continue;
            }
            // After the refresh every cache of a researcher present claims to be fresh: none may still be flagged
            // stale (an exited follower may keep the flag a peer's move set: its hazard is 0 whatever it holds).
            if (loc != Location.Exited) Agree(when, "stale flag after the refresh", i, pop.IsStale(i) ? 1 : 0, 0);
            Agree(when, "hazard threshold", i, pop.HazardThreshold[i], FreshHazardThreshold(i, loc, mp, lnCAbroad));
        }

        CheckTieCandidates(when);
        CheckReverseEdges(when);
        CheckGuaranteeCosts(when, t, series);
    }

    /// <summary>The hazard threshold of researcher i computed from scratch: its static utility, its slot's month term and its peers abroad counted anew.</summary>
    private uint FreshHazardThreshold(int i, Location loc, MonthPolicy mp, double lnCAbroad)
    {
        if (loc == Location.Exited || _lambda[(int)loc] == 0) return 0;
        int slot = (int)loc * _groups + PolicySchedule.Group(_pop.Sector[i], _pop.Stage[i], (_pop.Flags[i] & (byte)ResearcherFlags.TopTalent) != 0);
        double p = _exact[slot]
            ? ExactHazard(i, mp, lnCAbroad)
            : FastMath.Hazard(_lambda[(int)loc], StaticUtility(i, loc) + _term[slot] + _netPerPeer[(int)loc] * CountAbroadPeers(i));
        return MonthStream.Threshold(p, MonthStream.DecisionBits);
    }

    /// <summary>An entrant's candidates are everyone not exited, overall and by sector.</summary>
    private void CheckTieCandidates(string when)
    {
        if (_candidates is null) return;
        var pop = _pop;
        var expected = Enumerable.Range(0, pop.Count).Where(i => pop.Location[i] != (byte)Location.Exited).ToArray();
        CompareSets(when, "tie candidates", [.. _candidates.All], expected);
        for (int s = 0; s < _nSectors; s++)
            CompareSets(when, $"tie candidates in sector {_sc.Sectors[s].Name}", [.. _candidates.BySector[s]],
                expected.Where(i => pop.Sector[i] == s).ToArray());
    }

    /// <summary>The reverse edges (followers of each researcher) hold exactly the ties, each once.</summary>
    private void CheckReverseEdges(string when)
    {
        var pop = _pop;
        int k = pop.K;
        var expected = new List<long>();
        for (int holder = 0; holder < pop.Count; holder++)
            for (int j = 0; j < k; j++)
                if (pop.Peers[(long)holder * k + j] is var target and >= 0) expected.Add((long)target << 32 | (uint)holder);
        var kept = new List<long>();
        long entrantBase = (long)pop.InitialCount * k;
        for (int target = 0; target < pop.Count; target++)
        {
            if (target < pop.InitialCount)
                for (int x = pop.FollowerStart[target]; x < pop.FollowerStart[target + 1]; x++)
                    kept.Add((long)target << 32 | (uint)pop.FollowerList[x]);
            for (int e = pop.FollowerHead[target]; e >= 0; e = pop.FollowerNext[e - entrantBase])
                kept.Add((long)target << 32 | (uint)pop.HolderOfTie(e));
        }
        CompareSets(when, "reverse edges (target << 32 | follower)", [.. kept], [.. expected]);
    }

    /// <summary>
    /// The guaranteed compute committed to later months, recomputed from the returns recorded so far: each
    /// return of month m commits each active guarantee for its months, added in the order the engine adds them.
    /// </summary>
    private void CheckGuaranteeCosts(string when, int t, double[][] series)
    {
        var fresh = new double[_sc.Months];
        for (int m = 0; m < Math.Min(t, _sc.Months); m++)
        {
            int returnsThen = (int)Math.Round(series[IReturns][m] / _scale);
            for (int r = 0; r < returnsThen; r++)
                foreach (var (costPerMonth, months) in _plan[m].Guarantees)
                    for (int later = m, end = Math.Min(_sc.Months, m + months); later < end; later++)
                        fresh[later] += costPerMonth * _scale;
        }
        for (int m = 0; m < _sc.Months; m++) AgreeBits(when, $"guaranteed-compute cost committed to month {m}", -1, _guaranteeCost[m], fresh[m]);
    }

    private static void CompareSets(string when, string what, long[] kept, long[] expected)
    {
        Array.Sort(kept);
        Array.Sort(expected);
        if (kept.Length != expected.Length)
            throw new EngineCheckException($"{when}: {what}: the engine keeps {kept.Length} entries, recomputed from scratch {expected.Length}");
        for (int x = 0; x < kept.Length; x++)
            if (kept[x] != expected[x])
                throw new EngineCheckException($"{when}: {what}: the engine keeps entry {kept[x]}, recomputed from scratch {expected[x]} (position {x} sorted)");
    }

    private static void CompareSets(string when, string what, int[] kept, int[] expected) =>
        CompareSets(when, what, kept.Select(v => (long)v).ToArray(), expected.Select(v => (long)v).ToArray());

    private static void Agree(string when, string what, int researcher, long kept, long fresh)
    {
        if (kept != fresh) throw Disagreement(when, what, researcher, kept.ToString(System.Globalization.CultureInfo.InvariantCulture), fresh.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    private static void AgreeBits(string when, string what, int researcher, double kept, double fresh)
    {
        if (BitConverter.DoubleToInt64Bits(kept) != BitConverter.DoubleToInt64Bits(fresh))
            throw Disagreement(when, what, researcher, kept.ToString("R", System.Globalization.CultureInfo.InvariantCulture), fresh.ToString("R", System.Globalization.CultureInfo.InvariantCulture));
    }

    private static EngineCheckException Disagreement(string when, string what, int researcher, string kept, string fresh) =>
        new($"{when}: {what}{(researcher >= 0 ? $" of researcher {researcher}" : "")}: the engine keeps {kept}, recomputed from scratch {fresh}");
}
