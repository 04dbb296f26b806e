namespace BrainDrainSim.Engine;

/// <summary>What is drawn once for a researcher and read where a decision is weighed (model.md 3.1), 20 bytes together.</summary>
internal struct ResearcherTraits
{
    public const int Bytes = 20;

    /// <summary>z, standard normal.</summary>
    public float Talent;

    /// <summary>Personal multiplier of home pay (mean 1).</summary>
    public float HomePayFactor;

    /// <summary>Personal multiplier of the offer abroad (mean 1 before the talent premium).</summary>
    public float OfferFactor;

    /// <summary>ln(access), the personal share of the sector's compute, kept as its log because only the log enters dU.</summary>
    public float LnAccess;

    /// <summary>A, attachment (home ties).</summary>
    public float Attachment;
}
