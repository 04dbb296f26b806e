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
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var report = ScenarioValidator.Check(scenario);
        if (!report.Ok) throw new InvalidScenarioException(scenario.Name ?? "", report.Errors, origin);
        Scenario = scenario;
        Warnings = report.Warnings;
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
