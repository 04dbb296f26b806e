using System.Globalization;
using BrainDrainSim.Model;
using BrainDrainSim.Randomness;
using static BrainDrainSim.Model.MetricCatalog;

namespace BrainDrainSim.Engine;

/// <summary>
/// The engine's check mode: every month after step 2 (the state at the start of the month, before anyone
/// decides), and once more after the last month, everything the simulation keeps incrementally is
/// recomputed from scratch and must agree exactly: counts by location and sector, top talent at home and abroad,
/// students at home and abroad, the researchers at home by group and the sum of their pay factors (which price
/// the top-ups), the student-emigrant cohorts, the US PhD cohorts (those in the US counting those who exited
/// there), the calendars (every event a researcher has pending is in its month's list, none
/// lies in the past, an exited researcher has none, a location or stage with no hazard schedules nothing), the
/// tie candidates of entrants and the guaranteed-compute costs committed to later months. The first
/// disagreement throws <see cref="EngineCheckException"/>. Off, the mode costs one branch per month.
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

    /// <summary>The test hook for the top-ups' tally: changes the kept sum of pay factors of a group by one unit.</summary>
    internal void CorruptPayFactorSumForCheckTests(int group) => _homePayFactorByGroup[group]++;

    /// <summary>The test hook for the US PhD stay rate: adds one to the kept count of a month's US PhD cohort in the US.</summary>
    internal void CorruptUsPhdCohortForCheckTests(int month) => _usPhdCohortInUs[month]++;

    /// <summary>Checks the state at the start of month <paramref name="t"/>, or after the last month when <paramref name="t"/> is the horizon.</summary>
    private void CheckState(int t, double[][] series)
    {
        string when = t < _months ? $"month {t} ({_sc.Start.AddMonths(t)}), start" : $"after the last month {t - 1} ({_sc.Start.AddMonths(t - 1)})";
        var pop = _pop;
        int n = pop.Count;

        var home = new int[_nSectors];
        int us = 0, other = 0, exited = 0, topHome = 0, topAbroad = 0, studentsHome = 0, studentsAbroad = 0;
        var byGroup = new int[_homeByGroup.Length];
        var factors = new long[_homeByGroup.Length];
        var cohortSize = new int[_months];
        var cohortAbroad = new int[_months];
        var usPhdSize = new int[_months];
        var usPhdInUs = new int[_months];
        for (int i = 0; i < n; i++)
        {
            var loc = (Location)pop.Location[i];
            bool top = (pop.State[i].Flags & (byte)ResearcherFlags.TopTalent) != 0;
            bool student = pop.State[i].Stage == (byte)Stage.Student;
            bool exitedInUs = (pop.State[i].Flags & (byte)ResearcherFlags.ExitedInUs) != 0;
            if (exitedInUs && loc != Location.Exited)
                throw Disagreement(when, "the flag of an exit in the US", i, "set", $"unset ({loc}, not exited)");
            switch (loc)
            {
                case Location.Home:
                    home[pop.State[i].Sector]++;
                    if (top) topHome++;
                    if (student) studentsHome++;
                    byGroup[GroupOf(i)]++;
                    factors[GroupOf(i)] += PayFactorUnits(pop.Traits[i].HomePayFactor);
                    break;
                case Location.AbroadUs:
                case Location.AbroadOther:
                    if (loc == Location.AbroadUs) us++;
                    else other++;
                    if (top) topAbroad++;
                    if (student) studentsAbroad++;
                    break;
                default: exited++; break;
            }
            int usPhd = pop.State[i].UsPhdMonth;
            if (usPhd >= 0)
            {
                usPhdSize[usPhd]++;
                if (loc == Location.AbroadUs || exitedInUs) usPhdInUs[usPhd]++;
            }
            int cohort = pop.State[i].StudentEmigrationMonth;
            if (cohort < 0) continue;
            cohortSize[cohort]++;
            if (IsAbroad(loc)) cohortAbroad[cohort]++;
        }
        for (int s = 0; s < _nSectors; s++) Agree(when, $"researchers at home in sector {_sc.Sectors[s].Name}", -1, _homeBySector[s], home[s]);
        Agree(when, "researchers abroad in the US", -1, _abroadUs, us);
        Agree(when, "researchers abroad elsewhere", -1, _abroadOther, other);
        Agree(when, "researchers exited", -1, _exited, exited);
        Agree(when, "top-talent researchers at home", -1, _topHome, topHome);
        Agree(when, "top-talent researchers abroad", -1, _topAbroad, topAbroad);
        Agree(when, "students at home", -1, _studentsHome, studentsHome);
        Agree(when, "students abroad", -1, _studentsAbroad, studentsAbroad);
        for (int g = 0; g < byGroup.Length; g++)
        {
            Agree(when, $"researchers at home in group {g}", -1, _homeByGroup[g], byGroup[g]);
            Agree(when, $"pay factors at home in group {g} (units of 2^-32)", -1, _homePayFactorByGroup[g], factors[g]);
        }
        for (int m = 0; m < _months; m++)
        {
            Agree(when, $"student emigrants of month {m}", -1, _cohortSize[m], cohortSize[m]);
            Agree(when, $"student emigrants of month {m} abroad", -1, _cohortAbroad[m], cohortAbroad[m]);
            Agree(when, $"US PhD graduates of month {m}", -1, _usPhdCohortSize[m], usPhdSize[m]);
            Agree(when, $"US PhD graduates of month {m} in the US or exited there", -1, _usPhdCohortInUs[m], usPhdInUs[m]);
        }

        CheckCalendar(when, t, "candidate decision", i => pop.State[i].NextDecision, pop.Decisions, i => _decisionWait[pop.Location[i]].P);
        CheckCalendar(when, t, "exit", i => pop.State[i].NextExit, pop.Exits, i => _exitWait[pop.State[i].Stage].P);
        CheckCalendar(when, t, "advancement", i => pop.State[i].NextAdvance, pop.Advances, i => _advanceWait[pop.State[i].Stage].P);
        CheckTieCandidates(when);
        CheckGuaranteeCosts(when, t, series);
    }

    /// <summary>
    /// Every pending event of one kind is live in its month's list and not in the past; an exited researcher,
    /// or one whose situation has no chance of the event, has none pending.
    /// </summary>
    private void CheckCalendar(string when, int t, string what, Func<int, short> next, Calendar calendar, Func<int, double> chance)
    {
        var pop = _pop;
        var listed = new HashSet<long>();
        for (int m = Math.Min(t, _months); m < _months; m++)
            foreach (int i in calendar.Due(m)) listed.Add((long)m << 32 | (uint)i);
        for (int i = 0; i < pop.Count; i++)
        {
            int due = next(i);
            if (due == Population.Never) continue;
            if (pop.Location[i] == (byte)Location.Exited || chance(i) == 0)
                throw Disagreement(when, $"pending {what}", i, $"month {due}", "none (exited, or no chance of it)");
            if (due < t) throw Disagreement(when, $"pending {what}", i, $"month {due}", $"month {t} or later");
            if (!listed.Contains((long)due << 32 | (uint)i))
                throw Disagreement(when, $"pending {what}", i, $"month {due}", $"an entry in month {due}'s list, which has none");
        }
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
                expected.Where(i => pop.State[i].Sector == s).ToArray());
    }

    /// <summary>
    /// The guaranteed compute committed to later months, recomputed from the returns recorded so far: each
    /// return of month m commits each active guarantee for its months, added in the order the engine adds them.
    /// </summary>
    private void CheckGuaranteeCosts(string when, int t, double[][] series)
    {
        var fresh = new double[_months];
        for (int m = 0; m < Math.Min(t, _months); m++)
        {
            int returnsThen = (int)Math.Round(series[IReturns][m] / _scale);
            for (int r = 0; r < returnsThen; r++)
                foreach (var (costPerMonth, months) in _plan[m].Guarantees)
                    for (int later = m, end = Math.Min(_months, m + months); later < end; later++)
                        fresh[later] += costPerMonth * _scale;
        }
        for (int m = 0; m < _months; m++) AgreeBits(when, $"guaranteed-compute cost committed to month {m}", -1, _guaranteeCost[m], fresh[m]);
    }

    private static void CompareSets(string when, string what, int[] kept, int[] expected)
    {
        Array.Sort(kept);
        Array.Sort(expected);
        if (kept.Length != expected.Length)
            throw new EngineCheckException($"{when}: {what}: the engine keeps {kept.Length} entries, recomputed from scratch {expected.Length}");
        for (int x = 0; x < kept.Length; x++)
            if (kept[x] != expected[x])
                throw new EngineCheckException($"{when}: {what}: the engine keeps entry {kept[x]}, recomputed from scratch {expected[x]} (position {x} sorted)");
    }

    private static void Agree(string when, string what, int researcher, long kept, long fresh)
    {
        if (kept != fresh) throw Disagreement(when, what, researcher, kept.ToString(CultureInfo.InvariantCulture), fresh.ToString(CultureInfo.InvariantCulture));
    }

    private static void AgreeBits(string when, string what, int researcher, double kept, double fresh)
    {
        if (BitConverter.DoubleToInt64Bits(kept) != BitConverter.DoubleToInt64Bits(fresh))
            throw Disagreement(when, what, researcher, kept.ToString("R", CultureInfo.InvariantCulture), fresh.ToString("R", CultureInfo.InvariantCulture));
    }

    private static EngineCheckException Disagreement(string when, string what, int researcher, string kept, string fresh) =>
        new($"{when}: {what}{(researcher >= 0 ? $" of researcher {researcher}" : "")}: the engine keeps {kept}, recomputed from scratch {fresh}");
}
