namespace BrainDrainSim.Reference.Tests.Comparison;

/// <summary>
/// One metric's value at the last month of a scenario over the replications of an ensemble: how many of those
/// values are defined (not NaN), their mean and their sample standard deviation (divisor n - 1). A flow is taken
/// as it is in its last month, not cumulated. Values whose defined finals are all the same number (a deterministic
/// metric: entrants, a fixed cost) have exactly that mean and an sd of exactly 0, whatever rounding a sum of a
/// thousand copies would bring, so that "sd 0" means "the same in every replication".
/// </summary>
internal sealed record FinalStatistics(string Scenario, string Metric, int N, double Mean, double Sd)
{
    /// <summary>Every metric of <paramref name="ensemble"/>, in its order.</summary>
    public static IEnumerable<FinalStatistics> Of(string scenario, MetricEnsemble ensemble)
    {
        for (int m = 0; m < ensemble.Names.Count; m++)
        {
            int metric = m;
            var finals = ensemble.Values.Select(run => run[metric][^1]).Where(v => !double.IsNaN(v)).ToArray();
            yield return Of(scenario, ensemble.Names[m], finals);
        }
    }

    /// <summary>The statistics of <paramref name="values"/> (no NaN among them), summed in their order.</summary>
    public static FinalStatistics Of(string scenario, string metric, double[] values)
    {
        int n = values.Length;
        if (n == 0) return new(scenario, metric, 0, double.NaN, double.NaN);
        if (values.All(v => v.Equals(values[0]))) return new(scenario, metric, n, values[0], n > 1 ? 0 : double.NaN);
        double sum = 0;
        foreach (double v in values) sum += v;
        double mean = sum / n;
        double squares = 0;
        foreach (double v in values) squares += (v - mean) * (v - mean);
        return new(scenario, metric, n, mean, n > 1 ? Math.Sqrt(squares / (n - 1)) : double.NaN);
    }
}
