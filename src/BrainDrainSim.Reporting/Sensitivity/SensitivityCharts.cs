using System.Globalization;
using BrainDrainSim.Reporting.Comparisons;
using BrainDrainSim.Sensitivity;
using ScottPlot;

namespace BrainDrainSim.Reporting.Sensitivity;

/// <summary>
/// The charts of a sensitivity analysis (1000 x 600, the style of <see cref="Charts"/>), each of the first quantity:
/// the S1 and ST bars with their intervals, a tornado of how far the quantity moves across each input's range, the
/// total indices over time, and for Morris the mu*-sigma plane.
/// </summary>
public static class SensitivityCharts
{
    public const string IndicesFile = "sensitivity_indices.png";
    public const string TornadoFile = "sensitivity_tornado.png";
    public const string OverTimeFile = "sensitivity_over_time.png";
    public const string MorrisFile = "morris_mu_star_sigma.png";

    private static readonly CultureInfo Ci = CultureInfo.InvariantCulture;
    private const float WhiskerWidth = 2;

    /// <summary>
    /// S1 and ST of each factor (chance included) for the first quantity at the last month analysed, factors in
    /// decreasing ST, with the bootstrap 95% intervals as whiskers. An analysis without indices says why instead.
    /// </summary>
    public static void WriteIndices(SobolSensitivity s, string path)
    {
        ArgumentNullException.ThrowIfNull(s);
        var i = Headline(s);
        using var plot = Charts.NewPlot(string.Create(Ci, $"Sobol indices of {i.Quantity.Name} at {IndicesCsv.Month(s.Problem, i.Month)} (N = {s.Design.BaseCount}, {s.Results.Rows} design rows)"));
        plot.YLabel("Share of the variance");
        var names = s.FactorNames;
        if (i.Result.Status != IndexStatus.Defined)
        {
            Undefined(plot, i.Result.Status);
            Charts.Save(plot, path, []);
            return;
        }
        var order = Enumerable.Range(0, names.Count).OrderByDescending(f => i.Result.Factors[f].Total!.Value.Value).ToArray();
        for (int k = 0; k < order.Length; k++)
        {
            var f = i.Result.Factors[order[k]];
            AddBarWithInterval(plot, k - 0.18, f.FirstOrder!.Value, Charts.Blue);
            AddBarWithInterval(plot, k + 0.18, f.Total!.Value, Charts.Vermillion);
        }
        plot.Axes.Bottom.SetTicks(Enumerable.Range(0, order.Length).Select(k => (double)k).ToArray(), order.Select(f => Short(names[f])).ToArray());
        plot.Axes.SetLimitsX(-0.6, order.Length - 0.4);
        plot.Axes.SetLimitsY(Math.Min(0, i.Result.Factors.Min(f => Math.Min(f.FirstOrder!.Value.Lower, f.Total!.Value.Lower))) - 0.02,
            Math.Max(1, i.Result.Factors.Max(f => f.Total!.Value.Upper)) + 0.02);
        ComparisonCharts.AddZeroLine(plot);
        Charts.Save(plot, path,
        [
            Charts.FillItem("S1: first order (the factor alone)", Charts.Blue),
            Charts.FillItem("ST: total (with its interactions)", Charts.Vermillion),
            Charts.LineItem("Whiskers: bootstrap 95% interval", Charts.Neutral),
        ]);
    }

