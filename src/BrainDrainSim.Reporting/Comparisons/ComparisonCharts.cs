using System.Globalization;
using BrainDrainSim.Model;
using BrainDrainSim.MonteCarlo;
using ScottPlot;

namespace BrainDrainSim.Reporting.Comparisons;

/// <summary>
/// The comparison's PNG charts (1000 x 600, the style of <see cref="Charts"/>): the scenarios' researchers at
/// home side by side, each policy's effect month by month, the effects at the horizon, and extra cost against
/// researchers kept. Effects are always drawn with both their 95% confidence interval (how well the runs pin
/// the average effect down) and, where it fits, the 5-95% range over runs (how much the effect varies with the
/// uncertain parameters and chance): showing only one would overstate either the precision or the doubt.
/// </summary>
public static class ComparisonCharts
{
    public const string ResearchersHomeFile = "compare_researchers_home.png";
    public const string EffectOverTimeFile = "compare_effect_over_time.png";
    public const string FinalEffectsFile = "compare_final_effects.png";
    public const string CostVsKeptFile = "compare_cost_vs_kept.png";

    /// <summary>The chart files, in the order <see cref="WriteAll"/> writes them.</summary>
    public static IReadOnlyList<string> Files { get; } = [ResearchersHomeFile, EffectOverTimeFile, FinalEffectsFile, CostVsKeptFile];

    private const double CiAlpha = 0.3;
    // The run-range bar is thin, so a little darker than a fan chart's band to stay visible.
    private const double RangeAlpha = Charts.OuterAlpha + 0.1;
    private const float MarkerSize = 9;
    private const float WhiskerWidth = 2.5f;

    // The baseline in black, the policies in the other Okabe-Ito colours, the same policy the same colour in every chart.
    private static readonly Color BaselineColour = Charts.Black;
    private static readonly Color[] PolicyColours =
        [Charts.Blue, Charts.Vermillion, Charts.BluishGreen, Charts.Orange, Charts.ReddishPurple, Charts.SkyBlue];

    internal static Color PolicyColour(int policy) => PolicyColours[policy % PolicyColours.Length];

