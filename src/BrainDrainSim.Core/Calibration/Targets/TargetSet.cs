namespace BrainDrainSim.Calibration.Targets;

/// <summary>
/// What was observed and how it maps onto the model's outputs: the calibration targets of one history (a targets
/// file such as scenarios/targets/korea.yaml). Checked against a scenario by <see cref="TargetValidator"/>, which
/// makes the <see cref="ValidatedTargetSet"/> that evaluates runs.
/// </summary>
public sealed record TargetSet
{
    /// <summary>The target set's name, for reports. Left out, the file's name (without .yaml) is used.</summary>
    public string Name { get; init; } = "targets";

    /// <summary>What was observed, in a sentence or two, for people and reports.</summary>
    public string Description { get; init; } = "";

    /// <summary>The targets, each an observed figure (or a bound) with its uncertainty, role and source.</summary>
    public CalibrationTarget[] Targets { get; init; } = [];
}
