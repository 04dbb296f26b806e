using BrainDrainSim.Model;
using BrainDrainSim.Randomness;

namespace BrainDrainSim.Engine;

/// <summary>Step 6: exits, then stage advancement and graduation, for those present at the start of the month.</summary>
internal sealed partial class Simulation
{
    // This month's exits, which leave the entrants' tie candidates only after the entrants have drawn (step 7).
    private int[] _exiting = new int[64];

    /// <summary>
    /// Step 6: everyone present at the start of the month whose exit falls due leaves the field; then everyone
    /// whose advancement falls due (and who did not exit) advances a stage, with new waits for the new stage's
    /// exit and advancement rates. A student who advances graduates (<see cref="Graduate"/>). Entrants of this
    /// month are not yet in the calendars: their first waits start next month.
    /// </summary>
    private void LifeEvents(int t, MonthPolicy mp)
    {
        var pop = _pop;
        var exits = pop.Exits.Due(t);
        for (int e = 0; e < exits.Length; e++)
        {
            if (e + Prefetch.Ahead < exits.Length) PrefetchResearcher(exits[e + Prefetch.Ahead]);
            int i = exits[e];
            if (pop.State[i].NextExit != t || pop.Location[i] == (byte)Location.Exited) continue;
            Exit(i);
        }
        var advances = pop.Advances.Due(t);
        for (int e = 0; e < advances.Length; e++)
        {
            if (e + Prefetch.Ahead < advances.Length) PrefetchResearcher(advances[e + Prefetch.Ahead]);
            int i = advances[e];
            if (pop.State[i].NextAdvance != t || pop.Location[i] == (byte)Location.Exited) continue;
            Advance(i, t, mp);
        }
    }

    /// <summary>
    /// Leaves the field: counted as exited for good, with no event left to happen. Where it left from is kept
    /// only as whether it was the US (for the US PhD stay rate).
    /// </summary>
    private void Exit(int i)
    {
        var pop = _pop;
        if (pop.Location[i] == (byte)Location.AbroadUs) pop.State[i].Flags |= (byte)ResearcherFlags.ExitedInUs;
        MoveTo(i, Location.Exited);
        pop.State[i].NextDecision = pop.State[i].NextExit = pop.State[i].NextAdvance = Population.Never;
        if (_exits == _exiting.Length) Array.Resize(ref _exiting, _exits * 2);
        _exiting[_exits++] = i;
    }

    /// <summary>
    /// Advances researcher i one stage in month t. One keyed call (month t, purpose Life) gives the graduate's
    /// gate, the degree, and the new stage's exit and advancement waits, which start next month (a geometric
    /// wait has no memory, so redrawing at a change of rate is exact).
    /// </summary>
    private void Advance(int i, int t, MonthPolicy mp)
    {
        var pop = _pop;
        int from = pop.State[i].Stage;
        SetStage(i, from + 1);
        Uniforms(i, t, Purpose.Life, out var uGraduate, out var uDegree, out var uExit, out var uAdvance);
        ScheduleLife(i, from + 1, uExit, uAdvance, t + 1);
        if (from == (int)Stage.Student) Graduate(i, t, mp, uGraduate, uDegree);
    }

    /// <summary>
    /// A student who advances earns a degree (from the month's graduation mix). At home nothing else happens.
    /// Abroad the graduate must pass the work gate of the country of graduation (in the US with the fee exempt:
    /// an in-US change of status) or return home: a return and a forced return (and a PhD return with a PhD).
    /// A PhD graduate in the US joins the month's US PhD cohort before the gate, so one who fails it counts
    /// among that cohort as not in the US.
    /// </summary>
    private void Graduate(int i, int t, MonthPolicy mp, double uGraduate, double uDegree)
    {
        var pop = _pop;
        var degrees = mp.GraduationDegrees;
        double ud = uDegree * degrees.Sum;
        var degree = ud < degrees.Bachelor ? Model.Degree.Bachelor : ud < degrees.Bachelor + degrees.Master ? Model.Degree.Master : Model.Degree.Phd;
        pop.State[i].Degree = (byte)degree;
        byte where = pop.Location[i];
        if (where == (byte)Location.Home) return;
        if (where == (byte)Location.AbroadUs)
        {
            pop.State[i].Flags |= (byte)ResearcherFlags.UsDegree;
            if (degree == Model.Degree.Phd) JoinUsPhdCohort(i, t);
        }
        if (uGraduate < GraduateGate(i, where, mp)) return;
        MoveTo(i, Location.Home);
        _returns++;
        _forced++;
        if (degree == Model.Degree.Phd) _phdReturns++;
        _returnCost += OnReturn(t, mp);
        ScheduleDecision(i, DecisionWaitUniform(i, t), t + 1);
    }
}
