using BrainDrainSim.Model;

namespace BrainDrainSim.Calibration.Targets;

/// <summary>
/// A number computed from one run's monthly series: a metric at a month (<see cref="At"/>), summed over a period
/// (<see cref="Sum"/>), averaged over one (<see cref="Mean"/>), or the ratio of two such quantities
/// (<see cref="Ratio"/>). Months count from the scenario's start; a month's value is the value at its end (a
/// stock) or during it (a flow).
/// </summary>
public sealed record TargetQuantity
{
    /// <summary>The metric, by its name in the run's outputs (researchers_abroad); not a scenario input.</summary>
    public string? Metric { get; init; }

    /// <summary>The month whose value is taken: for a stock or a ratio, its level at the end of the month.</summary>
    public YearMonth? At { get; init; }

    /// <summary>The months whose values are added (a flow over a period: emigrations in 2019).</summary>
    public MonthRange? Sum { get; init; }

    /// <summary>The months whose values are averaged (a level over a period, or a flow's mean per month).</summary>
    public MonthRange? Mean { get; init; }

    /// <summary>Two quantities, numerator first, whose ratio is the quantity; undefined when the denominator is 0.</summary>
    public TargetQuantity[]? Ratio { get; init; }

    /// <summary>
    /// The quantity on one run's series, the metrics named by <paramref name="metrics"/> in the order of
    /// <paramref name="series"/> and months counted from <paramref name="start"/>. NaN when it is undefined: an
    /// undefined month in the period (never skipped: a mean over whichever months happen to be defined would be
    /// another quantity in each run), or a ratio over 0.
    /// </summary>
    /// <exception cref="ArgumentException">The quantity names an unknown metric, is not one of the four forms, or reaches outside the series.</exception>
    public double Evaluate(IReadOnlyList<double[]> series, IReadOnlyList<MetricInfo> metrics, YearMonth start)
    {
        ArgumentNullException.ThrowIfNull(series);
        ArgumentNullException.ThrowIfNull(metrics);
        var compiled = CompiledQuantity.Of(this, metrics, start);
        compiled.CheckFits(series);
        return compiled.Evaluate(series);
    }
}
