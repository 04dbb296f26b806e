using System.Globalization;
using System.Text;
using BrainDrainSim.Model;
using BrainDrainSim.MonteCarlo;

namespace BrainDrainSim.Reporting.Comparisons;

/// <summary>
/// The console table of a sweep: one line per swept value with researchers at home at the horizon (mean over
/// runs), the paired effect against the first value with its 95% interval, and the 5-95% range of that effect
/// over runs.
/// </summary>
public static class SweepTable
{
    public static string Format(Comparison comparison, string path, IReadOnlyList<double> values)
    {
        if (values.Count != comparison.Policies.Count + 1)
            throw new ArgumentException($"{values.Count} swept values for {comparison.Policies.Count + 1} ensembles", nameof(values));
        int home = comparison.MetricIndex(MetricCatalog.Home);
        // Value k > 0 is policy k - 1 against the first value; the first value's own level is every pairing's baseline mean.
        var first = comparison.Policies[0].Differences[home][^1];
        var rows = new List<string[]>
        {
            new[] { path, "researchers home (mean)", "effect vs first value [95% CI]", "5-95% of runs" },
            new[] { Value(values[0]), Figures.Number(first.BaselineMean), "(reference)", "" },
        };
        for (int k = 1; k < values.Count; k++)
        {
            var d = comparison.Policies[k - 1].Differences[home][^1];
            rows.Add([Value(values[k]), Figures.Number(d.PolicyMean), Figures.MeanWithCi(d), Figures.RunRange(d)]);
        }
        var widths = Enumerable.Range(0, rows[0].Length).Select(c => rows.Max(r => r[c].Length)).ToArray();
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"Sweep of {path}, researchers at home at {comparison.Baseline.Months[^1]} ({comparison.Baseline.Runs.Count} runs each, paired by seed):\n");
        foreach (var r in rows)
            sb.Append("  ").AppendJoin("  ", r.Select((cell, c) => c == 0 ? cell.PadRight(widths[c]) : cell.PadLeft(widths[c]))).Append('\n');
        return sb.ToString().TrimEnd('\n');
    }

    private static string Value(double v) => v.ToString("R", CultureInfo.InvariantCulture);
}
