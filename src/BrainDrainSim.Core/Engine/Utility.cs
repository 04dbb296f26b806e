using BrainDrainSim.Model;

namespace BrainDrainSim.Engine;

/// <summary>
/// The two utilities a researcher weighs, written once and in the model's own terms (docs/model.md 3.3.3
/// and 3.3.5), and the logistic that turns them into the share of candidate months that become a move. The
/// logs and the exp are the hand-written ones, so a decision has the same bits on every processor.
/// </summary>
internal static class Utility
{
    /// <summary>Compute per head is floored here (H100e) so that the log ratios stay finite in an empty or compute-less sector.</summary>
    public const double ComputeFloor = 1e-6;

    /// <summary>
    /// dU, the utility of leaving home (model.md 3.3.3):
    /// b0 + b_wage ln(offer / pay) + b_gpu ln(c_abroad / (alpha max(c_home, 1e-6))) + b_net (peers abroad) / K + b_talent z - A.
    /// </summary>
    /// <param name="c">The coefficients.</param>
    /// <param name="offerKrw">The US offer in KRW per year (the stage's offer times the personal offer factor).</param>
    /// <param name="payKrw">Home pay in KRW per year, top-ups included.</param>
    /// <param name="lnComputeAbroad">ln c_abroad(t).</param>
    /// <param name="lnAccess">ln alpha, the personal access factor.</param>
    /// <param name="lnComputeHome">ln max(c_home(s, t), 1e-6) of the researcher's sector.</param>
    /// <param name="peersAbroad">The researcher's ties abroad at the start of the month.</param>
    /// <param name="peers">K.</param>
    /// <param name="talent">z.</param>
    /// <param name="attachment">A.</param>
    public static double Emigration(Coefficients c, double offerKrw, double payKrw, double lnComputeAbroad, double lnAccess,
        double lnComputeHome, int peersAbroad, int peers, double talent, double attachment) =>
        c.B0
        + c.BWage * FastNormal.Log(offerKrw / payKrw)
        + c.BGpu * (lnComputeAbroad - lnAccess - lnComputeHome)
        + (peers > 0 ? c.BNet * peersAbroad / peers : 0)
        + c.BTalent * talent
        - attachment;

    /// <summary>
    /// dR, the utility of returning (model.md 3.3.5):
    /// r0 - b_wage ln(dest_pay / (pay + B/Y)) - b_gpu ln(c_abroad / (max(c_home, 1e-6) + G)) + b_att A.
    /// </summary>
    /// <param name="c">The coefficients.</param>
    /// <param name="destinationPayKrw">Pay where the researcher is, KRW per year (the offer in the US, other_pay_ratio times it elsewhere).</param>
    /// <param name="payKrw">Home pay in KRW per year, top-ups included.</param>
    /// <param name="bonusPerYear">B / Y, the active return bonuses per bonus year.</param>
    /// <param name="lnComputeAbroad">ln c_abroad(t).</param>
    /// <param name="lnComputeOnReturn">ln(max(c_home(s, t), 1e-6) + G) of the researcher's sector, G the guaranteed compute.</param>
    /// <param name="attachment">A.</param>
    public static double Return(Coefficients c, double destinationPayKrw, double payKrw, double bonusPerYear,
        double lnComputeAbroad, double lnComputeOnReturn, double attachment) =>
        c.R0
        - c.BWage * FastNormal.Log(destinationPayKrw / (payKrw + bonusPerYear))
        - c.BGpu * (lnComputeAbroad - lnComputeOnReturn)
        + c.BAtt * attachment;

    /// <summary>1 / (1 + e^-x): the chance that a candidate month becomes a move.</summary>
    public static double Logistic(double x) => 1.0 / (1.0 + FastMath.Exp(-x));
}
