namespace BrainDrainSim.Reporting.Comparisons;

/// <summary>
/// cost_effectiveness.csv: one row per (policy, measure): the paired extra cost and effect, each with its 95%
/// interval, and their ratio of means with Fieller's interval. When the ratio is not estimable its cells are
/// empty and the status says why, so a reader never divides by an effect indistinguishable from zero.
/// </summary>
public static class CostEffectivenessCsv
{
    public const string Header =
        "policy,measure,unit,extra_cost_mean_krw,extra_cost_ci_low,extra_cost_ci_high,effect_mean,effect_ci_low,effect_ci_high,ratio,ratio_ci_low,ratio_ci_high,method,status";

    public const string Method = "ratio of means, Fieller 95%";

    public static string Format(Comparison comparison)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        var csv = new Csv().Row(Header.Split(','));
        foreach (var policy in comparison.Policies)
            foreach (var ce in policy.CostEffectiveness)
            {
                var ratio = ce.Ratio;
                // RatioEstimate leaves the figures NaN when not estimable; checking the status as well keeps
                // the cells empty even if a future estimator fills in a point estimate regardless.
                string Ratio(double v) => ratio.IsEstimable ? Csv.Number(v) : "";
                csv.Row(
                [
                    policy.Name, ce.Measure, ce.Unit,
                    Csv.Number(ce.Cost.Mean), Csv.Number(ce.Cost.CiLow), Csv.Number(ce.Cost.CiHigh),
                    Csv.Number(ce.Effect.Mean), Csv.Number(ce.Effect.CiLow), Csv.Number(ce.Effect.CiHigh),
                    Ratio(ratio.Estimate), Ratio(ratio.CiLow), Ratio(ratio.CiHigh),
                    Method, ratio.Status,
                ]);
            }
        return csv.ToString();
    }

    public static void Write(Comparison comparison, string path) => OutputFiles.WriteText(path, Format(comparison));
}
