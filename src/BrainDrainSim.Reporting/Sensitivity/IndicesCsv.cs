using BrainDrainSim.Model;
using BrainDrainSim.Sensitivity;

namespace BrainDrainSim.Reporting.Sensitivity;

/// <summary>
/// indices.csv: one row per factor, quantity and month analysed. Sobol: first-order (S1) and total (ST) indices
/// with their bootstrap 95% intervals; Morris: mu, mu* and sigma on the unit scale. A quantity without indices (zero
/// variance over the design, or a non-finite output) has empty index cells and its reason in <c>status</c>, never NaN.
/// The quantity's mean and sd over the design's rows stand beside, so an index can be read as a share of a spread of
/// known size. second_order.csv, when asked for, has the pairs.
/// </summary>
public static class IndicesCsv
{
    public const string File = "indices.csv";
    public const string SecondOrderFile = "second_order.csv";

    /// <summary>The Sobol indices as CSV text.</summary>
    public static string Format(SobolSensitivity s)
    {
        ArgumentNullException.ThrowIfNull(s);
        var csv = new Csv().Row(["factor", "quantity", "month", "s1", "s1_low", "s1_high", "st", "st_low", "st_high", "status",
            "quantity_mean", "quantity_sd", "design_rows"]);
        var names = s.FactorNames;
        foreach (var f in Enumerable.Range(0, names.Count))
            foreach (var i in s.Indices)
            {
                var factor = i.Result.Factors.Count > f ? i.Result.Factors[f] : null;
                csv.Row([names[f], i.Quantity.Name, Month(s.Problem, i.Month), .. Estimate(factor?.FirstOrder), .. Estimate(factor?.Total),
                    i.Result.Status.Describe(), Csv.Number(i.Output.Mean), Csv.Number(i.Output.Sd), Csv.Integer(s.Results.Rows)]);
            }
        return csv.ToString();
    }

    /// <summary>The second-order indices as CSV text (a design with BA rows).</summary>
    public static string FormatSecondOrder(SobolSensitivity s)
    {
        ArgumentNullException.ThrowIfNull(s);
        var csv = new Csv().Row(["factor", "other_factor", "quantity", "month", "s2", "s2_low", "s2_high", "status"]);
        var names = s.FactorNames;
        foreach (var i in s.Indices)
        {
            if (i.Result.Status != IndexStatus.Defined)
            {
                csv.Row(["", "", i.Quantity.Name, Month(s.Problem, i.Month), "", "", "", i.Result.Status.Describe()]);
                continue;
            }
            foreach (var pair in i.Result.SecondOrder)
                csv.Row([names[pair.First], names[pair.Second], i.Quantity.Name, Month(s.Problem, i.Month), .. Estimate(pair.Value), i.Result.Status.Describe()]);
        }
        return csv.ToString();
    }

    /// <summary>The Morris effects as CSV text.</summary>
    public static string Format(MorrisSensitivity m)
    {
        ArgumentNullException.ThrowIfNull(m);
        var csv = new Csv().Row(["factor", "quantity", "month", "mu", "mu_star", "sigma", "status", "quantity_mean", "quantity_sd", "design_rows"]);
        var names = m.FactorNames;
        foreach (var f in Enumerable.Range(0, names.Count))
            foreach (var e in m.Effects)
            {
                var effect = e.Result.Factors.Count > f ? e.Result.Factors[f] : null;
                csv.Row([names[f], e.Quantity.Name, Month(m.Problem, e.Month), Number(effect?.Mu), Number(effect?.MuStar), Number(effect?.Sigma),
                    e.Result.Status.Describe(), Csv.Number(e.Output.Mean), Csv.Number(e.Output.Sd), Csv.Integer(m.Results.Rows)]);
            }
        return csv.ToString();
    }

    internal static string Month(SensitivityProblem p, int month) => p.Scenario.Start.AddMonths(month).ToString();

    private static string[] Estimate(IndexEstimate? e) =>
        e is { } x ? [Csv.Number(x.Value), Csv.Number(x.Lower), Csv.Number(x.Upper)] : ["", "", ""];

    private static string Number(double? v) => v is { } x ? Csv.Number(x) : "";
}
