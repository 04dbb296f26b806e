using BrainDrainSim.Model;

namespace BrainDrainSim.MonteCarlo;

/// <summary>
/// The metrics every run records, in a fixed order (model.md, Outputs). Counts and costs are in persons and
/// KRW after <c>agent_scale</c> is multiplied back.
/// </summary>
public static class MetricCatalog
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
    public const string StudentStayRate = "student_emigrant_five_year_stay_rate";

    /// <summary>Prefix of the per-sector compute metrics: <c>compute_per_home_researcher.academia</c>.</summary>
    public const string ComputePerHomeResearcherPrefix = "compute_per_home_researcher.";

    // Indices of the fixed metrics in Series; sector compute metrics follow from FirstSectorCompute.
    internal const int IHome = 0, IAbroad = 1, IAbroadUs = 2, IAbroadOther = 3, IExited = 4, IEmigrations = 5,
        IReturns = 6, IForcedReturns = 7, IEntrants = 8, IExits = 9, IVisaBlocked = 10, ITopTalentHome = 11,
        IPolicyCost = 12, IPolicyCostCumulative = 13, IStudentStayRate = 14, FirstSectorCompute = 15;

    /// <summary>The position of the metric named <paramref name="name"/> in <paramref name="metrics"/>, or -1.</summary>
    public static int IndexOf(IReadOnlyList<MetricInfo> metrics, string name)
    {
        for (int i = 0; i < metrics.Count; i++)
            if (string.Equals(metrics[i].Name, name, StringComparison.Ordinal)) return i;
        return -1;
    }

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
        };
        foreach (var s in scenario.Sectors)
            list.Add(new(ComputePerHomeResearcherPrefix + s.Name, "H100e per researcher", MetricKind.Ratio,
                $"Compute per home researcher, {s.Name}"));
        return list;
    }
}
