using BrainDrainSim.Model;

namespace BrainDrainSim.Engine;

/// <summary>Step 7: the month's entrants join at home.</summary>
internal sealed partial class Simulation
{
    /// <summary>
    /// Step 7: the month's entrants join at home with their attributes, traits and one-way ties to everyone
    /// present at the start of the month (<see cref="PopulationBuilder.AddEntrants"/>); their first waits start
    /// next month, so they are first exposed to steps 3-6 then. This month's exits leave the tie candidates
    /// only after the entrants have drawn.
    /// </summary>
    private void Entrants(int t, MonthPolicy mp)
    {
        if (_candidates is null) return;
        var pop = _pop;
        int first = _builder.AddEntrants(pop, t, mp.Entrants, _candidates);
        for (int i = first; i < pop.Count; i++) Count(i, Location.Home, +1);
        ScheduleFirstEvents(first, pop.Count - first, from: t + 1);
        for (int x = 0; x < _exits; x++) _candidates.Remove(_exiting[x], pop.State[_exiting[x]].Sector);
        for (int i = first; i < pop.Count; i++) _candidates.Add(i, pop.State[i].Sector);
    }
}