    /// <summary>
    /// How far the first quantity moves when each input goes from the 12.5th to the 87.5th percentile of its
    /// distribution (of its range, for a <c>--factor</c>),
    /// from the design's paired rows: an AB_i row differs from its A row in input i alone and runs with the same seed,
    /// so their difference is input i's effect with everything else held; a straight line through those differences
    /// against the change in the input's coordinate gives the slope, and the bar spans 0.75 of it around the design's
    /// mean (inputs in decreasing swing). In the quantity's units, beside the indices' shares; an input the model does
    /// not read has no bar. A linear summary: an input whose effect turns round shows less here than in its ST. Chance
    /// has no range and a grouped share set no single direction; neither is drawn.
    /// </summary>
    public static void WriteTornado(SobolSensitivity s, string path)
    {
        ArgumentNullException.ThrowIfNull(s);
        var i = Headline(s);
        using var plot = Charts.NewPlot(string.Create(Ci, $"{i.Quantity.Name} at {IndicesCsv.Month(s.Problem, i.Month)}: each input from the bottom to the top of its range"));
        var y = s.Results.Values(i.Quantity, i.Month);
        var layout = s.Problem.Layout;
        var swings = new List<(string Name, double Swing)>();
        for (int f = 0; f < s.Problem.Factors.Count; f++)
        {
            if (layout.Width(f) != 1) continue;
            int column = layout.FirstColumn(f);
            double sxy = 0, sxx = 0;
            for (int j = 0; j < s.Design.BaseCount; j++)
            {
                long a = s.Design.RowIndex(j, SaltelliRowKind.A), ab = s.Design.RowIndex(j, SaltelliRowKind.AB, f);
                double du = s.Design.Row(ab).Coordinates[column] - s.Design.Row(a).Coordinates[column];
                sxy += (y[ab] - y[a]) * du;
                sxx += du * du;
            }
            if (sxx > 0 && double.IsFinite(sxy)) swings.Add((s.Problem.Factors[f].Name, 0.75 * sxy / sxx));
        }
        plot.XLabel(i.Quantity.Name);
        if (swings.Count == 0 || i.Result.Status == IndexStatus.ZeroVariance)
        {
            Undefined(plot, i.Result.Status == IndexStatus.Defined ? IndexStatus.ZeroVariance : i.Result.Status);
            Charts.Save(plot, path, []);
            return;
        }
        // Largest swing on top: ScottPlot counts positions upwards.
        var ordered = swings.OrderBy(w => Math.Abs(w.Swing)).ToArray();
        double mean = y.Average();
        var bars = new List<Bar>();
        for (int k = 0; k < ordered.Length; k++)
        {
            double half = ordered[k].Swing / 2;
            bars.Add(new Bar
            {
                Position = k, ValueBase = mean - Math.Abs(half), Value = mean + Math.Abs(half), Size = 0.6,
                FillColor = half >= 0 ? Charts.Blue : Charts.Vermillion, LineWidth = 0,
            });
        }
        var plotted = plot.Add.Bars(bars);
        plotted.Horizontal = true;
        plot.Add.VerticalLine(mean, 1, Charts.Neutral, LinePattern.Dashed);
        plot.Axes.Left.SetTicks(Enumerable.Range(0, ordered.Length).Select(k => (double)k).ToArray(), ordered.Select(w => Short(w.Name)).ToArray());
        plot.Axes.SetLimitsY(-0.6, ordered.Length - 0.4);
        Charts.Save(plot, path,
        [
            Charts.FillItem("Rises with the input (bar: its 12.5th to 87.5th percentile, a line fitted to paired rows)", Charts.Blue),
            Charts.FillItem("Falls as the input rises", Charts.Vermillion),
            Charts.LineItem("Mean over the design", Charts.Neutral),
        ]);
    }

    /// <summary>ST of each factor over the months analysed for the first quantity, with the intervals as a band.</summary>
    public static void WriteOverTime(SobolSensitivity s, string path)
    {
        ArgumentNullException.ThrowIfNull(s);
        var first = s.Indices[0].Quantity;
        var points = s.Indices.Where(i => i.Quantity == first).OrderBy(i => i.Month).ToArray();
        using var plot = Charts.NewMonthlyPlot(string.Create(Ci, $"Total Sobol indices of {first.Name} over time (N = {s.Design.BaseCount})"), "ST (share of the variance)");
        var names = s.FactorNames;
        var colours = new[] { Charts.Blue, Charts.Vermillion, Charts.BluishGreen, Charts.Orange, Charts.ReddishPurple, Charts.SkyBlue, Charts.Black };
        var legend = new List<LegendItem>();
        var xs = points.Select(p => Charts.MonthX(s.Problem.Scenario.Start.AddMonths(p.Month))).ToArray();
        for (int f = 0; f < names.Count; f++)
        {
            var colour = colours[f % colours.Length];
            foreach (var range in Charts.DefinedStretches(points.Length, k => points[k].Result.Status == IndexStatus.Defined))
            {
                var band = plot.Add.FillY(range.Select(k => xs[k]).ToArray(), range.Select(k => points[k].Result.Factors[f].Total!.Value.Lower).ToArray(),
                    range.Select(k => points[k].Result.Factors[f].Total!.Value.Upper).ToArray());
                band.FillColor = colour.WithAlpha(Charts.OuterAlpha);
                band.LineWidth = 0;
                var line = plot.Add.Scatter(range.Select(k => xs[k]).ToArray(), range.Select(k => points[k].Result.Factors[f].Total!.Value.Value).ToArray(), colour);
                line.LineWidth = Charts.MedianWidth;
                line.MarkerSize = 6;
            }
            legend.Add(Charts.LineItem(Short(names[f]), colour));
        }
        legend.Add(Charts.FillItem("bootstrap 95% interval", Charts.Neutral.WithAlpha(Charts.OuterAlpha)));
        Charts.Save(plot, path, legend);
    }

