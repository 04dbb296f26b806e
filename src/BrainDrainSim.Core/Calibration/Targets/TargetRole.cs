namespace BrainDrainSim.Calibration.Targets;

/// <summary>What a calibration target is for: fitted (it enters the distance) or only reported.</summary>
public enum TargetRole
{
    /// <summary>The target enters the distance that calibration minimises.</summary>
    Fit,

    /// <summary>The target is reported beside the fit, never fitted: a check on the calibrated model.</summary>
    Validate,
}
