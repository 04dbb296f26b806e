namespace BrainDrainSim.Model;

/// <summary>
/// The metrics every run records, in a fixed order (model.md, Outputs). Counts and costs are in persons and
/// KRW after <c>agent_scale</c> is multiplied back.
/// </summary>
public static class MetricCatalog
{
    /// <summary>Researchers at home at the end of the month (persons).</summary>
    public const string Home = "researchers_home";
    /// <summary>Researchers abroad at the end of the month, in the US and elsewhere (persons).</summary>
    public const string Abroad = "researchers_abroad";
    /// <summary>Researchers in the US at the end of the month (persons).</summary>
    public const string AbroadUs = "researchers_abroad_us";
    /// <summary>Researchers abroad elsewhere at the end of the month (persons).</summary>
    public const string AbroadOther = "researchers_abroad_other";
    /// <summary>Researchers who have left the field or retired, cumulative (persons).</summary>
    public const string Exited = "researchers_exited";
    /// <summary>The month's emigrations (persons).</summary>
    public const string Emigrations = "emigrations";
    /// <summary>The month's returns home, forced returns included (persons).</summary>
    public const string Returns = "returns";
    /// <summary>The month's forced returns: graduates abroad who failed the work gate (persons).</summary>
    public const string ForcedReturns = "forced_returns";
    /// <summary>The month's entrants at home (persons).</summary>
    public const string Entrants = "entrants";
    /// <summary>The month's exits from the field (persons).</summary>
    public const string Exits = "exits";
    /// <summary>The month's emigration intents that failed their gate (persons).</summary>
    public const string VisaBlocked = "visa_blocked";
    /// <summary>Top-talent researchers at home at the end of the month (persons).</summary>
    public const string TopTalentHome = "top_talent_home";
    /// <summary>The month's policy cost to the home budget (KRW).</summary>
    public const string PolicyCost = "policy_cost_krw";
    /// <summary>The policy cost to the home budget since the start (KRW).</summary>
    public const string PolicyCostCumulative = "policy_cost_krw_cumulative";
    /// <summary>Of those who emigrated as students 60 months earlier, the share abroad now (undefined before any cohort is five years out).</summary>
    public const string StudentStayRate = "student_emigrant_five_year_stay_rate";
    /// <summary>Researchers at home at the end of the month who are not students (persons).</summary>
    public const string HomeNonStudent = "researchers_home_nonstudent";
    /// <summary>Researchers abroad at the end of the month, in the US and elsewhere, who are not students (persons).</summary>
    public const string AbroadNonStudent = "researchers_abroad_nonstudent";
    /// <summary>The month's returns home, forced returns included, of researchers who hold a PhD when they return (persons).</summary>
    public const string PhdReturns = "phd_returns";
    /// <summary>
    /// Of those who completed a PhD in the US 60 months earlier, the share in the US now, a researcher who left the
    /// field while in the US counting as in the US (undefined before any cohort is five years out).
    /// </summary>
    public const string UsPhdStayRate = "us_phd_five_year_stay_rate";
    /// <summary>Top-talent researchers at home over top-talent researchers at home or abroad (undefined when there are none).</summary>
    public const string TopTalentHomeShare = "top_talent_home_share";
    /// <summary>The month's emigrations minus its returns (persons; negative when more return than leave).</summary>
    public const string NetEmigrations = "net_emigrations";

    /// <summary>Prefix of the per-sector compute metrics: <c>compute_per_home_researcher.academia</c>.</summary>
    public const string ComputePerHomeResearcherPrefix = "compute_per_home_researcher.";

    // Indices of the fixed metrics in Series; sector compute metrics follow from FirstSectorCompute.
    internal const int IHome = 0, IAbroad = 1, IAbroadUs = 2, IAbroadOther = 3, IExited = 4, IEmigrations = 5,
        IReturns = 6, IForcedReturns = 7, IEntrants = 8, IExits = 9, IVisaBlocked = 10, ITopTalentHome = 11,
        IPolicyCost = 12, IPolicyCostCumulative = 13, IStudentStayRate = 14, IHomeNonStudent = 15, IAbroadNonStudent = 16,
        IPhdReturns = 17, IUsPhdStayRate = 18, ITopTalentHomeShare = 19, INetEmigrations = 20, FirstSectorCompute = 21;

    /// <summary>The position of the metric named <paramref name="name"/> in <paramref name="metrics"/>, or -1.</summary>
    public static int IndexOf(IReadOnlyList<MetricInfo> metrics, string name)
    {
        for (int i = 0; i < metrics.Count; i++)
            if (string.Equals(metrics[i].Name, name, StringComparison.Ordinal)) return i;
        return -1;
    }

    /// <summary>The metrics of a run of the scenario: the fixed ones, then compute per home researcher for each sector.</summary>
    public static IReadOnlyList<MetricInfo> For(Scenario scenario)
    {
        var list = new List<MetricInfo>
        {
            new(Home, "persons", MetricKind.Stock, "Researchers at home"),
            new(Abroad, "persons", MetricKind.Stock, "Researchers abroad"),
            new(AbroadUs, "persons", MetricKind.Stock, "Researchers abroad in the US"),
            new(AbroadOther, "persons", MetricKind.Stock, "Researchers abroad elsewhere"),
            new(Exited, "persons", MetricKind.Stock, "Researchers who left the field (cumulative)"),
            new(Emigrations, "persons per month", MetricKind.Flow, "Emigrations"),
            new(Returns, "persons per month", MetricKind.Flow, "Returns (forced included)"),
            new(ForcedReturns, "persons per month", MetricKind.Flow, "Forced returns (graduates abroad who failed the work gate)"),
            new(Entrants, "persons per month", MetricKind.Flow, "Entrants"),
            new(Exits, "persons per month", MetricKind.Flow, "Exits from the field"),
            new(VisaBlocked, "intents per month", MetricKind.Flow, "Emigration intents blocked at the visa gate"),
            new(TopTalentHome, "persons", MetricKind.Stock, "Top-talent researchers at home"),
            new(PolicyCost, "KRW per month", MetricKind.Flow, "Policy cost"),
            new(PolicyCostCumulative, "KRW", MetricKind.Stock, "Cumulative policy cost"),
            new(StudentStayRate, "share", MetricKind.Ratio, "Five-year stay rate of student emigrants"),
            new(HomeNonStudent, "persons", MetricKind.Stock, "Researchers at home, students excluded"),
            new(AbroadNonStudent, "persons", MetricKind.Stock, "Researchers abroad, students excluded"),
            new(PhdReturns, "persons per month", MetricKind.Flow, "Returns of PhD holders (forced included)"),
            new(UsPhdStayRate, "share", MetricKind.Ratio, "Five-year US stay rate of US PhD graduates"),
            new(TopTalentHomeShare, "share", MetricKind.Ratio, "Share of top-talent researchers at home"),
            new(NetEmigrations, "persons per month", MetricKind.Flow, "Net emigrations (emigrations minus returns)"),
        };
        foreach (var s in scenario.Sectors)
            list.Add(new(ComputePerHomeResearcherPrefix + s.Name, "H100e per researcher", MetricKind.Ratio,
                $"Compute per home researcher, {s.Name}"));
        return list;
    }
}
