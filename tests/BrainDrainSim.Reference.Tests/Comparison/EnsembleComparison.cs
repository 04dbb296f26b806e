namespace BrainDrainSim.Reference.Tests.Comparison;

/// <summary>
/// Compares two ensembles metric by metric at fixed months with a Welch z: the difference of the means over
/// the standard error sqrt(s1^2 / n1 + s2^2 / n2), both sample variances. Flows are compared cumulated from
/// the first month; stocks and ratios as they are. A ratio left undefined in some runs (NaN) is compared over
/// the runs that define it, when each side has at least <see cref="MinimumDefinedRuns"/> of them, and the share
/// of runs that define it is compared too.
/// </summary>
public static class EnsembleComparison
{
    /// <summary>
    /// Relative size of a difference that is floating-point order of operations, not model: the standard error
    /// is never taken below this fraction of the larger mean, so that two deterministic series (entrants, GPU
    /// costs, compute per head without imports) that agree to 1e-9 count as agreeing, and any larger
    /// difference in a deterministic value gives a huge z.
    /// </summary>
    public const double RoundingFloor = 1e-9;

    /// <summary>
    /// Runs that must define a ratio on each side for its values to be compared. A stay rate of a cohort of one
    /// or two is 0, 1/2 or 1: on a handful of runs a Welch z has no normal approximation, and two sides that are
    /// each constant but different (three runs at 1 against two at 0) give an infinite z. Below this, only how
    /// often the ratio is defined is compared (the US PhD stay rate of a scaled library scenario is defined in
    /// about 5 of 100 runs at its last month).
    /// </summary>
    public const int MinimumDefinedRuns = 10;

    public static List<ComparisonRow> Compare(string scenario, MetricEnsemble engine, MetricEnsemble reference, IReadOnlyList<int> months)
    {
        var rows = new List<ComparisonRow>();
        for (int m = 0; m < engine.Names.Count; m++)
        {
            string name = engine.Names[m];
            int r = reference.IndexOf(name);
            if (r < 0) throw new InvalidOperationException($"{scenario}: the reference model does not record the engine's metric {name}");
            if (engine.IsFlow[m] != reference.IsFlow[r])
                throw new InvalidOperationException($"{scenario}: {name} is a flow in one model and not in the other");
            foreach (int month in months)
            {
                var e = engine.At(m, month);
                var f = reference.At(r, month);
                var eDefined = e.Where(double.IsFinite).ToArray();
                var fDefined = f.Where(double.IsFinite).ToArray();
                if (eDefined.Length < e.Length || fDefined.Length < f.Length)
                {
                    // How often the value is defined is itself a result of the model (the stay rate's cohort, an empty sector).
                    rows.Add(Row(scenario, name + " (share of runs defined)", month,
                        e.Select(v => double.IsFinite(v) ? 1.0 : 0.0).ToArray(), f.Select(v => double.IsFinite(v) ? 1.0 : 0.0).ToArray()));
                }
                if (eDefined.Length >= MinimumDefinedRuns && fDefined.Length >= MinimumDefinedRuns)
                    rows.Add(Row(scenario, name, month, eDefined, fDefined));
            }
        }
        foreach (var name in reference.Names.Where(n => engine.IndexOf(n) < 0))
            throw new InvalidOperationException($"{scenario}: the engine does not record the reference model's metric {name}");
        return rows;
    }

    private static ComparisonRow Row(string scenario, string metric, int month, double[] a, double[] b)
    {
        double ma = a.Average(), mb = b.Average();
        double se = Math.Sqrt(Variance(a, ma) / a.Length + Variance(b, mb) / b.Length);
        se = Math.Max(se, RoundingFloor * Math.Max(Math.Abs(ma), Math.Abs(mb)));
        double z = ma == mb ? 0 : se > 0 ? (ma - mb) / se : double.PositiveInfinity;
        return new ComparisonRow(scenario, metric, month, a.Length, ma, b.Length, mb, z);
    }

    private static double Variance(double[] x, double mean) => x.Sum(v => (v - mean) * (v - mean)) / (x.Length - 1);
}