    /// <summary>Writes the four charts into <paramref name="outDir"/>; returns their file names.</summary>
    public static IReadOnlyList<string> WriteAll(Comparison comparison, string outDir)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        WriteResearchersHome(comparison, Path.Combine(outDir, ResearchersHomeFile));
        WriteEffectOverTime(comparison, Path.Combine(outDir, EffectOverTimeFile));
        WriteFinalEffects(comparison, Path.Combine(outDir, FinalEffectsFile));
        WriteCostVsKept(comparison, Path.Combine(outDir, CostVsKeptFile));
        return Files;
    }

    /// <summary>Researchers at home in every scenario: median over runs and the 5-95% band.</summary>
    public static void WriteResearchersHome(Comparison c, string path)
    {
        ArgumentNullException.ThrowIfNull(c);
        var unit = Unit(c, MetricCatalog.Home);
        using var plot = Charts.NewMonthlyPlot(Title(c, "Researchers at home by scenario"), $"Researchers at home ({unit})");
        var legend = new List<LegendItem>();
        void Add(EnsembleResult e, Color colour, string role)
        {
            var summary = SeriesSummary.From(e);
            Charts.AddBands(plot, summary, summary.MetricIndex(MetricCatalog.Home), colour, innerBand: false);
            legend.Add(Charts.LineItem($"{e.Scenario.Name} ({role}, median)", colour));
        }
        Add(c.Baseline, BaselineColour, "baseline");
        for (int i = 0; i < c.Policies.Count; i++) Add(c.Policies[i].Policy, PolicyColour(i), "policy");
        legend.Add(Charts.FillItem("Shaded: 90% of runs (p05-p95)", Charts.Neutral.WithAlpha(Charts.OuterAlpha)));
        Charts.Save(plot, path, legend);
    }

    /// <summary>Each policy's mean paired effect on researchers at home by month, with the 95% CI of the mean.</summary>
    public static void WriteEffectOverTime(Comparison c, string path)
    {
        ArgumentNullException.ThrowIfNull(c);
        int home = c.MetricIndex(MetricCatalog.Home);
        using var plot = Charts.NewMonthlyPlot(Title(c, "Effect on researchers at home, policy minus baseline"),
            $"Difference in researchers at home ({Unit(c, MetricCatalog.Home)})");
        AddZeroLine(plot);
        var xs = c.Baseline.Months.Select(Charts.MonthX).ToArray();
        var legend = new List<LegendItem>();
        for (int i = 0; i < c.Policies.Count; i++)
        {
            var stats = c.Policies[i].Differences[home];
            var colour = PolicyColour(i);
            // The band only where the interval is defined; the line wherever the mean is.
            foreach (var range in Charts.DefinedStretches(stats.Count, t => HasCi(stats[t])))
            {
                var band = plot.Add.FillY(Pick(range, xs), Pick(range, stats, s => s.CiLow), Pick(range, stats, s => s.CiHigh));
                band.FillColor = colour.WithAlpha(CiAlpha);
                band.LineWidth = 0;
            }
            foreach (var range in Charts.DefinedStretches(stats.Count, t => HasMean(stats[t])))
            {
                var line = plot.Add.Scatter(Pick(range, xs), Pick(range, stats, s => s.Mean), colour);
                line.LineWidth = Charts.MedianWidth;
                line.MarkerSize = range.Length == 1 ? 6 : 0;
            }
            legend.Add(Charts.LineItem($"{c.Policies[i].Name} (mean)", colour));
        }
        legend.Add(Charts.FillItem("Shaded: 95% CI of the mean", Charts.Neutral.WithAlpha(CiAlpha)));
        Charts.Save(plot, path, legend);
    }

    /// <summary>
    /// The effect on researchers at home at the horizon, one column per policy: the mean with its 95% CI as
    /// point and whiskers, over a thin pale bar spanning the 5-95% range of the run-by-run effects.
    /// </summary>
    public static void WriteFinalEffects(Comparison c, string path)
    {
        ArgumentNullException.ThrowIfNull(c);
        string horizon = c.Baseline.Months[^1].ToString();
        using var plot = Charts.NewPlot(Title(c, $"Effect on researchers at home at {horizon}"));
        plot.YLabel($"Difference in researchers at home ({Unit(c, MetricCatalog.Home)})");
        plot.XLabel("Policy (each against the baseline, run by run)");
        AddZeroLine(plot);
        var extent = new ChartExtent();
        for (int i = 0; i < c.Policies.Count; i++)
        {
            var s = c.HomeAtHorizon(c.Policies[i]);
            var colour = PolicyColour(i);
            if (s.N > 0 && double.IsFinite(s.P05) && double.IsFinite(s.P95))
            {
                plot.Add.Bar(new Bar
                {
                    Position = i, ValueBase = s.P05, Value = s.P95, Size = 0.15,
                    FillColor = colour.WithAlpha(RangeAlpha), LineWidth = 0,
                });
                extent.Include(s.P05, s.P95);
            }
            AddPointWithCi(plot, i, s, colour);
            extent.Include(s.Mean, s.CiLow, s.CiHigh);
        }
        plot.Axes.Bottom.SetTicks(Enumerable.Range(0, c.Policies.Count).Select(i => (double)i).ToArray(),
            c.Policies.Select(p => p.Name).ToArray());
        plot.Axes.SetLimitsX(-0.6, c.Policies.Count - 0.4);
        extent.Include(0);
        extent.ApplyY(plot);
        Charts.Save(plot, path,
        [
            MarkerItem("Point and whiskers: mean effect with its 95% CI", Charts.Neutral),
            Charts.FillItem("Bar: 90% of runs (p05-p95 of the run-by-run effect)", Charts.Neutral.WithAlpha(RangeAlpha)),
        ]);
    }

    /// <summary>
    /// One point per policy: extra researchers at home at the horizon (x) against extra cost over the horizon
    /// (y, billion KRW), each with its 95% CI as whiskers, labelled with the policy's name.
    /// </summary>
    public static void WriteCostVsKept(Comparison c, string path)
    {
        ArgumentNullException.ThrowIfNull(c);
        string horizon = c.Baseline.Months[^1].ToString();
        using var plot = Charts.NewPlot(Title(c, "Extra cost against extra researchers at home"));
        plot.XLabel($"Extra researchers at home at {horizon} ({Unit(c, MetricCatalog.Home)})");
        plot.YLabel($"Extra cost to {horizon} (billion KRW)");
        AddZeroLine(plot);
        plot.Add.VerticalLine(0, 1, Charts.Neutral, LinePattern.Dashed);
        var legend = new List<LegendItem>();
        var xExtent = new ChartExtent();
        var yExtent = new ChartExtent();
        for (int i = 0; i < c.Policies.Count; i++)
        {
            var p = c.Policies[i];
            var kept = c.HomeAtHorizon(p);
            var cost = p.ExtraCost();
            var colour = PolicyColour(i);
            legend.Add(MarkerItem($"{p.Name}: mean, whiskers 95% CI", colour));
            if (!HasMean(kept) || !HasMean(cost)) continue;
            double x = kept.Mean, y = cost.Mean / 1e9;
            var whiskers = new ScottPlot.Plottables.ErrorBar(
                xs: [x], ys: [y],
                xErrorsPositive: [HasCi(kept) ? kept.CiHigh - x : 0], xErrorsNegative: [HasCi(kept) ? x - kept.CiLow : 0],
                yErrorsPositive: [HasCi(cost) ? cost.CiHigh / 1e9 - y : 0], yErrorsNegative: [HasCi(cost) ? y - cost.CiLow / 1e9 : 0])
            {
                Color = colour,
                LineWidth = WhiskerWidth,
            };
            plot.Add.Plottable(whiskers);
            plot.Add.Marker(x, y, MarkerShape.FilledCircle, MarkerSize, colour);
            var label = plot.Add.Text(p.Name, x, y);
            label.LabelFontColor = colour;
            label.LabelFontSize = 14;
            label.OffsetX = 8;
            label.OffsetY = -8;
            label.Alignment = Alignment.LowerLeft;
            xExtent.Include(x, kept.CiLow, kept.CiHigh);
            yExtent.Include(y, cost.CiLow / 1e9, cost.CiHigh / 1e9);
        }
        xExtent.Include(0);
        yExtent.Include(0);
        // Room on the right for the labels, which start at their points.
        xExtent.ApplyX(plot, extraHigh: 0.25);
        yExtent.ApplyY(plot);
        Charts.Save(plot, path, legend);
    }

    /// <summary>A mean as a marker with its 95% CI as vertical whiskers (nothing if the mean is undefined).</summary>
    internal static void AddPointWithCi(Plot plot, double x, PairedStatistics s, Color colour)
    {
        if (!HasMean(s)) return;
        if (HasCi(s))
        {
            var whiskers = new ScottPlot.Plottables.ErrorBar(xs: [x], ys: [s.Mean], xErrorsPositive: null, xErrorsNegative: null,
                yErrorsPositive: [s.CiHigh - s.Mean], yErrorsNegative: [s.Mean - s.CiLow]);
            whiskers.Color = colour;
            whiskers.LineWidth = WhiskerWidth;
            plot.Add.Plottable(whiskers);
        }
        plot.Add.Marker(x, s.Mean, MarkerShape.FilledCircle, MarkerSize, colour);
    }

    internal static void AddZeroLine(Plot plot) => plot.Add.HorizontalLine(0, 1, Charts.Neutral, LinePattern.Dashed);

    internal static LegendItem MarkerItem(string label, Color colour) => new()
    {
        LabelText = label,
        MarkerShape = MarkerShape.FilledCircle,
        MarkerSize = MarkerSize,
        MarkerFillColor = colour,
        MarkerLineColor = colour,
        LineColor = colour,
        LineWidth = WhiskerWidth,
    };

    internal static bool HasMean(PairedStatistics s) => s.N > 0 && double.IsFinite(s.Mean);

    internal static bool HasCi(PairedStatistics s) => HasMean(s) && double.IsFinite(s.CiLow) && double.IsFinite(s.CiHigh);

    internal static double[] Pick(int[] range, double[] xs) => range.Select(i => xs[i]).ToArray();

    internal static double[] Pick(int[] range, IReadOnlyList<PairedStatistics> stats, Func<PairedStatistics, double> f) =>
        range.Select(i => f(stats[i])).ToArray();

    private static string Title(Comparison c, string what) =>
        string.Create(CultureInfo.InvariantCulture, $"{what} ({c.Runs()} paired runs)");

    private static string Unit(Comparison c, string metric) => c.Metrics[c.MetricIndex(metric)].Unit;
}
