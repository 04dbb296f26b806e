namespace BrainDrainSim.Calibration.Targets;

/// <summary>One target on one run: the run's value of its quantity and the target's term of the squared distance.</summary>
/// <param name="Target">The target.</param>
/// <param name="Summary">The quantity on the run (the summary statistic s); NaN when the run leaves it undefined.</param>
/// <param name="Term">((s - observed) / sd)^2, or for a bound 0 inside it and ((s - limit) / sd)^2 beyond; positive infinity when s is undefined.</param>
public sealed record TargetOutcome(CalibrationTarget Target, double Summary, double Term)
{
    /// <summary>True when the run leaves the target's quantity undefined (NaN).</summary>
    public bool IsUndefined => double.IsNaN(Summary);
}
