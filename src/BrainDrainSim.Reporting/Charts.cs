using System.Globalization;
using BrainDrainSim.Model;
using BrainDrainSim.MonteCarlo;
using ScottPlot;

namespace BrainDrainSim.Reporting;

/// <summary>
/// The PNG charts (1000 x 600): fan charts of the home stock and top talent, the monthly flows, and compute per
/// home researcher by sector. Each shows the median over runs with its spread, because a single run or a mean
/// alone would hide how uncertain the projection is. Plotting stays here, at the edge (architecture.md).
/// </summary>
public static class Charts
{
    public const int Width = 1000;
    public const int Height = 600;

    public const string ResearchersHomeFile = "researchers_home.png";
    public const string FlowsFile = "flows.png";
    public const string ComputeFile = "compute_per_home_researcher.png";
    public const string TopTalentHomeFile = "top_talent_home.png";

    /// <summary>A log axis is used when the sectors' compute spans more than this ratio, so small sectors stay visible.</summary>
    public const double LogScaleRatio = 30;

    // Okabe-Ito: distinguishable with the common colour-vision deficiencies and in greyscale by lightness.
    // Internal so that the comparison charts (ComparisonCharts, SweepChart) look like these.
    internal static readonly Color Blue = Color.FromHex("#0072B2");
    internal static readonly Color Vermillion = Color.FromHex("#D55E00");
    internal static readonly Color BluishGreen = Color.FromHex("#009E73");
    internal static readonly Color Orange = Color.FromHex("#E69F00");
    internal static readonly Color ReddishPurple = Color.FromHex("#CC79A7");
    internal static readonly Color SkyBlue = Color.FromHex("#56B4E9");
    internal static readonly Color Black = Color.FromHex("#000000");
    internal static readonly Color Neutral = Color.FromHex("#555555");
    internal const double OuterAlpha = 0.2;
    internal const double InnerAlpha = 0.4;
    internal const float MedianWidth = 2.5f;
    private static readonly Color[] SectorColours = [Blue, Vermillion, BluishGreen, Orange, ReddishPurple, SkyBlue, Black];

    /// <summary>
    /// The run charts in the order <see cref="WriteAll"/> writes them, each with how it is drawn (null: the summary
    /// lacks its metrics).
    /// </summary>
    private static readonly (string File, Func<SeriesSummary, byte[]?> Render)[] RunCharts =
    [
        (ResearchersHomeFile, s => RenderFanChart(s, MetricCatalog.Home, Blue)),
        (FlowsFile, RenderFlows),
        (ComputeFile, RenderComputePerHomeResearcher),
        (TopTalentHomeFile, s => RenderFanChart(s, MetricCatalog.TopTalentHome, BluishGreen)),
    ];

    /// <summary>Writes every chart whose metrics the summary has; returns the file names written.</summary>
    public static IReadOnlyList<string> WriteAll(SeriesSummary summary, string outDir)
    {
        var images = new byte[]?[RunCharts.Length];
        Concurrently.Run(RenderInto(summary, images));
        return WriteRendered(images, outDir);
    }

    /// <summary>
    /// The drawing of each chart <see cref="WriteAll"/> writes, as work that puts its PNG bytes into
    /// <paramref name="images"/> at the chart's place in that order (null: the summary lacks its metrics). Each chart
    /// is its own plot, so drawing them at once on several cores gives the bytes of drawing them one by one.
    /// </summary>
    internal static Action[] RenderInto(SeriesSummary summary, byte[]?[] images)
    {
        ArgumentNullException.ThrowIfNull(summary);
        if (images.Length != RunCharts.Length)
            throw new ArgumentException($"room for {RunCharts.Length} charts expected", nameof(images));
        return RunCharts.Select((chart, i) => (Action)(() => images[i] = chart.Render(summary))).ToArray();
    }

    /// <summary>How many charts <see cref="RenderInto"/> draws.</summary>
    internal static int RunChartCount => RunCharts.Length;

    /// <summary>Writes the drawn charts one at a time, in order; returns the file names written.</summary>
    internal static IReadOnlyList<string> WriteRendered(byte[]?[] images, string outDir)
    {
        var written = new List<string>();
        for (int i = 0; i < images.Length; i++)
        {
            if (images[i] is not { } png) continue;
            OutputFiles.WriteBytes(Path.Combine(outDir, RunCharts[i].File), png);
            written.Add(RunCharts[i].File);
        }
        return written;
    }

    /// <summary>Fan chart of researchers at home; false (nothing written) if the summary lacks the metric.</summary>
    public static bool WriteResearchersHome(SeriesSummary summary, string path) =>
        WriteFanChart(summary, MetricCatalog.Home, Blue, path);

    /// <summary>Fan chart of top-talent researchers at home; false if the summary lacks the metric.</summary>
    public static bool WriteTopTalentHome(SeriesSummary summary, string path) =>
        WriteFanChart(summary, MetricCatalog.TopTalentHome, BluishGreen, path);

