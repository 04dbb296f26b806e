namespace BrainDrainSim.Calibration.Targets;

/// <summary>
/// A limit an output must keep, for a figure known only as a sign or a bound (a net outflow every year, at most
/// so many returns): the discrepancy is 0 inside and ((s - limit) / sd)^2 beyond it.
/// </summary>
public sealed record TargetBound
{
    /// <summary>The output must be at least this.</summary>
    public double? Min { get; init; }

    /// <summary>The output must be at most this.</summary>
    public double? Max { get; init; }
}
