using System.Globalization;
using System.Text;

namespace BrainDrainSim.Reporting.Comparisons;

/// <summary>
/// The console's answer to "does each policy keep more researchers at home, and at what cost": one aligned
/// line per policy with the effect at the horizon and its 95% interval, the spread of the effect across runs,
/// the share of runs in which the policy keeps more, the extra cost and the cost per extra researcher.
/// A policy that differs from the baseline outside its levers gets a line saying so beneath its own, because
/// its "effect" then mixes the levers with those other changes.
/// </summary>
public static class ComparisonTable
{
    private const string Gap = "  ";

    public static string Format(Comparison comparison)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        var c = comparison;
        var ci = CultureInfo.InvariantCulture;
        string horizon = c.Baseline.Months[^1].ToString();
        var text = new StringBuilder();
        text.Append(string.Create(ci,
            $"Against {c.Baseline.Scenario.Name} at {horizon}: {c.Runs()} runs paired by seed {c.Baseline.MasterSeed} (common random numbers); effect = policy minus baseline, mean [95% CI]\n"));

        string[] header =
        [
            "policy", "researchers at home", "5-95% of runs", "P(more at home)", "extra cost",
            "cost per extra researcher at home [95% CI]",
        ];
        var rows = c.Policies.Select(p =>
        {
            var home = c.HomeAtHorizon(p);
            var ratio = p.Measure(CostEffectiveness.PerResearcherHome).Ratio;
            return new[]
            {
                p.Name,
                Figures.MeanWithCi(home),
                Figures.RunRange(home),
                Figures.Percent(home.ProbPolicyHigher),
                Figures.Krw(p.ExtraCost().Mean),
                // The status names the reason ("not estimable: the effect's 95% interval contains zero").
                ratio.IsEstimable ? Figures.Krw(ratio.Estimate, ratio.CiLow, ratio.CiHigh) : ratio.Status,
            };
        }).ToList();

        // Every column as wide as its widest cell; the last is left ragged so no line ends in spaces.
        var widths = header.Select((h, i) => rows.Select(r => r[i].Length).Append(h.Length).Max()).ToArray();
        void Line(string[] cells) =>
            text.Append(string.Join(Gap, cells.Select((cell, i) => i == cells.Length - 1 ? cell : cell.PadRight(widths[i])))).Append('\n');

        Line(header);
        for (int i = 0; i < rows.Count; i++)
        {
            Line(rows[i]);
            var others = c.Policies[i].NonLeverDifferences;
            if (others.Count > 0)
                text.Append(Gap).Append("warning: differs from the baseline outside its levers: ").Append(string.Join(", ", others)).Append('\n');
        }
        return text.ToString();
    }
}
