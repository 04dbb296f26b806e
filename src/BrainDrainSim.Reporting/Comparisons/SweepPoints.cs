using BrainDrainSim.MonteCarlo;

namespace BrainDrainSim.Reporting.Comparisons;

/// <summary>
/// A sweep laid out value by value: a sweep is a <see cref="Comparison"/> whose baseline is the first value's
/// ensemble and whose "policies" are the other values' ensembles, in order. Here the first value gets its
/// differences too (itself against itself, computed by the same code, so exactly zero wherever defined and
/// with the same statuses), so that every writer treats all values alike.
/// </summary>
internal sealed class SweepPoints
{
    private SweepPoints(IReadOnlyList<double> values, IReadOnlyList<EnsembleResult> ensembles,
        IReadOnlyList<IReadOnlyList<IReadOnlyList<PairedStatistics>>> differences)
    {
        Values = values;
        Ensembles = ensembles;
        Differences = differences;
    }

    public IReadOnlyList<double> Values { get; }

    /// <summary>Ensembles[k] was run at Values[k].</summary>
    public IReadOnlyList<EnsembleResult> Ensembles { get; }

    /// <summary>Differences[k][m][t]: value k against the first value, metric m of the comparison, month t.</summary>
    public IReadOnlyList<IReadOnlyList<IReadOnlyList<PairedStatistics>>> Differences { get; }

    public static SweepPoints From(Comparison c, IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count != c.Policies.Count + 1)
            throw new ArgumentException($"{values.Count} swept values for {c.Policies.Count + 1} ensembles (the first value's and one per other value)", nameof(values));
        foreach (var v in values)
            if (!double.IsFinite(v)) throw new ArgumentException($"a swept value must be a finite number (got {v})", nameof(values));

        var self = Comparison.Build(c.Baseline, [c.Baseline]);
        var first = c.Metrics.Select(m => self.Policies[0].Differences[self.MetricIndex(m.Name)]).ToArray();
        return new SweepPoints(
            values,
            [c.Baseline, .. c.Policies.Select(p => p.Policy)],
            [first, .. c.Policies.Select(p => p.Differences)]);
    }
}
