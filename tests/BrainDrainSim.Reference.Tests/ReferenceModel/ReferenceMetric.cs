namespace BrainDrainSim.Reference.Tests.ReferenceModel;

/// <summary>
/// A metric the reference model records, named as in model.md 3.3.9 (the names are typed here from the
/// documentation, not taken from the engine's catalogue, so that a renamed or missing metric shows up).
/// A flow is a count or amount during the month; everything else is a level at the end of the month.
/// </summary>
internal sealed record ReferenceMetric(string Name, bool IsFlow)
{
    public const string Home = "researchers_home";
    public const string Abroad = "researchers_abroad";
    public const string AbroadUs = "researchers_abroad_us";
    public const string AbroadOther = "researchers_abroad_other";
    public const string Exited = "researchers_exited";
    public const string Emigrations = "emigrations";
    public const string Returns = "returns";
    public const string ForcedReturns = "forced_returns";
    public const string Entrants = "entrants";
    public const string Exits = "exits";
    public const string VisaBlocked = "visa_blocked";
    public const string TopTalentHome = "top_talent_home";
    public const string PolicyCost = "policy_cost_krw";
    public const string PolicyCostCumulative = "policy_cost_krw_cumulative";
    public const string StayRate = "student_emigrant_five_year_stay_rate";
    public const string HomeNonStudent = "researchers_home_nonstudent";
    public const string AbroadNonStudent = "researchers_abroad_nonstudent";
    public const string PhdReturns = "phd_returns";
    public const string UsPhdStayRate = "us_phd_five_year_stay_rate";
    public const string TopTalentHomeShare = "top_talent_home_share";
    public const string NetEmigrations = "net_emigrations";
    public const string ComputePrefix = "compute_per_home_researcher.";

    /// <summary>The metrics of a scenario with these sectors, in the order of the table of model.md 3.3.9.</summary>
    public static IReadOnlyList<ReferenceMetric> For(IEnumerable<string> sectorNames) =>
    [
        new(Home, false), new(Abroad, false), new(AbroadUs, false), new(AbroadOther, false), new(Exited, false),
        new(Emigrations, true), new(Returns, true), new(ForcedReturns, true), new(Entrants, true), new(Exits, true),
        new(VisaBlocked, true), new(TopTalentHome, false), new(PolicyCost, true), new(PolicyCostCumulative, false),
        new(StayRate, false), new(HomeNonStudent, false), new(AbroadNonStudent, false), new(PhdReturns, true),
        new(UsPhdStayRate, false), new(TopTalentHomeShare, false), new(NetEmigrations, true),
        .. sectorNames.Select(s => new ReferenceMetric(ComputePrefix + s, false)),
    ];
}
