using System.Globalization;
using System.Text;
using BrainDrainSim.Model;
using BrainDrainSim.Model.Shape;
using BrainDrainSim.MonteCarlo;

namespace BrainDrainSim.Reporting.Comparisons;

/// <summary>
/// report.md: the comparison for a reader who will not open the CSV files, in GitHub-flavoured markdown that
/// any Git host renders (tables, relative image links, no HTML). It states the question, the scenarios and the
/// method, answers at the horizon with intervals, and says what the answer is conditional on: the uncertain
/// coefficients' distributions, and any difference between scenarios other than their levers. It depends
/// only on the runs and the input file names, never on timings, so the same runs give the same bytes.
/// </summary>
public static class ComparisonReport
{
    private static readonly CultureInfo Ci = CultureInfo.InvariantCulture;

    public static string Format(Comparison comparison, CompareInfo info)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        ArgumentNullException.ThrowIfNull(info);
        var c = comparison;
        var md = new StringBuilder();
        string horizon = c.Baseline.Months[^1].ToString();

        md.Append($"# Policy comparison against {Inline(c.Baseline.Scenario.Name)}\n\n");

        md.Append("## The question\n\n");
        md.Append($"Does each policy keep more AI researchers at home than the baseline by the horizon ({horizon}), ");
        md.Append("and at what cost per researcher kept?\n\n");
        AppendAnswers(md, c);

        md.Append("## Scenarios\n\n");
        md.Append("| Role | Name | File | Description |\n|---|---|---|---|\n");
        var scenarios = Scenarios(c);
        for (int i = 0; i < scenarios.Count; i++)
        {
            var input = info.InputOf(i, scenarios.Count);
            string file = input is { InputFiles.Count: > 0 } ? Code(Path.GetFileName(input.InputFiles[^1])) : "not recorded";
            md.Append($"| {(i == 0 ? "baseline" : "policy")} | {Cell(scenarios[i].Name)} | {file} | {Cell(scenarios[i].Description)} |\n");
        }
        md.Append('\n');

        AppendMethod(md, c);
        AppendResults(md, c, horizon);
        AppendCostEffectiveness(md, c);

        md.Append("## Charts\n\n");
        md.Append($"![Researchers at home in each scenario: median and 90% of runs]({ComparisonCharts.ResearchersHomeFile})\n\n");
        md.Append($"![Effect on researchers at home by month: mean and 95% CI]({ComparisonCharts.EffectOverTimeFile})\n\n");
        md.Append($"![Effect on researchers at home at {horizon}: mean, 95% CI and 90% of runs]({ComparisonCharts.FinalEffectsFile})\n\n");
        md.Append($"![Extra cost against extra researchers at home at {horizon}]({ComparisonCharts.CostVsKeptFile})\n\n");

        AppendDrivers(md, c.Baseline.Scenario);
        AppendNonLeverWarnings(md, c);

