using ScottPlot;

namespace BrainDrainSim.Reporting.Comparisons;

/// <summary>
/// The range of the figures a chart must show, set as the axis limits with a margin. ScottPlot's automatic
/// limits leave out reference lines (the zero line) and text labels, and a single point has no range at all;
/// undefined figures are skipped rather than stretching the axis to infinity.
/// </summary>
internal sealed class ChartExtent
{
    private const double Margin = 0.08;

    private double _min = double.PositiveInfinity;
    private double _max = double.NegativeInfinity;

    public void Include(params ReadOnlySpan<double> values)
    {
        foreach (var v in values)
        {
            if (!double.IsFinite(v)) continue;
            _min = Math.Min(_min, v);
            _max = Math.Max(_max, v);
        }
    }

    public void ApplyX(Plot plot, double extraHigh = 0)
    {
        var (low, high) = Limits(extraHigh);
        plot.Axes.SetLimitsX(low, high);
    }

    public void ApplyY(Plot plot)
    {
        var (low, high) = Limits(0);
        plot.Axes.SetLimitsY(low, high);
    }

    /// <summary>The range widened by the margin (and <paramref name="extraHigh"/> of the span above); [-1, 1] when nothing was included.</summary>
    private (double Low, double High) Limits(double extraHigh)
    {
        if (_min > _max) return (-1, 1);
        double span = _max - _min;
        // A flat range (one point, or every value equal, as in a self-comparison) still needs a visible
        // span around it: half its size (at least half a unit) either side.
        if (span == 0)
        {
            double half = Math.Max(Math.Abs(_max), 1) / 2;
            return (_min - half, _max + half * (1 + extraHigh));
        }
        return (_min - Margin * span, _max + (Margin + extraHigh) * span);
    }
}
