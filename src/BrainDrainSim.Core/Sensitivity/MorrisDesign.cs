namespace BrainDrainSim.Sensitivity;

/// <summary>
/// Morris's one-at-a-time trajectories (Morris 1991) on a p-level grid of the unit cube, optionally the r most
/// spread of a larger set of candidates (Campolongo, Cariboni and Saltelli 2007). A trajectory starts at a random
/// grid point and moves each factor once, in a random order and direction, by half the grid (p/2 levels); a
/// grouped factor moves all its columns at once, in one direction (Campolongo et al. 2007's groups), so its mu*
/// measures the group as a whole. The levels are the centres of p equal cells, (l + 1/2) / p: Morris's levels
/// include 0 and 1, which a normal inverse CDF maps to infinities. The step <see cref="Delta"/> is therefore 1/2
/// on the unit scale whatever p is, and an elementary effect is a change of output per unit of the coordinate.
/// Rows run trajectory by trajectory, F + 1 points each. Each candidate trajectory is a pure function of (seed,
/// candidate index); the selection of candidates is computed whole by every process that builds the design.
/// </summary>
public sealed class MorrisDesign
{
    /// <summary>The most candidates a selection may consider: the spread needs their M^2 pairwise distances.</summary>
    public const int MaxCandidates = 1000;

    private readonly SensitivityStream stream;
    private readonly int[] selected;

    /// <summary>A design of <paramref name="trajectories"/> trajectories for <paramref name="factors"/>.</summary>
    /// <param name="factors">The factors and their columns.</param>
    /// <param name="trajectories">r, at least 2 (sigma needs two effects per factor).</param>
    /// <param name="seed">The seed the trajectories are drawn from.</param>
    /// <param name="levels">p, the grid's levels per column: even, at least 2; 4 is Morris's and Campolongo's usual choice.</param>
    /// <param name="candidates">
    /// 0 to use the first r trajectories drawn; otherwise M &gt; r candidates, of which the r most spread are kept
    /// (Campolongo et al. 2007's criterion, the sum of squared distances between the chosen trajectories, maximised
    /// greedily: the exhaustive search over M choose r sets is out of reach). Campolongo et al. suggest M of 500 to 1000.
    /// </param>
    public MorrisDesign(FactorLayout factors, int trajectories, ulong seed, int levels = 4, int candidates = 0)
    {
        ArgumentNullException.ThrowIfNull(factors);
        ArgumentOutOfRangeException.ThrowIfLessThan(trajectories, 2);
        if (levels < 2 || levels % 2 != 0) throw new ArgumentOutOfRangeException(nameof(levels), levels, "The grid needs an even number of levels, at least 2.");
        if (candidates != 0 && (candidates <= trajectories || candidates > MaxCandidates))
        {
            throw new ArgumentOutOfRangeException(nameof(candidates), candidates,
                $"Candidates are 0 (no selection) or more than the {trajectories} trajectories kept and at most {MaxCandidates}.");
        }
        Factors = factors;
        TrajectoryCount = trajectories;
        Seed = seed;
        Levels = levels;
        Candidates = candidates;
        stream = new SensitivityStream(seed);
        selected = candidates == 0 ? Enumerable.Range(0, trajectories).ToArray() : Select(candidates, trajectories);
    }

    /// <summary>The factors and their columns.</summary>
    public FactorLayout Factors { get; }

    /// <summary>r, the trajectories kept.</summary>
    public int TrajectoryCount { get; }

    /// <summary>The seed the trajectories are drawn from.</summary>
    public ulong Seed { get; }

    /// <summary>p, the grid's levels per column.</summary>
    public int Levels { get; }

    /// <summary>M, the candidates the trajectories were chosen from; 0 without a selection.</summary>
    public int Candidates { get; }

    /// <summary>The step of every move on the unit scale: half the grid, 1/2.</summary>
    public static double Delta => 0.5;

    /// <summary>The candidate each kept trajectory is, in increasing order (0 .. r - 1 without a selection).</summary>
    public IReadOnlyList<int> SelectedCandidates => selected;

    /// <summary>Points per trajectory: the start and one per factor.</summary>
    public int RowsPerTrajectory => Factors.FactorCount + 1;

    /// <summary>The design's rows, r (F + 1), each one model run.</summary>
    public int RowCount => checked(TrajectoryCount * RowsPerTrajectory);

