using System.Globalization;
using BrainDrainSim.Calibration;
using BrainDrainSim.Calibration.Smc;
using BrainDrainSim.Calibration.Targets;
using BrainDrainSim.Model;
using BrainDrainSim.Reporting.Comparisons;
using ScottPlot;

namespace BrainDrainSim.Reporting.Calibration;

/// <summary>
/// The charts of a calibration, in the colours and font of <see cref="Charts"/>: each fitted parameter's prior
/// against its posterior, the pairs of the parameters, each target's predictive interval against its observation,
/// and the predictive over the run's months with the observations where they lie. Each is a pure function of the
/// outcome (and the figures computed from it), so the same outcome draws the same bytes.
/// </summary>
public static class CalibrationCharts
{
    public const string ParametersFile = "posterior_parameters.png";
    public const string PairsFile = "posterior_pairs.png";
    public const string TargetsFile = "predictive_targets.png";
    public const string HistoryFile = "history.png";

    /// <summary>The most parameters the pairs plot shows; beyond, those the data narrowed most.</summary>
    public const int MaxPairs = 8;

    /// <summary>The interval an observation's error bar spans: +-1.96 sd, its 95% interval.</summary>
    public const double ErrorBarSds = 1.96;

    private static readonly CultureInfo Ci = CultureInfo.InvariantCulture;
    private static readonly Color FitColour = Charts.Black;
    private static readonly Color ValidateColour = Charts.Vermillion;
    private const float ObservationSize = 9;
    private const double RowHalf = 0.3;

    /// <summary>
    /// The parameters the pairs plot shows, in the prior's order: all of them up to <see cref="MaxPairs"/>, otherwise
    /// the <see cref="MaxPairs"/> with the smallest sd ratio posterior / prior (the largest shrinkage).
    /// </summary>
    public static IReadOnlyList<int> PairsShown(IReadOnlyList<ParameterFit> fits)
    {
        ArgumentNullException.ThrowIfNull(fits);
        var all = Enumerable.Range(0, fits.Count);
        if (fits.Count <= MaxPairs) return all.ToArray();
        return all.OrderBy(i => double.IsFinite(fits[i].SdRatio) ? fits[i].SdRatio : double.PositiveInfinity)
            .Take(MaxPairs).Order().ToArray();
    }

    /// <summary>
    /// posterior_parameters.png: one panel per fitted parameter (its path the panel's title), the prior's density as a
    /// curve (from its log density over its 0.1% to 99.9% points and the particles' range) against the posterior as a
    /// weighted histogram of the final population, scaled as a density.
    /// </summary>
    internal static byte[] RenderParameters(AbcSmcState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var population = Population(state);
        var weights = population.Weights();
        var prior = state.Configuration.Prior.Parameters;
        var panels = new List<Plot?>();
        for (int i = 0; i < prior.Count; i++)
        {
            var p = prior[i];
            var x = population.Values(i);
            var plot = PanelGrid.Panel(p.Name);
            var extent = new ChartExtent();
            AddHistogram(plot, x, weights, Charts.Blue, extent);
            double lo = Math.Min(p.Quantile(0.001), x.Min()), hi = Math.Max(p.Quantile(0.999), x.Max());
            const int points = 201;
            var xs = new double[points];
            var ys = new double[points];
            for (int k = 0; k < points; k++)
            {
                xs[k] = lo + (hi - lo) * k / (points - 1);
                ys[k] = Math.Exp(p.LogDensity(xs[k]));
            }
            var curve = plot.Add.Scatter(xs, ys, Charts.Vermillion);
            curve.LineWidth = Charts.MedianWidth;
            curve.MarkerSize = 0;
            extent.Include(ys);
            extent.Include(0);
            extent.ApplyY(plot);
            plot.Axes.SetLimitsX(lo - 0.02 * (hi - lo), hi + 0.02 * (hi - lo));
            plot.YLabel("density");
            panels.Add(plot);
        }
        int columns = Columns(panels.Count);
        return PanelGrid.Render(
            string.Create(Ci, $"Prior and posterior of each fitted parameter (generation {population.Generation}, {population.Particles.Count} particles)"),
            [
                new("Prior density", Charts.Vermillion, PanelGrid.KeyShape.Line),
                new("Posterior: weighted histogram of the particles", Charts.Blue.WithAlpha(0.55), PanelGrid.KeyShape.Fill),
            ], panels, columns, 420, 300);
    }

