namespace BrainDrainSim.Calibration.Targets;

/// <summary>
/// One observed figure and how it is compared with a run: the model quantity it is compared with, the figure
/// (observed) or the limit it sets (bound), the uncertainty that scales the discrepancy (sd), whether it is
/// fitted or only reported (role), and where it comes from (source).
/// </summary>
public sealed record CalibrationTarget
{
    /// <summary>The target's name: unique in its set, it names the target in reports (letters, digits, '_', '-', '.').</summary>
    public string? Name { get; init; }

    /// <summary>The model output compared with the figure: a metric at a month, summed or averaged over months, or a ratio of two such.</summary>
    public TargetQuantity? Quantity { get; init; }

    /// <summary>The observed figure, in the unit of the quantity; the discrepancy is ((s - observed) / sd)^2. Give observed or bound.</summary>
    public double? Observed { get; init; }

    /// <inheritdoc cref="TargetBound"/>
    public TargetBound? Bound { get; init; }

    /// <summary>
    /// The uncertainty of the observation, in the unit of the quantity (for a bound, the scale of the penalty beyond
    /// it); above 0. Where the source gives none it is an assumption, and the file says so.
    /// </summary>
    public double? Sd { get; init; }

    /// <summary>fit (the target enters the distance) or validate (it is only reported).</summary>
    public TargetRole? Role { get; init; }

    /// <summary>Where the figure comes from (with its confidence tag), or that it is an assumption.</summary>
    public string? Source { get; init; }

    /// <summary>True for a target that enters the distance.</summary>
    public bool IsFit => Role == TargetRole.Fit;

    /// <summary>
    /// The target's term of the squared distance for the run's summary <paramref name="summary"/>:
    /// ((s - observed) / sd)^2 for an observed figure; for a bound 0 inside it and ((s - limit) / sd)^2 beyond it.
    /// An undefined summary (NaN) gives positive infinity: a run that cannot say what the target measures
    /// cannot be accepted as matching it.
    /// </summary>
    /// <exception cref="InvalidOperationException">The target has no sd, or neither an observed figure nor a bound.</exception>
    public double Term(double summary)
    {
        double sd = Sd ?? throw new InvalidOperationException($"target '{Name}' has no sd");
        if (double.IsNaN(summary)) return double.PositiveInfinity;
        double gap;
        if (Observed is { } observed) gap = summary - observed;
        else if (Bound is { } bound && (bound.Min is not null || bound.Max is not null))
            gap = summary < bound.Min ? summary - bound.Min.Value : summary > bound.Max ? summary - bound.Max.Value : 0;
        else throw new InvalidOperationException($"target '{Name}' has neither observed nor bound");
        double z = gap / sd;
        return z * z;
    }
}