    /// <summary>Morris: mu* (how much a factor moves the quantity) against sigma (how much that depends on the others), per factor.</summary>
    public static void WriteMorris(MorrisSensitivity m, string path)
    {
        ArgumentNullException.ThrowIfNull(m);
        var e = m.Effects.Where(x => x.Quantity == m.Effects[0].Quantity).OrderBy(x => x.Month).Last();
        using var plot = Charts.NewPlot(string.Create(Ci, $"Morris screening of {e.Quantity.Name} at {IndicesCsv.Month(m.Problem, e.Month)} ({m.Design.TrajectoryCount} trajectories)"));
        plot.XLabel("mu*: mean absolute elementary effect (change in the quantity per whole unit scale of the input)");
        plot.YLabel("sigma: sd of the elementary effects");
        if (e.Result.Status != IndexStatus.Defined)
        {
            Undefined(plot, e.Result.Status);
            Charts.Save(plot, path, []);
            return;
        }
        var extentX = new ChartExtent();
        var extentY = new ChartExtent();
        var names = m.FactorNames;
        for (int f = 0; f < names.Count; f++)
        {
            var effect = e.Result.Factors[f];
            double x = effect.MuStar ?? 0, y = effect.Sigma ?? 0;
            plot.Add.Marker(x, y, MarkerShape.FilledCircle, 10, Charts.Blue);
            var label = plot.Add.Text(Short(names[f]), x, y);
            label.LabelFontSize = 14;
            label.OffsetX = 8;
            label.OffsetY = -8;
            label.Alignment = Alignment.LowerLeft;
            extentX.Include(x);
            extentY.Include(y);
        }
        extentX.Include(0);
        extentY.Include(0);
        extentX.ApplyX(plot, extraHigh: 0.3);
        extentY.ApplyY(plot);
        Charts.Save(plot, path, [Charts.LineItem("factors (on the unit scale of each input's range)", Charts.Blue)]);
    }

    // The chart's quantity and month: the first quantity at the last month analysed (the horizon).
    private static SobolIndices Headline(SobolSensitivity s) =>
        s.Indices.Where(i => i.Quantity == s.Indices[0].Quantity).OrderBy(i => i.Month).Last();

    private static void AddBarWithInterval(Plot plot, double x, IndexEstimate e, Color colour)
    {
        plot.Add.Bar(new Bar { Position = x, Value = e.Value, Size = 0.34, FillColor = colour, LineWidth = 0 });
        var whiskers = new ScottPlot.Plottables.ErrorBar(xs: [x], ys: [e.Value], xErrorsPositive: null, xErrorsNegative: null,
            yErrorsPositive: [e.Upper - e.Value], yErrorsNegative: [e.Value - e.Lower]) { Color = Charts.Neutral, LineWidth = WhiskerWidth };
        plot.Add.Plottable(whiskers);
    }

    private static void Undefined(Plot plot, IndexStatus status)
    {
        var text = plot.Add.Text("No indices: " + status.Describe(), 0, 0);
        text.LabelFontSize = 22;
        text.Alignment = Alignment.MiddleCenter;
        plot.Axes.SetLimits(-1, 1, -1, 1);
    }

    // The last part of a path is the name an analyst knows (b_gpu); a lever keeps its index (levers[0].count).
    private static string Short(string name) =>
        name.StartsWith("levers", StringComparison.Ordinal) ? name : name[(name.LastIndexOf('.') + 1)..];
}
