using BrainDrainSim.Model;

namespace BrainDrainSim.Reporting;

/// <summary>
/// Readies the chart renderer on a background thread while the scenario loads and the replications run. The first
/// chart a process draws pays for loading SkiaSharp's native library, the system's font list and the shipped fonts,
/// and for the first call of every drawing and encoding method: measured on the reference workload, about 0.15 s
/// precompiled (0.3 s JIT-compiled) against 0.06 s for each chart after it. The warm-up draws a small chart like the
/// real ones and throws it away, so that cost is paid on a core the work leaves free (one replication thread on two
/// cores), or shared with it, instead of after it. The charts' bytes do not depend on it: it only fills caches that
/// the first chart would fill from the same fonts (ChartTests draws charts beside it and compares the bytes).
/// </summary>
public static class ChartWarmUp
{
    /// <summary>
    /// Starts the warm-up and returns at once. Started before the scenario is loaded, it is over (or nearly) when
    /// the replications start: begun during their setup, it was measured to slow it by more than its own cost.
    /// </summary>
    public static void Start() =>
        new Thread(() => Run()) { IsBackground = true, Name = "braindrain chart warm-up" }.Start();

    /// <summary>
    /// Draws the throwaway chart on the calling thread; false when that failed. A failure is left for the real
    /// charts to meet and report (a missing font file, say), so that it is reported once, by the work that needs it.
    /// </summary>
    public static bool Run()
    {
        try
        {
            double[] x = [Charts.MonthX(new YearMonth(2025, 1)), Charts.MonthX(new YearMonth(2025, 2)), Charts.MonthX(new YearMonth(2025, 3))];
            using var plot = Charts.NewMonthlyPlot("warm-up: 1 runs", "Researchers (people)");
            var band = plot.Add.FillY(x, [1.0, 2.0, 3.0], [2.0, 4.0, 5.0]);
            band.FillColor = Charts.Blue.WithAlpha(Charts.OuterAlpha);
            band.LineWidth = 0;
            var median = plot.Add.Scatter(x, [1.5, 3.0, 4.0], Charts.Blue);
            median.LineWidth = Charts.MedianWidth;
            median.MarkerSize = 0;
            return Charts.Render(plot,
            [
                Charts.LineItem("Median over runs", Charts.Blue),
                Charts.FillItem("90% of runs (p05-p95)", Charts.Blue.WithAlpha(Charts.OuterAlpha)),
            ], width: Charts.Width / 4, height: Charts.Height / 4).Length > 0; // a quarter: the same code, less to encode
        }
        catch (Exception)
        {
            // Only time was lost: the real charts meet the same problem and report it.
            return false;
        }
    }
}
