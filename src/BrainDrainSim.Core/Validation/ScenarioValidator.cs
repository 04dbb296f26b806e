using BrainDrainSim.Model;

namespace BrainDrainSim.Validation;

/// <summary>
/// Every rule a scenario must keep, in one place: each value inside its valid range (and a warning outside its
/// plausible one), shares that sum to 1, names that match, months in order, levers that give their costs, an
/// uncertainty block whose paths and distributions fit the scenario. A <see cref="ValidatedScenario"/>, the only
/// input the engine and the Monte Carlo runner take, can only be made through it, so a scenario changed by a
/// <c>with</c> expression, a sweep value, an uncertain draw or a calibration sample cannot reach the engine
/// unchecked. The scenario loader runs it too and places each finding at its file, line and column.
/// </summary>
public static class ScenarioValidator
{
    /// <summary>Every finding about the scenario, errors and warnings, in the order found.</summary>
    public static ValidationReport Check(Scenario scenario, ValidationContext? context = null)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        context ??= ValidationContext.None;
        var issues = new List<ScenarioIssue>();
        new LeafRules(context, issues).Check(scenario);
        new ScenarioRules(context, issues).Check(scenario);
        new UncertaintyRules(context, issues).Check(scenario);
        return new ValidationReport(issues);
    }

    /// <summary>The scenario, validated; throws <see cref="InvalidScenarioException"/> listing every error when it is not valid.</summary>
    /// <param name="scenario">The scenario to validate.</param>
    /// <param name="origin">Where the scenario came from, for the message ("--set levers[0].count=5").</param>
    public static ValidatedScenario Validate(Scenario scenario, string? origin = null) => new(scenario, origin);

    /// <summary>The scenario, validated, or null with the report of what is wrong.</summary>
    public static ValidatedScenario? TryValidate(Scenario scenario, out ValidationReport report) =>
        ValidatedScenario.TryCreate(scenario, out report);
}