        md.Append("## Files\n\n");
        md.Append($"- {Code(ComparisonWriter.ComparisonFile)}: every metric's paired difference, policy minus baseline, by policy and month ");
        md.Append("(baseline and policy means, mean difference with its 95% CI, sd, 5th/50th/95th percentiles over runs, P(policy higher), status).\n");
        md.Append($"- {Code(ComparisonWriter.CostEffectivenessFile)}: extra cost, effect and cost per unit of effect for each policy and measure, ");
        md.Append("with 95% intervals and a status saying why a ratio is not estimable.\n");
        md.Append($"- {Code(ComparisonWriter.ManifestFile)}: how the comparison was made (version, command line, seed, runs, input files and hashes, timings).\n");
        md.Append("- The charts above, as PNG files beside this report.\n");
        return md.ToString();
    }

    public static void Write(Comparison comparison, CompareInfo info, string path) => OutputFiles.WriteText(path, Format(comparison, info));

    /// <summary>The answer in one sentence per policy, before the detail.</summary>
    private static void AppendAnswers(StringBuilder md, Comparison c)
    {
        foreach (var p in c.Policies)
        {
            var home = c.HomeAtHorizon(p);
            var ratio = p.Measure(CostEffectiveness.PerResearcherHome).Ratio;
            md.Append($"- **{Inline(p.Name)}**: ");
            if (!ComparisonCharts.HasMean(home))
            {
                md.Append("the effect on researchers at home is undefined (no run defines it).\n");
                continue;
            }
            md.Append($"{Figures.MeanWithCi(home)} researchers at home (mean [95% CI]); ");
            md.Append(home.Excludes0
                ? home.Mean > 0 ? "more than the baseline" : "fewer than the baseline"
                : "not distinguishable from the baseline (the 95% CI contains zero)");
            md.Append($", more at home in {Figures.Percent(home.ProbPolicyHigher)} of runs; ");
            md.Append($"extra cost {Figures.Krw(p.ExtraCost().Mean)}; cost per extra researcher at home ");
            md.Append(ratio.IsEstimable ? $"{Figures.Krw(ratio.Estimate, ratio.CiLow, ratio.CiHigh)}.\n" : $"{ratio.Status}.\n");
        }
        md.Append('\n');
    }

    private static void AppendMethod(StringBuilder md, Comparison c)
    {
        var b = c.Baseline;
        md.Append("## Method\n\n");
        md.Append(string.Create(Ci, $"- Every scenario was run {c.Runs():N0} times from master seed {b.MasterSeed}, "));
        md.Append(string.Create(Ci, $"{b.Months.Count:N0} months from {b.Months[0]} to {b.Months[^1]} (values at the end of each month).\n"));
        md.Append("- **Common random numbers**: run i of every scenario uses the same seed, so it meets the same random draws ");
        md.Append("(researchers, months and uncertain coefficients). The difference policy minus baseline in run i is the policy's ");
        md.Append("effect in that run, with far less noise than comparing two independent sets of runs.\n");
        md.Append("- **Mean effect and 95% CI**: the mean of the run-by-run differences with a paired t interval ");
        md.Append("(mean ± t(0.975, n − 1) · sd / √n). It says how precisely the runs pin down the average effect and narrows with more runs.\n");
        md.Append("- **5-95% of runs**: the 5th to 95th percentile of the run-by-run differences (type 7). It carries the uncertainty ");
        md.Append("in the coefficients (drawn anew in each run) as well as chance, and does not narrow with more runs.\n");
        md.Append("- **P(policy higher)**: the share of runs in which the policy's value is higher than the baseline's, ties counting one half.\n");
        md.Append("- **Cost-effectiveness**: extra cost is the cumulative policy cost at the horizon, policy minus baseline (KRW). ");
        md.Append("The cost per unit of effect is a ratio of means (mean extra cost / mean effect) with Fieller's 95% interval; ");
        md.Append("it is not estimable when the effect's own 95% CI contains zero or lies below it.\n");
        md.Append("- Researcher-years at home: the sum of month-end researchers at home over the horizon, divided by 12.\n\n");
    }

    private static void AppendResults(StringBuilder md, Comparison c, string horizon)
    {
        md.Append($"## Results at the horizon ({horizon})\n\n");
        md.Append("| Policy | Measure | Baseline mean | Policy mean | Effect: mean [95% CI] | 5-95% of runs | P(policy higher) |\n");
        md.Append("|---|---|--:|--:|--:|--:|--:|\n");
        foreach (var p in c.Policies)
        {
            var rows = new List<(string Measure, PairedStatistics? Stats)>
            {
                ("Researchers at home", c.TryAtHorizon(p, MetricCatalog.Home)),
                ("Top-talent researchers at home", c.TryAtHorizon(p, MetricCatalog.TopTalentHome)),
                ("Researcher-years at home over the horizon", p.ResearcherYearsHome),
            };
            foreach (var (measure, s) in rows)
            {
                if (s is null) continue;
                // The levels to the effect's precision, so that their difference reads as the effect does.
                int d = Math.Max(Figures.Decimals(s.BaselineMean, s.PolicyMean), Figures.EffectDecimals(s));
                md.Append($"| {Cell(p.Name)} | {measure} | {Figures.Number(s.BaselineMean, d)} | {Figures.Number(s.PolicyMean, d)} | ");
                md.Append($"{Figures.MeanWithCi(s)} | {Figures.RunRange(s)} | {Figures.Percent(s.ProbPolicyHigher)} |\n");
            }
        }
        md.Append('\n');
    }

    private static void AppendCostEffectiveness(StringBuilder md, Comparison c)
    {
        md.Append("## Cost-effectiveness\n\n");
        md.Append("Extra cost over the horizon per unit of extra effect, each a mean over runs with its 95% interval.\n\n");
        md.Append("| Policy | Per | Extra cost: mean [95% CI] | Effect: mean [95% CI] | Cost per unit [95% CI] |\n");
        md.Append("|---|---|--:|--:|--:|\n");
        foreach (var p in c.Policies)
            foreach (var ce in p.CostEffectiveness)
            {
                var r = ce.Ratio;
                string ratio = r.IsEstimable ? Figures.Krw(r.Estimate, r.CiLow, r.CiHigh) : r.Status;
                md.Append($"| {Cell(p.Name)} | {Cell(Per(ce))} | {Figures.Krw(ce.Cost)} | {Figures.MeanWithCi(ce.Effect)} | {Cell(ratio)} |\n");
            }
        md.Append('\n');
    }

    private static string Per(CostEffectiveness ce) => ce.Measure switch
    {
        CostEffectiveness.PerResearcherHome => "extra researcher at home at the horizon",
        CostEffectiveness.PerTopTalentHome => "extra top-talent researcher at home at the horizon",
        CostEffectiveness.PerResearcherYear => "extra researcher-year at home over the horizon",
        _ => ce.Description,
    };

    /// <summary>The baseline's uncertain coefficients: the results hold given these distributions and every fixed value.</summary>
    private static void AppendDrivers(StringBuilder md, Scenario baseline)
    {
        md.Append("## What drives the answer\n\n");
        if (baseline.Uncertainty.Length == 0)
        {
            md.Append("The baseline has no uncertain coefficients: every run uses the same values, so the spread over runs ");
            md.Append("reflects chance alone. The results are conditional on those fixed values.\n\n");
            return;
        }
        md.Append("The baseline draws these coefficients anew in each run (the same draw in run i of every scenario), ");
        md.Append("so the 5-95% ranges above carry their uncertainty:\n\n");
        md.Append("| Path | Distribution | Parameters |\n|---|---|---|\n");
        foreach (var u in baseline.Uncertainty)
            md.Append($"| {Code(u.Path)} | {ScenarioNames.EnumKey(u.Distribution.Dist!.Value)} | {Cell(Parameters(u.Distribution))} |\n");
        md.Append("\nThe results are conditional on these distributions and on the fixed values of every other coefficient in ");
        md.Append("the scenarios: a different view of how strongly researchers respond to pay, compute or their networks ");
        md.Append("would give different effects and costs.\n\n");
    }

    /// <summary>
    /// The parameters a distribution sets, in the order its family takes them: "min 0, mode 0.2, max 0.8",
    /// "concentration academia 10, industry 6, institute 4".
    /// </summary>
    internal static string Parameters(DistributionSpec d)
    {
        var (required, optional) = DistributionSpec.Parameters[d.Dist!.Value];
        return string.Join(", ", required.Concat(optional).Select(name => ScenarioShape.Key(typeof(DistributionSpec), name)!.Get(d) switch
        {
            double v => $"{name} {Scalar(v)}",
            IReadOnlyDictionary<string, double> map => $"{name} {string.Join(", ", map.Select(e => $"{e.Key} {Scalar(e.Value)}"))}",
            _ => null,
        }).Where(p => p is not null));
    }

    /// <summary>A scenario value as written in a file: up to 6 significant digits, no thousands separators.</summary>
    private static string Scalar(double v) => double.IsFinite(v) ? v.ToString("G6", Ci) : Figures.Undefined;

    private static void AppendNonLeverWarnings(StringBuilder md, Comparison c)
    {
        var mixed = c.Policies.Where(p => p.NonLeverDifferences.Count > 0).ToList();
        if (mixed.Count == 0) return;
        md.Append("## Warning: not pure policy contrasts\n\n");
        md.Append("These policies differ from the baseline in more than their levers, so their \"effect\" mixes the levers ");
        md.Append("with the other changes:\n\n");
        foreach (var p in mixed)
            md.Append($"- **{Inline(p.Name)}**: {string.Join(", ", p.NonLeverDifferences.Select(Code))}\n");
        md.Append('\n');
    }

    private static IReadOnlyList<Scenario> Scenarios(Comparison c) =>
        [c.Baseline.Scenario, .. c.Policies.Select(p => p.Policy.Scenario)];

    /// <summary>Text in a table cell: a pipe would end the cell and a line break the row; "&lt;" could start HTML.</summary>
    private static string Cell(string text) => Inline(text).Replace("|", "\\|", StringComparison.Ordinal);

    /// <summary>Text on one line, with no HTML.</summary>
    private static string Inline(string text) =>
        text.ReplaceLineEndings(" ").Replace("<", "&lt;", StringComparison.Ordinal).Trim();

    /// <summary>A code span; a pipe inside still needs escaping in a table, which GitHub honours inside code spans.</summary>
    private static string Code(string text) => "`" + text.ReplaceLineEndings(" ").Replace("`", "'", StringComparison.Ordinal).Replace("|", "\\|", StringComparison.Ordinal) + "`";
}
