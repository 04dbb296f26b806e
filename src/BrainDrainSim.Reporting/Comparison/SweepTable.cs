using System.Globalization;
using System.Text;
using BrainDrainSim.MonteCarlo;

namespace BrainDrainSim.Reporting;

/// <summary>
/// The console table of a sweep: one line per swept value with researchers at home at the horizon (mean over
/// runs), the paired effect against the first value with its 95% interval, and the 5-95% range of that effect
/// over runs.
/// </summary>
public static class SweepTable
{
    public static string Format(Comparison comparison, string path, IReadOnlyList<double> values)
    {
        var points = SweepPoints.From(comparison, values);
        int home = comparison.MetricIndex(MetricCatalog.Home);
        var rows = new List<string[]> { new[] { path, "researchers home (mean)", "effect vs first value [95% CI]", "5-95% of runs" } };
        for (int k = 0; k < values.Count; k++)
        {
            var d = points.Differences[k][home][^1];
            rows.Add(
            [
                values[k].ToString("R", CultureInfo.InvariantCulture),
                Figures.Number(d.PolicyMean),
                k == 0 ? "(reference)" : Figures.MeanWithCi(d),
                k == 0 ? "" : Figures.RunRange(d),
            ]);
        }
        var widths = Enumerable.Range(0, rows[0].Length).Select(c => rows.Max(r => r[c].Length)).ToArray();
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"Sweep of {path}, researchers at home at {comparison.Baseline.Months[^1]} ({comparison.Baseline.Runs.Count} runs each, paired by seed):\n");
        foreach (var r in rows)
            sb.Append("  ").AppendJoin("  ", r.Select((cell, c) => c == 0 ? cell.PadRight(widths[c]) : cell.PadLeft(widths[c]))).Append('\n');
        return sb.ToString().TrimEnd('\n');
    }
}
