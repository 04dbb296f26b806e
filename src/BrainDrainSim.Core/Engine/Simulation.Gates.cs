using BrainDrainSim.Model;

namespace BrainDrainSim.Engine;

/// <summary>The visa gates of docs/model.md 3.3.4: an emigration intent's, and a graduate's abroad.</summary>
internal sealed partial class Simulation
{
    /// <summary>
    /// P_pass of an intent (model.md 3.3.4): a study visa for a student, the US work gate (talent routes,
    /// the lottery and its advanced round, the employer's weighing of the fee) or the other destinations' rate;
    /// an intent aimed at the US also passes the US entry rate of its kind (study or work).
    /// </summary>
    private double EmigrationGate(int i, int stage, bool toUs, MonthPolicy mp)
    {
        var visa = mp.Visa;
        // The US entry rates are 1 unless the timeline suspends entry (x 1 leaves a rate's bits as they are).
        if (stage == (int)Stage.Student) return toUs ? visa.StudyPassRate * visa.UsStudyEntryRate : visa.StudyPassRate;
        if (!toUs) return visa.OtherPassRate;
        var pop = _pop;
        bool top = (pop.State[i].Flags & (byte)ResearcherFlags.TopTalent) != 0;
        bool usAdvanced = (pop.State[i].Flags & (byte)ResearcherFlags.UsDegree) != 0 && pop.State[i].Degree >= (byte)Model.Degree.Master;
        double offerUsd = Offer(i, mp) / mp.KrwPerUsd;
        return VisaGate.UsWorkPass(top, usAdvanced, visa.SelectionRate, visa.AdvancedRoundRate, visa.TalentRouteRate,
            visa.FeeUsd, offerUsd, visa.FeeElasticity) * visa.UsWorkEntryRate;
    }

    /// <summary>
    /// P_pass of a graduate abroad (model.md 3.3.6): in the US the work gate with the fee exempt (an in-US change
    /// of status) and the advanced round for a master's or PhD; elsewhere the other destinations' rate.
    /// </summary>
    private double GraduateGate(int i, byte where, MonthPolicy mp)
    {
        var visa = mp.Visa;
        if (where != (byte)Location.AbroadUs) return visa.OtherPassRate;
        ref var r = ref _pop.State[i];
        bool top = (r.Flags & (byte)ResearcherFlags.TopTalent) != 0;
        return VisaGate.UsWorkPass(top, r.Degree >= (byte)Model.Degree.Master, visa.SelectionRate, visa.AdvancedRoundRate,
            visa.TalentRouteRate, 0, 1, visa.FeeElasticity);
    }
}
