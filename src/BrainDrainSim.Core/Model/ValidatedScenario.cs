using BrainDrainSim.Validation;

namespace BrainDrainSim.Model;

/// <summary>
/// A scenario that has passed every rule of <see cref="ScenarioValidator"/>: the only input the engine and the
/// Monte Carlo runner accept. Its constructor is internal to the core and runs the validator, so the only ways
/// to get one are the validator's (and the loader's, which calls it): a scenario changed by a <c>with</c>
/// expression, a sweep, an uncertain draw or a calibration sample is a plain <see cref="Model.Scenario"/> again
/// until it is validated anew.
/// </summary>
public sealed class ValidatedScenario
{
    internal ValidatedScenario(Scenario scenario, string? origin)
        : this(scenario, ScenarioValidator.Check(scenario ?? throw new ArgumentNullException(nameof(scenario))), origin)
    {
    }

    // From the validator's report of this very scenario, so that a caller who needs the report (TryCreate) does not
    // run the rules twice.
    private ValidatedScenario(Scenario scenario, ValidationReport report, string? origin)
    {
        if (!report.Ok) throw new InvalidScenarioException(scenario.Name ?? "", report.Errors, origin);
        Scenario = scenario;
        Warnings = report.Warnings;
    }

    /// <summary>The scenario, validated once, or null with the report of what is wrong.</summary>
    internal static ValidatedScenario? TryCreate(Scenario scenario, out ValidationReport report)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        report = ScenarioValidator.Check(scenario);
        return report.Ok ? new ValidatedScenario(scenario, report, null) : null;
    }

    /// <summary>The scenario's values (immutable records).</summary>
    public Scenario Scenario { get; }

    /// <summary>Values outside their plausible range: the scenario runs, and these are reported.</summary>
    public IReadOnlyList<ScenarioIssue> Warnings { get; }

    /// <summary>The scenario's name.</summary>
    public string Name => Scenario.Name;

    /// <summary>The scenario's name.</summary>
    public override string ToString() => Scenario.Name;
}
