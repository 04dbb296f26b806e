using System.Globalization;
using BrainDrainSim.Model;
using BrainDrainSim.MonteCarlo;
using ScottPlot;

namespace BrainDrainSim.Reporting.Comparisons;

/// <summary>
/// sweep_response.png (1000 x 600, the style of <see cref="Charts"/>): how researchers at home at the horizon
/// respond to the swept value, as the mean paired difference from the first value with its 95% CI band and,
/// wider and paler, the 5-95% range of the run-by-run differences.
/// </summary>
public static class SweepChart
{
    public const string File = "sweep_response.png";

    private const double CiAlpha = 0.35;

    public static void Write(Comparison comparison, string sweptPath, IReadOnlyList<double> values, string path) =>
        Write(comparison, SweepPoints.From(comparison, values), sweptPath, path);

    internal static void Write(Comparison c, SweepPoints sweep, string sweptPath, string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(sweptPath);
        var values = sweep.Values;
        int home = c.MetricIndex(MetricCatalog.Home);
        string horizon = c.Baseline.Months[^1].ToString();
        var ci = CultureInfo.InvariantCulture;

        // Drawn in increasing value, whatever order the values were run in, so the bands are not folded over.
        var order = Enumerable.Range(0, values.Count).OrderBy(k => values[k]).ToArray();
        var xs = order.Select(k => values[k]).ToArray();
        var stats = order.Select(k => sweep.Differences[k][home][^1]).ToArray();

        using var plot = Charts.NewPlot(string.Create(ci,
            $"Sweep of {sweptPath}: effect on researchers at home at {horizon} ({c.Runs()} paired runs)"));
        plot.XLabel(sweptPath);
        plot.YLabel(string.Create(ci, $"Difference from {sweptPath} = {values[0]:G6} ({c.Metrics[home].Unit})"));
        ComparisonCharts.AddZeroLine(plot);

        var colour = Charts.Blue;
        foreach (var range in Charts.DefinedStretches(stats.Length, i => HasRange(stats[i])))
        {
            var spread = plot.Add.FillY(ComparisonCharts.Pick(range, xs), ComparisonCharts.Pick(range, stats, s => s.P05),
                ComparisonCharts.Pick(range, stats, s => s.P95));
            spread.FillColor = colour.WithAlpha(Charts.OuterAlpha);
            spread.LineWidth = 0;
        }
        foreach (var range in Charts.DefinedStretches(stats.Length, i => ComparisonCharts.HasCi(stats[i])))
        {
            var band = plot.Add.FillY(ComparisonCharts.Pick(range, xs), ComparisonCharts.Pick(range, stats, s => s.CiLow),
                ComparisonCharts.Pick(range, stats, s => s.CiHigh));
            band.FillColor = colour.WithAlpha(CiAlpha);
            band.LineWidth = 0;
        }
        foreach (var range in Charts.DefinedStretches(stats.Length, i => ComparisonCharts.HasMean(stats[i])))
        {
            var line = plot.Add.Scatter(ComparisonCharts.Pick(range, xs), ComparisonCharts.Pick(range, stats, s => s.Mean), colour);
            line.LineWidth = Charts.MedianWidth;
            line.MarkerSize = 7;
        }

        Charts.Save(plot, path,
        [
            Charts.LineItem("Mean difference (points: swept values)", colour),
            Charts.FillItem("95% CI of the mean", colour.WithAlpha(CiAlpha)),
            Charts.FillItem("90% of runs (p05-p95)", colour.WithAlpha(Charts.OuterAlpha)),
        ]);
    }

    private static bool HasRange(PairedStatistics s) => s.N > 0 && double.IsFinite(s.P05) && double.IsFinite(s.P95);
}
