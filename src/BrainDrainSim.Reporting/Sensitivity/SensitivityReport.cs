using System.Globalization;
using System.Text;
using BrainDrainSim.Sensitivity;

namespace BrainDrainSim.Reporting.Sensitivity;

/// <summary>
/// report.md of a sensitivity analysis, for an analyst who did not run it: the question, the factors and their
/// ranges, the method and its size, the ranking of the inputs for each quantity with intervals, and chance's share.
/// </summary>
public static class SensitivityReport
{
    public const string File = "report.md";

    private static readonly CultureInfo Ci = CultureInfo.InvariantCulture;

    /// <summary>The report of a Sobol analysis.</summary>
    public static string Format(SobolSensitivity s, SensitivityInfo info)
    {
        ArgumentNullException.ThrowIfNull(s);
        ArgumentNullException.ThrowIfNull(info);
        var md = new StringBuilder();
        Header(md, s.Problem, s.Indices.Select(i => i.Quantity).Distinct().ToArray());
        md.Append(Ci, $"## Method\n\nSobol indices (variance-based, global): first order S1 by Saltelli et al. (2010), the share of the variance the input explains alone; total ST by Jansen (1999), its share with every interaction it takes part in. ");
        md.Append(Ci, $"Saltelli design on N = {s.Design.BaseCount} base points of a scrambled Sobol sequence (Joe and Kuo's direction numbers): {s.Results.Rows:N0} design rows, each one replication of the scenario");
        md.Append(s.Problem.Baseline is null ? ". " : " and one of the baseline with the same seed (common random numbers). ");
        md.Append(Ci, $"Chance, the replication seed, is a factor of its own: a row that takes an input from B keeps A's seed, so an input the model does not read gets an ST of exactly 0 and chance's share is estimated like any input's. ");
        md.Append(Ci, $"95% intervals are bootstrap percentiles over the base points ({SobolAnalysis.DefaultResamples} resamples). Master seed {info.Seed}.");
        if (s.Design.SecondOrder) md.Append(" Second-order indices are in second_order.csv.");
        md.Append("\n\n");

        md.Append(Ci, $"![S1 and ST of each input]({SensitivityCharts.IndicesFile})\n\n![Each input from the bottom to the top of its range]({SensitivityCharts.TornadoFile})\n\n![ST over time]({SensitivityCharts.OverTimeFile})\n\n");
        md.Append("The charts show the first quantity; the tornado is a straight-line summary from paired design rows, in the quantity's units.\n\n");
        foreach (var quantity in s.Indices.Select(i => i.Quantity).Distinct())
        {
            var i = s.Indices.Where(x => x.Quantity == quantity).OrderBy(x => x.Month).Last();
            md.Append(Ci, $"## {Capital(quantity.Name)} at {IndicesCsv.Month(s.Problem, i.Month)}\n\n");
            md.Append(Ci, $"Over the design: mean {Figure(i.Output.Mean)}, sd {Figure(i.Output.Sd)}, from {Figure(i.Output.Min)} to {Figure(i.Output.Max)}.\n\n");
            if (i.Result.Status != IndexStatus.Defined)
            {
                md.Append(Ci, $"No indices: {i.Result.Status.Describe()}.");
                md.Append(i.Result.Status == IndexStatus.ZeroVariance ? " The quantity is the same at every design row: nothing varied moves it.\n\n" : "\n\n");
                continue;
            }
            md.Append("| rank | input | S1 [95% interval] | ST [95% interval] |\n|---|---|---|---|\n");
            var names = s.FactorNames;
            var order = Enumerable.Range(0, names.Count).OrderByDescending(f => i.Result.Factors[f].Total!.Value.Value).ToArray();
            for (int k = 0; k < order.Length; k++)
            {
                var f = i.Result.Factors[order[k]];
                md.Append(Ci, $"| {k + 1} | {names[order[k]]} | {Index(f.FirstOrder!.Value)} | {Index(f.Total!.Value)} |\n");
            }
            var chance = i.Result.Factors[s.Design.ChanceFactor].Total!.Value;
            md.Append(Ci, $"\nChance (the replication seed: who moves, who enters, which draw of the network) accounts for ST = {Index(chance)} of the variance: ");
            md.Append(chance.Upper < 0.05 ? "the inputs, not chance, decide this quantity.\n" : chance.Lower > 0.5
                ? "more than the inputs; a single run says little, and more replications per design point, not a finer design, would sharpen the picture.\n"
                : "a real share beside the inputs'.\n");
            md.Append("An input whose ST interval reaches 0 cannot be told apart from no influence at this sample size; ST - S1 is the share the input has only through interactions.\n\n");
        }
        Footer(md);
        return md.ToString();
    }

