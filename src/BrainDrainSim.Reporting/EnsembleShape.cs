using BrainDrainSim.MonteCarlo;

namespace BrainDrainSim.Reporting;

/// <summary>Checks an ensemble has the shape the writers assume, so a malformed one fails loudly rather than writing misaligned columns.</summary>
internal static class EnsembleShape
{
    public static void Check(EnsembleResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        int metrics = result.Metrics.Count, months = result.Months.Count;
        for (int i = 1; i < result.Months.Count; i++)
            if (result.Months[i].Ordinal != result.Months[i - 1].Ordinal + 1)
                throw new ArgumentException($"month labels are not consecutive: {result.Months[i - 1]} is followed by {result.Months[i]}", nameof(result));
        for (int r = 0; r < result.Runs.Count; r++)
        {
            var run = result.Runs[r];
            // Shards may hold a slice of replications, so indices need only increase; what matters is that
            // reductions see them in replication order.
            if (r > 0 && run.Replication <= result.Runs[r - 1].Replication)
                throw new ArgumentException($"runs are not in replication order: {result.Runs[r - 1].Replication} is followed by {run.Replication}", nameof(result));
            if (run.Series.Length != metrics)
                throw new ArgumentException($"replication {run.Replication} has {run.Series.Length} series for {metrics} metrics", nameof(result));
            for (int m = 0; m < metrics; m++)
                if (run.Series[m].Length != months)
                    throw new ArgumentException($"replication {run.Replication}, metric {result.Metrics[m].Name}: {run.Series[m].Length} values for {months} months", nameof(result));
        }
    }
}
