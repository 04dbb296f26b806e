using BrainDrainSim.Model;
using BrainDrainSim.Validation;

namespace BrainDrainSim.Calibration.Targets;

/// <summary>
/// Checks a target set against the scenario whose runs it will judge: every target named once; a quantity of one
/// form (at, sum, mean, or a ratio of two) over a metric the run records, not an input of the scenario; every month
/// inside the run, periods in order; an observed figure or a bound, with an sd above 0; a role and a source; at
/// least one target fitted. A <see cref="ValidatedTargetSet"/>, which evaluates runs, is made only here. The
/// targets loader runs the same rules and places each finding at its file, line and column.
/// </summary>
public static class TargetValidator
{
    /// <summary>Every finding about the target set, errors and warnings, in the order found.</summary>
    /// <param name="set">The targets.</param>
    /// <param name="scenario">The scenario whose runs the targets judge: its start and months bound the targets' months.</param>
    /// <param name="metrics">The metrics its runs record, in the order of their series; by default <see cref="MetricCatalog.For"/> of the scenario.</param>
    /// <param name="context">What a loader could not read (those rules stay silent); none for a set built in code.</param>
    public static ValidationReport Check(TargetSet set, ValidatedScenario scenario, IReadOnlyList<MetricInfo>? metrics = null, ValidationContext? context = null)
    {
        ArgumentNullException.ThrowIfNull(set);
        ArgumentNullException.ThrowIfNull(scenario);
        var issues = new List<ScenarioIssue>();
        new TargetRules(scenario, metrics ?? MetricCatalog.For(scenario.Scenario), context ?? ValidationContext.None, issues).Check(set);
        return new ValidationReport(issues);
    }

    /// <summary>The target set, validated; throws <see cref="InvalidTargetSetException"/> listing every error when it is not valid.</summary>
    /// <param name="set">The targets.</param>
    /// <param name="scenario">The scenario whose runs the targets judge.</param>
    /// <param name="metrics">The metrics its runs record, in the order of their series; by default <see cref="MetricCatalog.For"/> of the scenario.</param>
    public static ValidatedTargetSet Validate(TargetSet set, ValidatedScenario scenario, IReadOnlyList<MetricInfo>? metrics = null) =>
        TryValidate(set, scenario, metrics, out var report) ?? throw new InvalidTargetSetException(set.Name, report.Errors);

    /// <summary>The target set, validated, or null with the report of what is wrong.</summary>
    /// <param name="set">The targets.</param>
    /// <param name="scenario">The scenario whose runs the targets judge.</param>
    /// <param name="metrics">The metrics its runs record, in the order of their series; null for <see cref="MetricCatalog.For"/> of the scenario.</param>
    /// <param name="report">Every finding, errors and warnings.</param>
    public static ValidatedTargetSet? TryValidate(TargetSet set, ValidatedScenario scenario, IReadOnlyList<MetricInfo>? metrics, out ValidationReport report)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var list = metrics ?? MetricCatalog.For(scenario.Scenario);
        report = Check(set, scenario, list);
        return report.Ok ? new ValidatedTargetSet(set, scenario, list, report.Warnings) : null;
    }
}
