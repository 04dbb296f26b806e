using BrainDrainSim.Model;

namespace BrainDrainSim.Reference.Tests.ReferenceModel;

/// <summary>
/// One researcher of the reference model, as a plain object: the state variables of model.md 1.2, one field
/// each, in the model's own words. Nothing is cached: every derived quantity is recomputed when it is needed.
/// </summary>
internal sealed class ReferenceResearcher
{
    public Location Location;
    public int Sector;
    public Stage Stage;
    public Degree Degree;
    /// <summary>The degree was earned at a US university (opens the advanced-degree round for a master's or PhD).</summary>
    public bool UsDegree;
    /// <summary>Talent z, standard normal.</summary>
    public double Talent;
    public bool TopTalent;
    /// <summary>f^h: the personal home pay factor (lognormal, mean 1).</summary>
    public double HomePayFactor;
    /// <summary>f^o: the personal offer factor (lognormal, mean 1 before the talent premium).</summary>
    public double OfferFactor;
    /// <summary>alpha: the personal share of the sector's compute (lognormal, mean 1).</summary>
    public double Access;
    /// <summary>A: home ties, lognormal with the scenario's mean and sd.</summary>
    public double Attachment;
    /// <summary>The K researchers this one is tied to (indices into the population; duplicates allowed).</summary>
    public int[] Peers = [];
    /// <summary>The month index of the last emigration as a student, or null.</summary>
    public int? StudentEmigrationMonth;
    /// <summary>The month index in which the researcher, a student in the US, graduated with a PhD, or null.</summary>
    public int? UsPhdGraduationMonth;
    /// <summary>Where the researcher was when it left the field (home, US or other), or null while it has not.</summary>
    public Location? ExitedFrom;
}
