namespace BrainDrainSim.Sensitivity;

/// <summary>
/// A global sensitivity analysis of a scenario (or of its paired effect against a baseline) on the engine: the
/// design's rows run through <see cref="DesignRunner"/>, then each quantity's indices at the months asked for.
/// Sobol indices come from a Saltelli design with chance (the replication seed) as a factor of its own, so that
/// chance's share of the variance is reported beside the inputs' and a factor the model does not read gets an ST
/// of exactly 0; Morris elementary effects come from trajectories that each run with one seed, so that an effect
/// is a paired difference (common random numbers), not two runs' noise.
/// </summary>
public static class SensitivityAnalysis
{
    /// <summary>
    /// The Saltelli design of <paramref name="problem"/> on <paramref name="baseCount"/> base points (N; a power of two
    /// keeps it balanced), scrambled under <paramref name="seed"/>, with chance as its last factor: N x (factors + 1 +
    /// 2) rows (twice the factors more for second order), each one run of the scenario and one of the baseline.
    /// </summary>
    public static SaltelliDesign SobolDesign(SensitivityProblem problem, int baseCount, bool secondOrder, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(problem);
        return new SaltelliDesign(problem.Layout, baseCount, seed, secondOrder, chance: true);
    }

    /// <summary>
    /// Sobol indices on a design from <see cref="SobolDesign"/>. The bootstrap and each row's replication seed are
    /// seeded from the design's seed.
    /// </summary>
    public static SobolSensitivity Sobol(SensitivityProblem problem, SaltelliDesign design, int threads,
        IReadOnlyList<SensitivityQuantity> quantities, IReadOnlyList<int> months, IProgress<int>? progress = null, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(design);
        ArgumentNullException.ThrowIfNull(quantities);
        ArgumentNullException.ThrowIfNull(months);
        if (!design.HasChance || design.Factors.ColumnCount != problem.Layout.ColumnCount)
            throw new ArgumentException("a design of this problem with chance as a factor (SobolDesign)", nameof(design));
        ulong seed = design.Seed;
        var points = new DesignPoint[checked((int)design.RowCount)];
        for (int r = 0; r < points.Length; r++)
        {
            var row = design.Row(r);
            points[r] = new DesignPoint(row.Coordinates, checked((int)row.SeedIndex));
        }
        var results = DesignRunner.Run(problem, points, seed, threads, Metrics(quantities), progress, cancel);
        var indices = new List<SobolIndices>();
        for (int q = 0; q < quantities.Count; q++)
            foreach (int month in months)
            {
                var y = results.Values(quantities[q], month);
                indices.Add(new SobolIndices(quantities[q], month, SobolAnalysis.Analyze(design, y, BootstrapSeed(seed, q, month)), Moments(y)));
            }
        return new SobolSensitivity(problem, design, results, indices);
    }

    /// <summary>
    /// Morris elementary effects on <paramref name="design"/>'s trajectories over the problem's layout (r x (factors +
    /// 1) runs of the scenario and of the baseline), each trajectory with one replication seed from the design's seed.
    /// </summary>
    public static MorrisSensitivity Morris(SensitivityProblem problem, MorrisDesign design, int threads,
        IReadOnlyList<SensitivityQuantity> quantities, IReadOnlyList<int> months, IProgress<int>? progress = null, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(design);
        ArgumentNullException.ThrowIfNull(quantities);
        ArgumentNullException.ThrowIfNull(months);
        if (design.Factors.ColumnCount != problem.Layout.ColumnCount)
            throw new ArgumentException("a design over this problem's layout", nameof(design));
        ulong seed = design.Seed;
        var points = new DesignPoint[design.RowCount];
        for (int r = 0; r < points.Length; r++)
        {
            var row = design.Row(r);
            points[r] = new DesignPoint(row.Coordinates, row.Trajectory);
        }
        var results = DesignRunner.Run(problem, points, seed, threads, Metrics(quantities), progress, cancel);
        var effects = new List<MorrisEffects>();
        foreach (var quantity in quantities)
            foreach (int month in months)
            {
                var y = results.Values(quantity, month);
                effects.Add(new MorrisEffects(quantity, month, MorrisAnalysis.Analyze(design, y), Moments(y)));
            }
        return new MorrisSensitivity(problem, design, results, effects);
    }

    private static string[] Metrics(IReadOnlyList<SensitivityQuantity> quantities) =>
        quantities.Select(q => q.Metric).Distinct(StringComparer.Ordinal).ToArray();

    // One bootstrap stream per quantity and month, so adding a quantity leaves the others' intervals as they were.
    private static ulong BootstrapSeed(ulong seed, int quantity, int month) =>
        seed ^ (0x9E3779B97F4A7C15UL * (ulong)(1 + quantity)) ^ ((ulong)month << 40);

    // Shifted by the first value, so that a quantity equal at every row has a mean equal to it and an sd of exactly
    // 0 (the plain mean of 2,048 equal costs of 2.3e12 KRW is off in its last bits, and gave an sd of 0.002 KRW).
    private static OutputMoments Moments(double[] y)
    {
        double y0 = y[0];
        double shift = y.Average(v => v - y0);
        double variance = y.Length > 1 ? y.Sum(v => (v - y0 - shift) * (v - y0 - shift)) / (y.Length - 1) : 0;
        return new OutputMoments(y0 + shift, Math.Sqrt(variance), y.Min(), y.Max());
    }
}
