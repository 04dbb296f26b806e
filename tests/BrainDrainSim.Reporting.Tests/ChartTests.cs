using BrainDrainSim.Model;
using BrainDrainSim.MonteCarlo;
using SkiaSharp;
using static BrainDrainSim.Reporting.Tests.SyntheticEnsemble;

namespace BrainDrainSim.Reporting.Tests;

public class ChartTests
{
    private static readonly string[] ChartFileNames =
        [Charts.ResearchersHomeFile, Charts.FlowsFile, Charts.ComputeFile, Charts.TopTalentHomeFile];

    public static TheoryData<string> ChartFiles => new(ChartFileNames);

    [Theory]
    [MemberData(nameof(ChartFiles))]
    public void Each_chart_is_a_1000_by_600_png_with_colour_and_rendered_text(string file)
    {
        using var dir = new TempFolder();
        var written = Charts.WriteAll(SeriesSummary.From(Build()), dir.Path);
        Assert.Contains(file, written);
        var bytes = File.ReadAllBytes(dir.PathOf(file));
        Assert.Equal((1000, 600), Png.HeaderSize(bytes));

        using var bitmap = SKBitmap.Decode(bytes);
        Assert.Equal(1000, bitmap.Width);
        Assert.Equal(600, bitmap.Height);
        Assert.True(Png.DistinctColours(bitmap) > 50, "the chart looks blank");
        // The title sits in the top rows; without a usable font SkiaSharp leaves them white (dotnet-notes.md).
        int dark = Png.DarkPixels(bitmap, 0, 60);
        Assert.True(dark > 50, $"only {dark} dark pixels in the title area: text did not render");
    }

    [Fact]
    public void The_shipped_fonts_are_found_beside_the_assembly()
    {
        Assert.True(File.Exists(Path.Combine(ChartFonts.Directory, ChartFonts.RegularFile)));
        Assert.True(File.Exists(Path.Combine(ChartFonts.Directory, ChartFonts.BoldFile)));
        ChartFonts.Register();
        Assert.Equal(ChartFonts.Family, ScottPlot.Fonts.Default);
        // The typeface must come from the file, not a fallback: DejaVu Sans has this family name inside the file.
        Assert.Equal("DejaVu Sans", ScottPlot.Fonts.GetTypeface(ChartFonts.Family, bold: false, italic: false).FamilyName);
        Assert.True(ScottPlot.Fonts.GetTypeface(ChartFonts.Family, bold: true, italic: false).IsBold);
    }

    [Fact]
    public void Charts_are_byte_identical_run_to_run_and_whatever_the_thread_count()
    {
        using var a = new TempFolder();
        using var b = new TempFolder();
        Charts.WriteAll(SeriesSummary.From(Build(threads: 1, steppingSeconds: 7)), a.Path);
        Charts.WriteAll(SeriesSummary.From(Build(threads: 2)), b.Path);
        foreach (var file in ChartFileNames)
            Assert.Equal(File.ReadAllBytes(a.PathOf(file)), File.ReadAllBytes(b.PathOf(file)));
    }

    [Fact]
    public void Charts_drawn_at_once_on_several_cores_are_the_bytes_of_drawing_them_one_by_one()
    {
        var summary = SeriesSummary.From(Build());
        using var serial = new TempFolder();
        Assert.True(Charts.WriteResearchersHome(summary, serial.PathOf(Charts.ResearchersHomeFile)));
        Assert.True(Charts.WriteFlows(summary, serial.PathOf(Charts.FlowsFile)));
        Assert.True(Charts.WriteComputePerHomeResearcher(summary, serial.PathOf(Charts.ComputeFile)));
        Assert.True(Charts.WriteTopTalentHome(summary, serial.PathOf(Charts.TopTalentHomeFile)));

        // Several ensembles' charts at once, with the renderer's warm-up drawing beside them, as in the command.
        var folders = Enumerable.Range(0, 3).Select(_ => new TempFolder()).ToArray();
        try
        {
            Parallel.Invoke(
            [
                () => Assert.True(ChartWarmUp.Run()),
                .. folders.Select(f => (Action)(() => Assert.Equal(ChartFileNames, Charts.WriteAll(summary, f.Path)))),
            ]);
            foreach (var folder in folders)
                foreach (var file in ChartFileNames)
                    Assert.Equal(File.ReadAllBytes(serial.PathOf(file)), File.ReadAllBytes(folder.PathOf(file)));
        }
        finally
        {
            foreach (var folder in folders) folder.Dispose();
        }
    }

    [Fact]
    public void The_warm_up_draws_and_leaves_the_shipped_fonts_as_the_default()
    {
        Assert.True(ChartWarmUp.Run());
        Assert.Equal(ChartFonts.Family, ScottPlot.Fonts.Default);
    }

    [Fact]
    public void Undefined_months_and_wide_compute_ranges_still_chart()
    {
        // All runs undefined for some months (a gap in the lines), compute spanning three decades (log axis).
        var e = Build(value: (metric, run, month) =>
            metric == MetricCatalog.Home && month is 4 or 5 ? double.NaN
            : metric == MetricCatalog.ComputePerHomeResearcherPrefix + "academia" ? 0.001 * (1 + month)
            : metric == MetricCatalog.ComputePerHomeResearcherPrefix + "industry" ? 5.0 + month
            : Value(metric, run, month));
        using var dir = new TempFolder();
        var written = Charts.WriteAll(SeriesSummary.From(e), dir.Path);
        Assert.Equal(4, written.Count);
        using var bitmap = SKBitmap.Decode(dir.PathOf(Charts.ComputeFile));
        Assert.True(Png.DistinctColours(bitmap) > 50);
    }

    [Fact]
    public void A_summary_without_the_metrics_writes_no_chart()
    {
        var scenario = new Scenario { Sectors = [] };
        var metrics = MetricCatalog.For(scenario).Where(m => m.Name != MetricCatalog.TopTalentHome).ToArray();
        var e = new EnsembleResult
        {
            Scenario = scenario, Metrics = metrics, Months = [new YearMonth(2025, 1)], MasterSeed = 1, Threads = 1,
            SetupSeconds = 0, SteppingSeconds = 0,
            Runs = [new ReplicationResult { Replication = 0, Seed = 1, Parameters = [], AgentSteps = 0, Series = metrics.Select(_ => new[] { 1.0 }).ToArray() }],
        };
        using var dir = new TempFolder();
        Assert.Equal([Charts.ResearchersHomeFile, Charts.FlowsFile], Charts.WriteAll(SeriesSummary.From(e), dir.Path));
        Assert.False(File.Exists(dir.PathOf(Charts.TopTalentHomeFile)));
    }
}