    /// <summary>Row <paramref name="index"/> of the design, computed on its own.</summary>
    public MorrisRow Row(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, RowCount);
        int t = index / RowsPerTrajectory, step = index % RowsPerTrajectory;
        var trajectory = Draw(selected[t]);
        int factor = step == 0 ? -1 : trajectory.Order[step - 1];
        int direction = factor < 0 ? 0 : trajectory.Directions[factor];
        return new MorrisRow(index, t, step, factor, direction, Point(trajectory, step));
    }

    /// <summary>Which factor moves at each step, the directions and the start: all a candidate is.</summary>
    private sealed record Trajectory(int[] Start, int[] Directions, int[] Order);

    private Trajectory Draw(int candidate)
    {
        int half = Levels / 2;
        int columns = Factors.ColumnCount, f = Factors.FactorCount;
        // Counter (candidate, slot, use, what): what 0 is a column's start level, 1 a factor's direction, 2 a shuffle draw.
        var directions = new int[f];
        for (int g = 0; g < f; g++)
        {
            stream.Words((uint)candidate, (uint)g, SensitivityStream.TrajectoryUse, 1, out uint w, out _, out _, out _);
            directions[g] = (w & 1) == 0 ? 1 : -1;
        }
        var start = new int[columns];
        for (int c = 0; c < columns; c++)
        {
            stream.Words((uint)candidate, (uint)c, SensitivityStream.TrajectoryUse, 0, out uint w, out _, out _, out _);
            // A low level l in 0 .. p/2 - 1; a column that moves down starts p/2 higher, so it ends on l.
            start[c] = SensitivityStream.Below(w, half) + (directions[Factors.FactorOf(c)] < 0 ? half : 0);
        }
        var order = Enumerable.Range(0, f).ToArray();
        for (int i = f - 1; i > 0; i--)
        {
            stream.Words((uint)candidate, (uint)i, SensitivityStream.TrajectoryUse, 2, out uint w, out _, out _, out _);
            int k = SensitivityStream.Below(w, i + 1);
            (order[i], order[k]) = (order[k], order[i]);
        }
        return new Trajectory(start, directions, order);
    }

    private double[] Point(Trajectory trajectory, int step)
    {
        int half = Levels / 2;
        var levels = (int[])trajectory.Start.Clone();
        for (int s = 0; s < step; s++)
        {
            int g = trajectory.Order[s];
            int first = Factors.FirstColumn(g), end = first + Factors.Width(g);
            for (int c = first; c < end; c++) levels[c] += trajectory.Directions[g] * half;
        }
        var x = new double[levels.Length];
        for (int c = 0; c < x.Length; c++) x[c] = (levels[c] + 0.5) / Levels;
        return x;
    }

    // Campolongo et al. (2007): the distance of two trajectories is the sum of the Euclidean distances between
    // every point of one and every point of the other; the spread of a set, the sum of its pairs' squared distances.
    // Greedy: the farthest pair first, then the candidate that adds the most spread, lowest index on ties.
    private int[] Select(int candidates, int keep)
    {
        int points = RowsPerTrajectory;
        var all = new double[candidates][][];
        for (int m = 0; m < candidates; m++)
        {
            var t = Draw(m);
            all[m] = new double[points][];
            for (int s = 0; s < points; s++) all[m][s] = Point(t, s);
        }
        var squared = new double[candidates, candidates];
        int bestM = 0, bestL = 1;
        for (int m = 0; m < candidates; m++)
        {
            for (int l = m + 1; l < candidates; l++)
            {
                double d = Distance(all[m], all[l]);
                squared[m, l] = squared[l, m] = d * d;
                if (squared[m, l] > squared[bestM, bestL]) (bestM, bestL) = (m, l);
            }
        }
        var chosen = new List<int> { bestM, bestL };
        var gain = new double[candidates];
        var taken = new bool[candidates];
        taken[bestM] = taken[bestL] = true;
        for (int c = 0; c < candidates; c++) gain[c] = squared[c, bestM] + squared[c, bestL];
        while (chosen.Count < keep)
        {
            int best = -1;
            for (int c = 0; c < candidates; c++)
            {
                if (!taken[c] && (best < 0 || gain[c] > gain[best])) best = c;
            }
            chosen.Add(best);
            taken[best] = true;
            for (int c = 0; c < candidates; c++) gain[c] += squared[c, best];
        }
        chosen.Sort();
        return chosen.ToArray();
    }

    private static double Distance(double[][] one, double[][] other)
    {
        double sum = 0;
        foreach (var p in one)
        {
            foreach (var q in other)
            {
                double s = 0;
                for (int c = 0; c < p.Length; c++) s += (p[c] - q[c]) * (p[c] - q[c]);
                sum += Math.Sqrt(s);
            }
        }
        return sum;
    }
}
