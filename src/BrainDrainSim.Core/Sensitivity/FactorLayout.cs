namespace BrainDrainSim.Sensitivity;

/// <summary>
/// The factors of a design and the unit-cube columns each one owns, in order: factor 0 owns the first columns.
/// Most factors own one column; a grouped factor owns several that always move together (a Dirichlet share map
/// is one factor with a column per share), because Sobol indices assume independent inputs and the members of
/// a joint block are not. Widths are at least 1; a factor with no column (chance) is the design's business.
/// </summary>
public sealed class FactorLayout
{
    private readonly int[] widths;
    private readonly int[] firstColumns;

    /// <summary>A layout of factors with the given column counts, in order.</summary>
    public FactorLayout(IEnumerable<int> widths)
    {
        ArgumentNullException.ThrowIfNull(widths);
        this.widths = widths.ToArray();
        if (this.widths.Length == 0) throw new ArgumentException("A design needs at least one factor.", nameof(widths));
        firstColumns = new int[this.widths.Length];
        int column = 0;
        for (int f = 0; f < this.widths.Length; f++)
        {
            if (this.widths[f] < 1) throw new ArgumentException($"Factor {f} has {this.widths[f]} columns; every factor needs at least one.", nameof(widths));
            firstColumns[f] = column;
            column = checked(column + this.widths[f]);
        }
        ColumnCount = column;
    }

    /// <summary><paramref name="count"/> factors of one column each.</summary>
    public static FactorLayout Singles(int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        return new FactorLayout(Enumerable.Repeat(1, count));
    }

    /// <summary>How many factors.</summary>
    public int FactorCount => widths.Length;

    /// <summary>How many unit-cube columns all factors own together.</summary>
    public int ColumnCount { get; }

    /// <summary>The first column factor <paramref name="factor"/> owns.</summary>
    public int FirstColumn(int factor) => firstColumns[factor];

    /// <summary>How many columns factor <paramref name="factor"/> owns.</summary>
    public int Width(int factor) => widths[factor];

    /// <summary>The factor that owns column <paramref name="column"/>.</summary>
    public int FactorOf(int column)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(column);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(column, ColumnCount);
        int f = Array.BinarySearch(firstColumns, column);
        return f >= 0 ? f : ~f - 1;
    }
}
