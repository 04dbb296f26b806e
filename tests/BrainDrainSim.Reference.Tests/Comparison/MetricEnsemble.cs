namespace BrainDrainSim.Reference.Tests.Comparison;

/// <summary>
/// Replications of some model as plain numbers: what the comparison needs from an engine, the reference
/// model or any future engine (Values[run][metric][month], NaN where a value is undefined). Keeping the
/// comparison on this shape lets the next engine be held to the reference without changing the tests.
/// </summary>
public sealed class MetricEnsemble
{
    public required string Source { get; init; }
    public required IReadOnlyList<string> Names { get; init; }

    /// <summary>True for a flow (a count or amount during the month), compared cumulated from the first month.</summary>
    public required IReadOnlyList<bool> IsFlow { get; init; }

    public required double[][][] Values { get; init; }

    public int Runs => Values.Length;

    public int IndexOf(string name)
    {
        for (int i = 0; i < Names.Count; i++)
            if (Names[i] == name) return i;
        return -1;
    }

    /// <summary>Per run, the metric at <paramref name="month"/> (a flow summed over months 0 .. month).</summary>
    public double[] At(int metric, int month) => Values.Select(run =>
    {
        if (!IsFlow[metric]) return run[metric][month];
        double sum = 0;
        for (int t = 0; t <= month; t++) sum += run[metric][t];
        return sum;
    }).ToArray();
}