    /// <summary>
    /// A fan chart of one metric: median line, 50% band (p25-p75) and 90% band (p05-p95).
    /// False if the summary lacks the metric.
    /// </summary>
    public static bool WriteFanChart(SeriesSummary summary, string metricName, string path) =>
        WriteFanChart(summary, metricName, Blue, path);

    private static bool WriteFanChart(SeriesSummary summary, string metricName, Color colour, string path) =>
        WriteIfDrawn(RenderFanChart(summary, metricName, colour), path);

    private static byte[]? RenderFanChart(SeriesSummary summary, string metricName, Color colour)
    {
        ArgumentNullException.ThrowIfNull(summary);
        int m = summary.MetricIndex(metricName);
        if (m < 0) return null;
        var metric = summary.Metrics[m];
        using var plot = NewPlot(summary, metric.Title, $"{metric.Title} ({metric.Unit})");
        AddBands(plot, summary, m, colour, innerBand: true);
        return Render(plot,
        [
            LineItem("Median over runs", colour),
            FillItem("50% of runs (p25-p75)", colour.WithAlpha(InnerAlpha)),
            FillItem("90% of runs (p05-p95)", colour.WithAlpha(OuterAlpha)),
        ]);
    }

    /// <summary>Monthly emigrations and returns: median lines, each with its 90% band. False if either metric is missing.</summary>
    public static bool WriteFlows(SeriesSummary summary, string path) => WriteIfDrawn(RenderFlows(summary), path);

    private static byte[]? RenderFlows(SeriesSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        int emigrations = summary.MetricIndex(MetricCatalog.Emigrations), returns = summary.MetricIndex(MetricCatalog.Returns);
        if (emigrations < 0 || returns < 0) return null;
        string unit = summary.Metrics[emigrations].Unit;
        using var plot = NewPlot(summary, "Emigrations and returns", $"Researchers ({unit})");
        AddBands(plot, summary, emigrations, Vermillion, innerBand: false);
        AddBands(plot, summary, returns, Blue, innerBand: false);
        return Render(plot,
        [
            LineItem("Emigrations (median)", Vermillion),
            LineItem("Returns (median)", Blue),
            FillItem("Shaded: 90% of runs (p05-p95)", Neutral.WithAlpha(OuterAlpha)),
        ]);
    }

    /// <summary>
    /// Compute per home researcher, one median line per sector with its 90% band; a log axis (said so in the
    /// label) when the sectors differ by more than <see cref="LogScaleRatio"/>. False if there are no sectors.
    /// </summary>
    public static bool WriteComputePerHomeResearcher(SeriesSummary summary, string path) =>
        WriteIfDrawn(RenderComputePerHomeResearcher(summary), path);

    private static byte[]? RenderComputePerHomeResearcher(SeriesSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var sectors = Enumerable.Range(0, summary.Metrics.Count)
            .Where(i => summary.Metrics[i].Name.StartsWith(MetricCatalog.ComputePerHomeResearcherPrefix, StringComparison.Ordinal))
            .ToArray();
        if (sectors.Length == 0) return null;

        bool log = UseLogScale(summary, sectors);
        string unit = summary.Metrics[sectors[0]].Unit;
        using var plot = NewPlot(summary, "Compute per home researcher by sector", log ? $"{unit} (log scale)" : unit);
        Func<double, double> transform = log ? Math.Log10 : v => v;
        var legend = new List<LegendItem>();
        for (int i = 0; i < sectors.Length; i++)
        {
            string sector = summary.Metrics[sectors[i]].Name[MetricCatalog.ComputePerHomeResearcherPrefix.Length..];
            var colour = SectorColours[i % SectorColours.Length];
            AddBands(plot, summary, sectors[i], colour, innerBand: false, transform);
            legend.Add(LineItem($"{sector} (median)", colour));
        }
        legend.Add(FillItem("Shaded: 90% of runs (p05-p95)", Neutral.WithAlpha(OuterAlpha)));
        if (log)
        {
            // ScottPlot 5 has no log axis: plot log10 of the data and label the ticks with the powers of ten.
            plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic
            {
                MinorTickGenerator = new ScottPlot.TickGenerators.LogMinorTickGenerator(),
                IntegerTicksOnly = true,
                LabelFormatter = y => Math.Pow(10, y).ToString("G3", CultureInfo.InvariantCulture),
            };
        }
        return Render(plot, legend);
    }

    private static bool WriteIfDrawn(byte[]? png, string path)
    {
        if (png is null) return false;
        OutputFiles.WriteBytes(path, png);
        return true;
    }

    private static bool UseLogScale(SeriesSummary summary, int[] metrics)
    {
        double min = double.PositiveInfinity, max = double.NegativeInfinity;
        foreach (var m in metrics)
            foreach (var s in summary.Of(m))
            {
                if (s.N == 0) continue;
                min = Math.Min(min, s.P05);
                max = Math.Max(max, s.P95);
            }
        // A log axis cannot show zero or negative values, so such data stays linear.
        return min > 0 && max / min > LogScaleRatio;
    }

