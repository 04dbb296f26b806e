namespace BrainDrainSim.Reporting.Comparisons;

/// <summary>
/// What a policy costs per unit of what it achieves, against the baseline: the paired extra cost (cumulative
/// policy cost at the horizon, policy minus baseline, KRW) over the paired effect, as a ratio of means
/// with Fieller's interval (<see cref="RatioEstimate"/>).
/// </summary>
/// <param name="Measure">per_researcher_home, per_top_talent_home or per_researcher_year.</param>
/// <param name="Unit">The unit of the ratio, e.g. "KRW per researcher".</param>
/// <param name="Effect">The paired effect (researchers at home at the horizon, top talent at home, researcher-years at home over the horizon).</param>
/// <param name="Cost">The paired extra cost over the horizon (KRW).</param>
public sealed record CostEffectiveness(string Measure, string Unit, string Description, PairedStatistics Effect, PairedStatistics Cost, RatioEstimate Ratio)
{
    public const string PerResearcherHome = "per_researcher_home";
    public const string PerTopTalentHome = "per_top_talent_home";
    public const string PerResearcherYear = "per_researcher_year";
}