    /// <summary>The report of a Morris screening.</summary>
    public static string Format(MorrisSensitivity m, SensitivityInfo info)
    {
        ArgumentNullException.ThrowIfNull(m);
        ArgumentNullException.ThrowIfNull(info);
        var md = new StringBuilder();
        Header(md, m.Problem, m.Effects.Select(e => e.Quantity).Distinct().ToArray());
        md.Append(Ci, $"## Method\n\nMorris elementary effects (Morris 1991; mu* of Campolongo et al. 2007): {m.Design.TrajectoryCount} trajectories on a {m.Design.Levels}-level grid over each input's range, each input moved by half of its range once per trajectory, {m.Results.Rows:N0} design rows. ");
        md.Append("Each trajectory runs with one replication seed (and the baseline with the same one), so an elementary effect is a paired difference, not two runs' noise; chance is therefore not a factor here (use the Sobol method for its share). ");
        md.Append(Ci, $"An elementary effect is the change in the quantity per whole unit scale of the input (its quantile from 0 to 1: a --factor's range, an uncertain input's distribution), measured over steps of half that scale; mu* is the mean of their absolute values, mu their mean (mu* well above |mu|: the effect changes sign), sigma their sd (large when the effect depends on the other inputs). A screen, not a decomposition of the variance. Master seed {info.Seed}.\n\n");
        md.Append(Ci, $"![mu* against sigma]({SensitivityCharts.MorrisFile})\n\n");
        foreach (var quantity in m.Effects.Select(e => e.Quantity).Distinct())
        {
            var e = m.Effects.Where(x => x.Quantity == quantity).OrderBy(x => x.Month).Last();
            md.Append(Ci, $"## {Capital(quantity.Name)} at {IndicesCsv.Month(m.Problem, e.Month)}\n\n");
            md.Append(Ci, $"Over the design: mean {Figure(e.Output.Mean)}, sd {Figure(e.Output.Sd)}.\n\n");
            if (e.Result.Status != IndexStatus.Defined)
            {
                md.Append(Ci, $"No effects: {e.Result.Status.Describe()}.\n\n");
                continue;
            }
            md.Append("| rank | input | mu* | mu | sigma |\n|---|---|---|---|---|\n");
            var names = m.FactorNames;
            var order = Enumerable.Range(0, names.Count).OrderByDescending(f => e.Result.Factors[f].MuStar ?? 0).ToArray();
            for (int k = 0; k < order.Length; k++)
            {
                var f = e.Result.Factors[order[k]];
                md.Append(Ci, $"| {k + 1} | {names[order[k]]} | {Figure(f.MuStar)} | {Figure(f.Mu)} | {Figure(f.Sigma)} |\n");
            }
            md.Append('\n');
        }
        Footer(md);
        return md.ToString();
    }

    private static void Header(StringBuilder md, SensitivityProblem p, IReadOnlyList<SensitivityQuantity> quantities)
    {
        md.Append(Ci, $"# Sensitivity: {p.Scenario.Name}{(p.Baseline is null ? "" : " against " + p.Baseline.Name)}\n\n");
        md.Append("## The question\n\n");
        md.Append(p.Baseline is null
            ? $"Which uncertain input drives {string.Join(", ", quantities.Select(q => q.Name))} in {p.Scenario.Name}?"
            : $"What does the effect of {p.Scenario.Name} (run against {p.Baseline.Name} with the same seed at every design point) hang on: {string.Join("; ", quantities.Select(q => q.Name))}?");
        md.Append(" Each input varies over the range below, the others with it (a global analysis, not one at a time).\n\n");
        md.Append("## Inputs and their ranges\n\n| input | from | range |\n|---|---|---|\n");
        foreach (var f in p.Factors)
        {
            string from = f.Kind switch
            {
                FactorKind.Distribution => "uncertainty: block",
                FactorKind.Dirichlet => "uncertainty: block (a set of shares, one grouped input)",
                _ => "--factor",
            };
            md.Append(Ci, $"| {f.Name} | {from} | {f.Description} |\n");
        }
        md.Append("\nEvery other quantity keeps the scenario's value");
        md.Append(p.Baseline is null ? "." : "; an input the baseline also has takes the same value in both, a lever of the policy alone varies the policy alone.");
        md.Append("\n\n");
    }

    private static void Footer(StringBuilder md)
    {
        // Nothing of how the analysis was run (threads, folder, time) goes here, so the report's bytes depend on the
        // analysis alone; manifest.json has the rest.
        md.Append(Ci, $"## Files\n\nindices.csv has every index (at the end of each year) with its interval and status; manifest.json records the command line, the inputs and their hashes. ");
        md.Append("The indices are conditional on the ranges above: a wider range for an input raises its share.\n");
    }

    private static string Index(IndexEstimate e) => string.Create(Ci, $"{e.Value:F3} [{e.Lower:F3}, {e.Upper:F3}]");

    private static string Figure(double? v) => v is not { } x ? "" : Math.Abs(x) >= 1e6 || (Math.Abs(x) < 1e-3 && x != 0)
        ? x.ToString("G4", Ci) : Math.Abs(x) >= 100 ? x.ToString("N0", Ci) : x.ToString("G4", Ci);

    private static string Capital(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];
}
