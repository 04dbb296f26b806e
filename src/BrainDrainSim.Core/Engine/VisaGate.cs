namespace BrainDrainSim.Engine;

/// <summary>The probability that an intent passes its destination's gate (model.md, step 3).</summary>
public static class VisaGate
{
    /// <summary>
    /// US work gate: sponsor(fee) * (1 - (1 - P_talent)(1 - P_lottery)). P_lottery is q, or
    /// 1 - (1 - q)(1 - q_adv) for a master's or PhD from a US university (the advanced-degree round).
    /// sponsor(fee) = exp(-elasticity * fee / offer): an employer weighs the fee against the pay it offers.
    /// </summary>
    public static double UsWorkPass(bool topTalent, bool usAdvancedDegree, double selectionRate, double advancedRoundRate,
        double talentRouteRate, double feeUsd, double offerUsd, double feeElasticity)
    {
        double lottery = usAdvancedDegree ? 1 - (1 - selectionRate) * (1 - advancedRoundRate) : selectionRate;
        double talent = topTalent ? talentRouteRate : 0;
        double sponsor = feeUsd > 0 ? Math.Exp(-feeElasticity * feeUsd / offerUsd) : 1.0;
        return sponsor * (1 - (1 - talent) * (1 - lottery));
    }
}
