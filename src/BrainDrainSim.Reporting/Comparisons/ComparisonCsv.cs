namespace BrainDrainSim.Reporting.Comparisons;

/// <summary>
/// comparison.csv: each policy's paired difference from the baseline, one row per (policy, metric, month), in
/// long ("tidy") form like summary.csv, so that a dataframe can filter by policy or metric without knowing
/// either list. diff_* is policy minus baseline run by run; n counts the replications defining both values.
/// </summary>
public static class ComparisonCsv
{
    public const string Header =
        "policy,metric,month,unit,n,baseline_mean,policy_mean,diff_mean,diff_ci_low,diff_ci_high,diff_sd,diff_p05,diff_p50,diff_p95,prob_policy_higher,status";

    public static string Format(Comparison comparison)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        var csv = new Csv().Row(Header.Split(','));
        var months = comparison.Baseline.Months;
        foreach (var policy in comparison.Policies)
            for (int m = 0; m < comparison.Metrics.Count; m++)
            {
                var metric = comparison.Metrics[m];
                for (int t = 0; t < months.Count; t++)
                {
                    var d = policy.Differences[m][t];
                    csv.Row(
                    [
                        policy.Name, metric.Name, months[t].ToString(), metric.Unit, Csv.Integer(d.N),
                        Csv.Number(d.BaselineMean), Csv.Number(d.PolicyMean),
                        Csv.Number(d.Mean), Csv.Number(d.CiLow), Csv.Number(d.CiHigh), Csv.Number(d.Sd),
                        Csv.Number(d.P05), Csv.Number(d.P50), Csv.Number(d.P95),
                        Csv.Number(d.ProbPolicyHigher), d.Status,
                    ]);
                }
            }
        return csv.ToString();
    }

    public static void Write(Comparison comparison, string path) => OutputFiles.WriteText(path, Format(comparison));
}