    private static Plot NewPlot(SeriesSummary summary, string what, string yLabel) =>
        NewMonthlyPlot($"{summary.ScenarioName}: {what} ({summary.Replications.ToString(CultureInfo.InvariantCulture)} runs)", yLabel);

    /// <summary>A plot with the shipped font, a title and a month (date) axis at the bottom.</summary>
    internal static Plot NewMonthlyPlot(string title, string yLabel)
    {
        var plot = NewPlot(title);
        // The date axis replaces the bottom axis, so it comes before the label that goes on it.
        plot.Axes.DateTimeTicksBottom();
        plot.XLabel("Month (value at the end of each month)");
        plot.YLabel(yLabel);
        return plot;
    }

    /// <summary>A plot with the shipped font and a title; the fonts are registered first so every text uses them.</summary>
    internal static Plot NewPlot(string title)
    {
        ChartFonts.Register();
        var plot = new Plot();
        plot.Title(title);
        return plot;
    }

    /// <summary>Where a month is drawn on a date axis: its 15th, so a month's value sits in the middle of its span.</summary>
    internal static double MonthX(YearMonth month) => new DateTime(month.Year, month.Month, 15).ToOADate();

    /// <summary>
    /// The runs of consecutive indices in [0, count) for which <paramref name="defined"/> holds, so that lines and
    /// bands break at undefined points instead of being drawn through them.
    /// </summary>
    internal static IEnumerable<int[]> DefinedStretches(int count, Func<int, bool> defined)
    {
        int t = 0;
        while (t < count)
        {
            if (!defined(t)) { t++; continue; }
            int start = t;
            while (t < count && defined(t)) t++;
            yield return Enumerable.Range(start, t - start).ToArray();
        }
    }

    /// <summary>
    /// Saves with a legend listed by hand: one entry per median line and one per kind of band, rather than one
    /// per plotted piece (a series broken by undefined months would otherwise appear several times).
    /// </summary>
    internal static void Save(Plot plot, string path, IEnumerable<LegendItem> legend) =>
        OutputFiles.WriteBytes(path, Render(plot, legend));

    /// <summary>The PNG bytes <see cref="Save"/> writes (at another size only for <see cref="ChartWarmUp"/>).</summary>
    internal static byte[] Render(Plot plot, IEnumerable<LegendItem> legend, int width = Width, int height = Height)
    {
        plot.Legend.ManualItems.AddRange(legend);
        plot.Legend.DisplayPlottableLegendItems = false;
        plot.ShowLegend(Edge.Bottom);
        return plot.GetImageBytes(width, height, ImageFormat.Png);
    }

    internal static LegendItem LineItem(string label, Color colour) =>
        new() { LabelText = label, LineColor = colour, LineWidth = MedianWidth, MarkerSize = 0 };

    internal static LegendItem FillItem(string label, Color colour) =>
        new() { LabelText = label, FillColor = colour, LineWidth = 0, MarkerSize = 0 };

    /// <summary>
    /// Adds the bands and median line of one metric (x at the 15th of each month), one piece per run of
    /// consecutive months that some replication defines, so lines break at undefined months instead of being
    /// drawn through them.
    /// </summary>
    internal static void AddBands(Plot plot, SeriesSummary summary, int metric, Color colour, bool innerBand,
        Func<double, double>? transform = null)
    {
        transform ??= v => v;
        var stats = summary.Of(metric);
        var xs = summary.Months.Select(MonthX).ToArray();
        foreach (var range in DefinedStretches(stats.Count, t => Plottable(stats[t], transform)))
        {
            double[] x = range.Select(i => xs[i]).ToArray();
            double[] Pick(Func<CrossRunStatistics, double> f) => range.Select(i => transform(f(stats[i]))).ToArray();

            var outer = plot.Add.FillY(x, Pick(s => s.P05), Pick(s => s.P95));
            outer.FillColor = colour.WithAlpha(OuterAlpha);
            outer.LineWidth = 0;
            if (innerBand)
            {
                var inner = plot.Add.FillY(x, Pick(s => s.P25), Pick(s => s.P75));
                inner.FillColor = colour.WithAlpha(InnerAlpha);
                inner.LineWidth = 0;
            }
            var median = plot.Add.Scatter(x, Pick(s => s.P50), colour);
            median.LineWidth = MedianWidth;
            // A lone month has no line to draw; mark it so it does not vanish.
            median.MarkerSize = x.Length == 1 ? 6 : 0;
        }
    }

    private static bool Plottable(CrossRunStatistics s, Func<double, double> transform) =>
        s.N > 0 && double.IsFinite(transform(s.P05)) && double.IsFinite(transform(s.P95));
}
