using BrainDrainSim.Model;
using BrainDrainSim.Randomness;

namespace BrainDrainSim.Engine;

/// <summary>Step 5, the moves, and the counts kept up to date as researchers move, advance, exit and enter.</summary>
internal sealed partial class Simulation
{
    // Counts kept incrementally instead of recounted each month (the check mode recounts them).
    private readonly int[] _homeBySector;
    private int _abroadUs, _abroadOther, _exited, _topHome;
    private int _studentsHome, _studentsAbroad, _topAbroad;
    private readonly int[] _cohortSize;     // student emigrants by month of emigration
    private readonly int[] _cohortAbroad;   // ... of whom abroad now
    private readonly int[] _usPhdCohortSize; // PhD graduates in the US by month of graduation
    private readonly int[] _usPhdCohortInUs; // ... of whom in the US now, or exited while there

    // Researchers at home by group and the sum of their home pay factors, in units of 2^-32 so that adding
    // and removing a researcher is exact whatever the order: the top-ups of a month are reckoned from these.
    private readonly int[] _homeByGroup;
    private readonly long[] _homePayFactorByGroup;
    private const double PayFactorUnit = 4294967296.0;

    // Guaranteed compute committed by returns to later months (KRW), charged month by month.
    private readonly double[] _guaranteeCost;

    /// <summary>
    /// Step 5: the moves decided in steps 3 and 4 are applied together (synchronous update). A returner may
    /// cost a bonus and commit guaranteed compute, and is counted among the PhD returns if it holds a PhD; a
    /// student who emigrates joins this month's cohort. Each mover's next candidate decision is drawn where it
    /// now is.
    /// </summary>
    private void Moves(int t, MonthPolicy mp)
    {
        for (int m = 0; m < _nMoving; m++)
        {
            int i = _moving[m];
            var to = (Location)_movingTo[m];
            if (to == Location.Home)
            {
                _returns++;
                if (_pop.State[i].Degree == (byte)Model.Degree.Phd) _phdReturns++;
                _returnCost += OnReturn(t, mp);
            }
            else
            {
                if (_pop.State[i].Stage == (byte)Stage.Student) JoinStudentCohort(i, t);
                _emigrations++;
            }
            MoveTo(i, to);
            ScheduleDecision(i, _movingWait[m], t + 1);
        }
        _nMoving = 0;
    }

    /// <summary>
    /// Moves a researcher and updates the counts, its student cohort and its US PhD cohort. An exit from the US
    /// leaves the US PhD cohort's count of those in the US as it is: that stay rate counts a researcher who left
    /// the field in the US as still there (docs/model.md 3.3.9).
    /// </summary>
    private void MoveTo(int i, Location to)
    {
        var from = (Location)_pop.Location[i];
        if (from == to) return;
        Count(i, from, -1);
        _pop.Location[i] = (byte)to;
        Count(i, to, +1);
        int cohort = _pop.State[i].StudentEmigrationMonth;
        if (cohort >= 0 && IsAbroad(from) != IsAbroad(to)) _cohortAbroad[cohort] += IsAbroad(to) ? 1 : -1;
        int usPhd = _pop.State[i].UsPhdMonth;
        if (usPhd >= 0 && to != Location.Exited && (from == Location.AbroadUs) != (to == Location.AbroadUs))
            _usPhdCohortInUs[usPhd] += to == Location.AbroadUs ? 1 : -1;
    }

    private static bool IsAbroad(Location where) => where is Location.AbroadUs or Location.AbroadOther;

    /// <summary>Puts a student who emigrates this month into this month's cohort (leaving an earlier one, if any).</summary>
    private void JoinStudentCohort(int i, int t)
    {
        int old = _pop.State[i].StudentEmigrationMonth;
        if (old >= 0) _cohortSize[old]--; // at home now, so not among that cohort's abroad
        _pop.State[i].StudentEmigrationMonth = (short)t;
        _cohortSize[t]++;
    }

    /// <summary>Puts a student who graduates with a PhD in the US this month into this month's US PhD cohort, in the US.</summary>
    private void JoinUsPhdCohort(int i, int t)
    {
        _pop.State[i].UsPhdMonth = (short)t;
        _usPhdCohortSize[t]++;
        _usPhdCohortInUs[t]++;
    }

    /// <summary>Adds (+1) or removes (-1) researcher i, at <paramref name="where"/> with its current stage, from the counts.</summary>
    private void Count(int i, Location where, int delta)
    {
        var pop = _pop;
        bool student = pop.State[i].Stage == (byte)Stage.Student;
        bool top = (pop.State[i].Flags & (byte)ResearcherFlags.TopTalent) != 0;
        switch (where)
        {
            case Location.Home:
                _homeBySector[pop.State[i].Sector] += delta;
                if (top) _topHome += delta;
                if (student) _studentsHome += delta;
                int g = GroupOf(i);
                _homeByGroup[g] += delta;
                _homePayFactorByGroup[g] += delta * PayFactorUnits(pop.Traits[i].HomePayFactor);
                break;
            case Location.AbroadUs:
                _abroadUs += delta;
                if (top) _topAbroad += delta;
                if (student) _studentsAbroad += delta;
                break;
            case Location.AbroadOther:
                _abroadOther += delta;
                if (top) _topAbroad += delta;
                if (student) _studentsAbroad += delta;
                break;
            default: _exited += delta; break;
        }
    }

    private static long PayFactorUnits(float factor) => (long)Math.Round(factor * PayFactorUnit);

    /// <summary>Changes a researcher's stage, keeping the counts by group.</summary>
    private void SetStage(int i, int stage)
    {
        var where = (Location)_pop.Location[i];
        Count(i, where, -1);
        _pop.State[i].Stage = (byte)stage;
        Count(i, where, +1);
    }

    /// <summary>What a return costs now (per agent, before agent_scale), and the guaranteed compute it commits in later months.</summary>
    private double OnReturn(int t, MonthPolicy mp)
    {
        foreach (var (costPerMonth, months) in mp.Guarantees)
        {
            int end = Math.Min(_months, t + months);
            for (int m = t; m < end; m++) _guaranteeCost[m] += costPerMonth * _scale;
        }
        return mp.BonusPerReturn;
    }

    /// <summary>The uniform of the wait that starts after month t when researcher i's location changed in it (a forced return).</summary>
    private double DecisionWaitUniform(int i, int t)
    {
        Uniforms(i, t, Purpose.Decision, out _, out var uWait, out _, out _);
        return uWait;
    }
}