    /// <summary>
    /// posterior_pairs.png: the parameters of <see cref="PairsShown"/> against each other. Below the diagonal each
    /// particle is a point whose opacity grows with its weight (five steps of its share of the largest weight), with
    /// the weighted correlation in the panel's title; on the diagonal each parameter's weighted histogram.
    /// </summary>
    internal static byte[] RenderPairs(AbcSmcState state, IReadOnlyList<ParameterFit> fits)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(fits);
        var population = Population(state);
        var weights = population.Weights();
        var shown = PairsShown(fits);
        int k = shown.Count;
        var values = shown.Select(population.Values).ToArray();
        var names = shown.Select(i => fits[i].Name).ToArray();
        var panels = new Plot?[k * k];
        double maxWeight = weights.Max();
        for (int row = 0; row < k; row++)
            for (int column = 0; column <= row; column++)
            {
                Plot plot;
                if (row == column)
                {
                    plot = PanelGrid.Panel("", 12);
                    var extent = new ChartExtent();
                    extent.Include(0);
                    AddHistogram(plot, values[row], weights, Charts.Blue, extent);
                    extent.ApplyY(plot);
                }
                else
                {
                    double r = Correlation(values[column], values[row], weights);
                    plot = PanelGrid.Panel(string.Create(Ci, $"r = {Figures.Number(r, 2)}"), 12);
                    for (int level = 0; level < 5; level++)
                    {
                        var members = Enumerable.Range(0, weights.Length).Where(p => Level(weights[p], maxWeight) == level).ToArray();
                        if (members.Length == 0) continue;
                        plot.Add.Markers(members.Select(p => values[column][p]).ToArray(), members.Select(p => values[row][p]).ToArray(),
                            MarkerShape.FilledCircle, 5, Charts.Blue.WithAlpha(0.1 + 0.9 * (level + 1) / 5));
                    }
                }
                if (row == k - 1) plot.XLabel(names[column]);
                if (column == 0) plot.YLabel(row == column ? "density" : names[row]);
                plot.Axes.Bottom.Label.FontSize = 11;
                plot.Axes.Left.Label.FontSize = 11;
                panels[row * k + column] = plot;
            }
        int cell = Math.Clamp(1200 / k, 240, 420);
        string title = fits.Count > k
            ? string.Create(Ci, $"Posterior pairs of the {k} of {fits.Count} fitted parameters the data narrowed most (smallest sd ratio)")
            : "Posterior pairs of the fitted parameters";
        return PanelGrid.Render(title,
            [
                new("Particle (more opaque: more weight)", Charts.Blue, PanelGrid.KeyShape.Point),
                new("Diagonal: weighted histogram", Charts.Blue.WithAlpha(0.55), PanelGrid.KeyShape.Fill),
                new("r = the weighted correlation", Charts.Neutral, PanelGrid.KeyShape.None),
            ], panels, k, cell, cell);
    }

    /// <summary>
    /// predictive_targets.png: one row per target, fit targets first, each in units of its own sd measured from its
    /// observation (a bound: from its lower limit, or its upper when it has none), so that targets of any unit share
    /// one axis: the predictive's 95% interval with observation error as a bar with its median, the observation as a
    /// point with its +-1.96 sd bar at 0, a bound as a tick at each limit with its allowed side shaded. The row's label has
    /// the figure in its own unit and says MISS for a target not covered.
    /// </summary>
    internal static byte[] RenderTargets(IReadOnlyList<PredictiveCheck> checks)
    {
        ArgumentNullException.ThrowIfNull(checks);
        var order = checks.Where(c => c.Target.IsFit).Concat(checks.Where(c => !c.Target.IsFit)).ToArray();
        int n = order.Length;
        using var plot = Charts.NewPlot("Targets: the posterior predictive, observation error included");
        plot.XLabel("(value - observed) / sd; a bound: from its lower limit, else its upper");
        var extent = new ChartExtent();
        extent.Include(-ErrorBarSds - 0.5, ErrorBarSds + 0.5);
        var ticks = new double[n];
        var labels = new string[n];
        for (int row = 0; row < n; row++)
        {
            var c = order[row];
            var t = c.Target;
            double y = n - 1 - row, sd = t.Sd!.Value;
            double reference = t.Observed ?? t.Bound?.Min ?? t.Bound!.Max!.Value;
            double Z(double v) => (v - reference) / sd;
            var colour = t.IsFit ? FitColour : ValidateColour;
            if (t.Bound is { } bound)
            {
                // The allowed side shaded, from the limit to the edge of the chart (the axis limits are set below).
                double from = bound.Min is { } min ? Z(min) : -1e9, to = bound.Max is { } max ? Z(max) : 1e9;
                var allowed = plot.Add.Rectangle(from, to, y - RowHalf, y + RowHalf);
                allowed.FillColor = colour.WithAlpha(0.12);
                allowed.LineWidth = 0;
                foreach (var limit in new[] { bound.Min, bound.Max })
                {
                    if (limit is not { } v) continue;
                    var tick = plot.Add.Line(Z(v), y - RowHalf, Z(v), y + RowHalf);
                    tick.Color = colour;
                    tick.LineWidth = 3;
                    extent.Include(Z(v));
                }
            }
            if (c.DefinedDraws > 0)
            {
                var bar = plot.Add.Line(Z(c.Lower), y, Z(c.Upper), y);
                bar.Color = Charts.Blue.WithAlpha(0.45);
                bar.LineWidth = 10;
                plot.Add.Marker(Z(c.Median), y, MarkerShape.VerticalBar, 18, Charts.Blue);
                extent.Include(Z(c.Lower), Z(c.Upper));
            }
            if (t.Observed is not null)
            {
                AddErrorBar(plot, 0, y, ErrorBarSds, colour, horizontal: true);
                plot.Add.Marker(0, y, t.IsFit ? MarkerShape.FilledCircle : MarkerShape.FilledDiamond, ObservationSize, colour);
            }
            ticks[row] = y;
            string verdict = c.DefinedDraws == 0 ? " - MISS: no draw defines it" : c.IsMiss ? " - MISS" : "";
            labels[row] = $"{t.Name} ({TargetText.Role(t)}): {TargetText.Observation(t)}{verdict}";
        }
        if (order.Any(c => c.Target.IsFit) && order.Any(c => !c.Target.IsFit))
        {
            double between = n - order.Count(c => c.Target.IsFit) - 0.5;
            plot.Add.HorizontalLine(between, 1, Charts.Neutral, LinePattern.Dashed);
        }
        plot.Add.VerticalLine(0, 1, Charts.Neutral.WithAlpha(0.5), LinePattern.Dotted);
        plot.Axes.Left.SetTicks(ticks, labels);
        plot.Axes.Left.TickLabelStyle.FontSize = 12;
        extent.ApplyX(plot);
        plot.Axes.SetLimitsY(-0.7, n - 0.3);
        plot.Legend.Orientation = Orientation.Horizontal;
        int height = Math.Max(Charts.Height, 170 + 44 * n);
        return Charts.Render(plot,
        [
            Charts.LineItem("Predictive 95% interval", Charts.Blue.WithAlpha(0.45)),
            new LegendItem { LabelText = "its median", MarkerShape = MarkerShape.VerticalBar, MarkerColor = Charts.Blue, MarkerSize = 14, LineWidth = 0 },
            new LegendItem { LabelText = "fit: observation +-1.96 sd", MarkerShape = MarkerShape.FilledCircle, MarkerColor = FitColour, MarkerSize = ObservationSize, LineWidth = 0 },
            new LegendItem { LabelText = "validate", MarkerShape = MarkerShape.FilledDiamond, MarkerColor = ValidateColour, MarkerSize = ObservationSize, LineWidth = 0 },
            Charts.FillItem("bound: allowed side", FitColour.WithAlpha(0.12)),
        ], Charts.Width, height);
    }

    /// <summary>
    /// history.png: one panel per metric the targets name (<see cref="PosteriorPredictive.Metrics"/>): the predictive
    /// draws' median and 5-95% band over the run's months, and each target on the metric where it lies, at its
    /// per-month level: a figure at a month as a point, a mean over a period as a segment over it, a sum over a period
    /// as a segment at the sum divided by its months (its sd likewise), each with its +-1.96 sd bar; a bound as a
    /// dashed line with a triangle on its allowed side. A ratio target has no per-month level of either metric and is
    /// left to predictive_targets.png. A dashed vertical line marks the end of the last month any target refers to.
    /// </summary>
    internal static byte[] RenderHistory(CalibrationOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var targets = outcome.Problem.Targets;
        var predictive = outcome.Predictive;
        var months = Enumerable.Range(0, targets.Months).Select(targets.Start.AddMonths).ToArray();
        var xs = months.Select(Charts.MonthX).ToArray();
        var lastObserved = targets.Targets.Select(t => TargetText.Months(t.Quantity!).Last).Max();
        var next = lastObserved.AddMonths(1);
        double observedEnd = new DateTime(next.Year, next.Month, 1).ToOADate();
        var runs = predictive.Draws.Where(d => d.Series.Count > 0).ToArray();
        var panels = new List<Plot?>();
        for (int m = 0; m < predictive.Metrics.Count; m++)
        {
            int index = MetricCatalog.IndexOf(targets.Metrics, predictive.Metrics[m]);
            var info = index >= 0 ? targets.Metrics[index] : new MetricInfo(predictive.Metrics[m], "", MetricKind.Stock, predictive.Metrics[m]);
            var plot = PanelGrid.Panel($"{info.Title} ({info.Name})");
            plot.Axes.DateTimeTicksBottom();
            plot.YLabel(info.Unit);
            var values = new double[runs.Length];
            var stats = new CrossRunStatistics[months.Length];
            for (int t = 0; t < months.Length; t++)
            {
                for (int d = 0; d < runs.Length; d++) values[d] = runs[d].Series[m][t];
                stats[t] = CrossRunStatistics.Of(values);
            }
            foreach (var range in Charts.DefinedStretches(months.Length, t => stats[t].N > 0))
            {
                double[] x = range.Select(i => xs[i]).ToArray();
                var band = plot.Add.FillY(x, range.Select(i => stats[i].P05).ToArray(), range.Select(i => stats[i].P95).ToArray());
                band.FillColor = Charts.Blue.WithAlpha(Charts.OuterAlpha);
                band.LineWidth = 0;
                var median = plot.Add.Scatter(x, range.Select(i => stats[i].P50).ToArray(), Charts.Blue);
                median.LineWidth = Charts.MedianWidth;
                median.MarkerSize = x.Length == 1 ? 6 : 0;
            }
            foreach (var target in targets.Targets)
                if (target.Quantity is { Ratio: null, Metric: { } metric } && metric == predictive.Metrics[m])
                    AddObservation(plot, target);
            plot.Add.VerticalLine(observedEnd, 1.5f, Charts.Neutral, LinePattern.Dashed);
            panels.Add(plot);
        }
        int columns = panels.Count == 1 ? 1 : 2;
        return PanelGrid.Render(
            string.Create(Ci, $"Posterior predictive over the run ({runs.Length} draws) with the targets at their months"),
            [
                new("Median of the draws", Charts.Blue, PanelGrid.KeyShape.Line),
                new("5-95% of the draws", Charts.Blue.WithAlpha(Charts.OuterAlpha), PanelGrid.KeyShape.Fill),
                new("Fit target +-1.96 sd (a sum: per month)", FitColour, PanelGrid.KeyShape.Point),
                new("Validate target", ValidateColour, PanelGrid.KeyShape.Point),
                new("Bound (triangle: its allowed side)", FitColour, PanelGrid.KeyShape.TriangleUp),
                new($"End of the observed period ({lastObserved})", Charts.Neutral, PanelGrid.KeyShape.DashedLine),
            ], panels, columns, 700, 380);
    }

    /// <summary>A target on its metric's panel, at its per-month level.</summary>
    private static void AddObservation(Plot plot, CalibrationTarget t)
    {
        var q = t.Quantity!;
        var (first, last) = TargetText.Months(q);
        // A sum over n months is drawn at its monthly level: the sum / n, its sd / n.
        double scale = q.Sum is not null ? last.MonthsSince(first) + 1 : 1;
        double x0 = Charts.MonthX(first), x1 = Charts.MonthX(last), centre = (x0 + x1) / 2, sd = t.Sd!.Value / scale;
        var colour = t.IsFit ? FitColour : ValidateColour;
        if (t.Observed is { } y)
        {
            double level = y / scale;
            if (x1 > x0)
            {
                var segment = plot.Add.Line(x0, level, x1, level);
                segment.Color = colour;
                segment.LineWidth = 3;
            }
            AddErrorBar(plot, centre, level, ErrorBarSds * sd, colour, horizontal: false);
            plot.Add.Marker(centre, level, t.IsFit ? MarkerShape.FilledCircle : MarkerShape.FilledDiamond, ObservationSize, colour);
            return;
        }
        foreach (var (limit, side) in new[] { (t.Bound?.Min, +1), (t.Bound?.Max, -1) })
        {
            if (limit is not { } v) continue;
            double level = v / scale;
            if (x1 > x0)
            {
                var segment = plot.Add.Line(x0, level, x1, level);
                segment.Color = colour;
                segment.LineWidth = 2;
                segment.LinePattern = LinePattern.Dashed;
            }
            plot.Add.Marker(centre, level, side > 0 ? MarkerShape.FilledTriangleUp : MarkerShape.FilledTriangleDown, ObservationSize + 2, colour);
        }
    }

    private static void AddErrorBar(Plot plot, double x, double y, double half, Color colour, bool horizontal)
    {
        var bar = horizontal
            ? new ScottPlot.Plottables.ErrorBar(xs: [x], ys: [y], xErrorsPositive: [half], xErrorsNegative: [half], yErrorsPositive: null, yErrorsNegative: null)
            : new ScottPlot.Plottables.ErrorBar(xs: [x], ys: [y], xErrorsPositive: null, xErrorsNegative: null, yErrorsPositive: [half], yErrorsNegative: [half]);
        bar.Color = colour;
        bar.LineWidth = 2;
        plot.Add.Plottable(bar);
    }

    /// <summary>A weighted histogram scaled as a density (its bars' area is 1), bins by Rice's rule on the effective sample size.</summary>
    private static void AddHistogram(Plot plot, double[] x, double[] weights, Color colour, ChartExtent extent)
    {
        double total = 0;
        foreach (double w in weights) total += w;
        double ess = WeightedStatistics.EffectiveSampleSize(weights);
        int bins = Math.Clamp((int)Math.Round(2 * Math.Cbrt(ess)), 8, 30);
        double lo = x.Min(), hi = x.Max();
        if (!(hi > lo))
        {
            // Every particle at one value: a narrow bar around it.
            double half = Math.Max(Math.Abs(lo), 1) * 1e-3;
            lo -= half;
            hi += half;
        }
        double width = (hi - lo) / bins;
        var mass = new double[bins];
        for (int i = 0; i < x.Length; i++) mass[Math.Min(bins - 1, (int)((x[i] - lo) / width))] += weights[i];
        var bars = new List<Bar>();
        for (int b = 0; b < bins; b++)
        {
            double height = mass[b] / (total * width);
            bars.Add(new Bar { Position = lo + (b + 0.5) * width, Value = height, Size = width, FillColor = colour.WithAlpha(0.55), LineWidth = 0 });
            extent.Include(height);
        }
        plot.Add.Bars(bars);
    }

    /// <summary>The weighted correlation of two parameters over the population.</summary>
    private static double Correlation(double[] a, double[] b, double[] w)
    {
        double ma = WeightedStatistics.Mean(a, w), mb = WeightedStatistics.Mean(b, w), sab = 0, saa = 0, sbb = 0;
        for (int i = 0; i < w.Length; i++)
        {
            sab += w[i] * (a[i] - ma) * (b[i] - mb);
            saa += w[i] * (a[i] - ma) * (a[i] - ma);
            sbb += w[i] * (b[i] - mb) * (b[i] - mb);
        }
        return sab / Math.Sqrt(saa * sbb);
    }

    /// <summary>A particle's opacity step, 0 to 4, by its weight's share of the largest.</summary>
    private static int Level(double weight, double max) => Math.Min(4, (int)(5 * weight / max));

    private static int Columns(int panels) => panels <= 3 ? panels : panels == 4 ? 2 : panels <= 9 ? 3 : 4;

    private static AbcPopulation Population(AbcSmcState state) =>
        state.Population ?? throw new ArgumentException("the calibration has no population", nameof(state));
}
