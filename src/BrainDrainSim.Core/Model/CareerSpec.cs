namespace BrainDrainSim.Model;

/// <summary>Stage durations, exit rates, entrants and the degrees students earn.</summary>
public sealed record CareerSpec
{
    /// <summary>Mean years in a stage before advancing (geometric waits); seniors do not advance.</summary>
    [Plausible(0.5, 40, Why = "a stage shorter than half a year or longer than 40 years")]
    public StageDurations DurationYears { get; init; } = new() { Student = 3, Early = 5, Mid = 10 };

    /// <summary>Annual probability of leaving the field (or retiring), by stage.</summary>
    [Plausible(0, 0.3, Why = "more than 30% a year leaving the field; rates are written 0.05 for 5%")]
    public StageValues ExitRatePerYear { get; init; } = new() { Student = 0.05, Early = 0.03, Mid = 0.025, Senior = 0.06 };

    /// <summary>New researchers joining at home per year (before <c>agent_scale</c>).</summary>
    [Plausible(0, 1e6, Why = "more than a million new AI researchers a year")]
    [Bounds(0, 1e8), Unit("persons per year")] public double AnnualGraduates { get; init; } = 3_000;

    /// <summary>Share of entrants who start as graduate students; the rest start early career with a bachelor's.</summary>
    [Plausible(0, 1)]
    [Bounds(0, 1)] public double EntrantStudentShare { get; init; } = 0.4;

    /// <summary>Degree earned by a student who advances to early career.</summary>
    [Plausible(0, 1)]
    [SharesOfOne] public DegreeShares GraduationDegrees { get; init; } = new() { Bachelor = 0.05, Master = 0.65, Phd = 0.30 };
}
