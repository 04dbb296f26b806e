using BrainDrainSim.Engine;
using BrainDrainSim.Model;
using BrainDrainSim.Model.Levers;
using BrainDrainSim.Randomness;

namespace BrainDrainSim.Core.Tests;

/// <summary>
/// Common random numbers at the level of a researcher: levers change only whether a candidate month becomes a
/// move and the gates, never when candidates, exits and advancements come (docs/model.md 3.3.8). So a
/// researcher a lever does not touch lives the same life, event for event, under the policy and its baseline.
/// </summary>
public class CommonRandomNumberTests
{
    /// <summary>
    /// A top-up for academia only, in a scenario where nothing else links researchers: no peer term (b_net 0: a
    /// moved colleague would change a follower's utility) and no GPU cohort (compute per head would move with
    /// the sector's head count). Every researcher outside academia then has the same location, stage, degree,
    /// student cohort and pending months (candidate decision, exit, advancement) at the end of every month under
    /// both scenarios; inside academia the top-up does change lives (so the comparison can fail).
    /// </summary>
    [Fact]
    public void A_lever_that_does_not_touch_a_researcher_leaves_every_event_of_that_researcher_where_it_was()
    {
        var baseline = TestScenarios.Small(months: 48) with
        {
            Coefficients = new Coefficients { BNet = 0 },
        };
        var policy = baseline with
        {
            Levers = [new SalaryTopup { At = new YearMonth(2025, 4), Sector = "academia", Fraction = 0.5 }],
        };
        var key = StreamKey.FromSeed(StreamKey.ReplicationSeed(11, 3));
        var a = new Simulation(baseline.Validate(), PolicySchedule.Build(baseline.Validate()), key);
        var b = new Simulation(policy.Validate(), PolicySchedule.Build(policy.Validate()), key);
        var sa = a.NewSeries();
        var sb = b.NewSeries();
        int academia = baseline.SectorIndex("academia");
        int untouched = 0, touchedDiffer = 0;
        for (int t = 0; t < baseline.Months; t++)
        {
            a.StepMonth(t, sa);
            b.StepMonth(t, sb);
            var pa = a.Population;
            var pb = b.Population;
            Assert.Equal(pa.Count, pb.Count); // the same entrants: education is not among the levers
            for (int i = 0; i < pa.Count; i++)
            {
                bool same = pa.Location[i] == pb.Location[i] && pa.State[i].Stage == pb.State[i].Stage && pa.State[i].Degree == pb.State[i].Degree
                    && pa.State[i].StudentEmigrationMonth == pb.State[i].StudentEmigrationMonth && pa.State[i].NextDecision == pb.State[i].NextDecision
                    && pa.State[i].NextExit == pb.State[i].NextExit && pa.State[i].NextAdvance == pb.State[i].NextAdvance;
                if (pa.State[i].Sector == academia)
                {
                    if (!same) touchedDiffer++;
                    continue;
                }
                Assert.True(same, $"month {t}: researcher {i} (sector {pa.State[i].Sector}) lives differently under a lever that does not touch it");
                untouched++;
            }
        }
        Assert.True(untouched > 100_000, $"{untouched} researcher-months compared");
        Assert.True(touchedDiffer > 0, "the top-up changed some academic's life");
        a.Release();
        b.Release();
    }
}
