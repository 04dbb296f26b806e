namespace BrainDrainSim.Sensitivity;

/// <summary>One point of a Morris trajectory: where it is, and which factor's step led to it.</summary>
public sealed class MorrisRow
{
    internal MorrisRow(int index, int trajectory, int step, int factor, int direction, double[] coordinates)
    {
        Index = index;
        Trajectory = trajectory;
        Step = step;
        Factor = factor;
        Direction = direction;
        Coordinates = coordinates;
    }

    /// <summary>The row's index in the design: outputs are passed back in this order.</summary>
    public int Index { get; }

    /// <summary>
    /// The trajectory the row belongs to (0 .. r - 1). A stochastic model should run all rows of a trajectory with
    /// one seed (derived from this index): each elementary effect then compares two runs under common random
    /// numbers, and a factor the model does not read gets effects of exactly 0.
    /// </summary>
    public int Trajectory { get; }

    /// <summary>The point's place on its trajectory: 0 is the start, step s follows the s-th factor's move.</summary>
    public int Step { get; }

    /// <summary>The factor whose move led to this point; -1 at a trajectory's start.</summary>
    public int Factor { get; }

    /// <summary>The move's direction: +1 up the grid, -1 down it, 0 at a trajectory's start.</summary>
    public int Direction { get; }

    /// <summary>The point in the unit cube, one coordinate per column of the factor layout, each strictly inside (0, 1).</summary>
    public IReadOnlyList<double> Coordinates { get; }
}
