namespace BrainDrainSim.Sensitivity;

/// <summary>
/// The Saltelli design (Saltelli 2002; Saltelli et al. 2010) for first-order and total Sobol indices, and
/// second-order ones on request. Base point j is point j of one scrambled Sobol sequence in twice as many
/// dimensions as the layout has columns: its first half is row j of A, its second half row j of B. AB_i is A with
/// factor i's columns from B; BA_i is B with factor i's columns from A. A grouped factor's columns move together.
/// Rows are laid out base point by base point, as SALib does: A_j, AB_1j .. AB_Fj, [BA_1j .. BA_Fj,] B_j. Each row
/// is a pure function of (layout, base count, seed, options, row index): a cluster can compute any range of rows.
/// With <c>chance</c>, a last factor without columns stands for the replication seed: its AB row is A's point run
/// with B's seed (and its BA row B's point with A's), so chance's share of the variance is estimated like any
/// factor's. A base count that is a power of two keeps A and B balanced nets; other counts are allowed.
/// </summary>
public sealed class SaltelliDesign
{
    private readonly ScrambledSobolSequence sequence;

    /// <summary>A design for <paramref name="factors"/> on <paramref name="baseCount"/> base points, scrambled under <paramref name="seed"/>.</summary>
    /// <param name="factors">The factors and their columns.</param>
    /// <param name="baseCount">N, the rows of A (and of B); at least 2. A power of two keeps the nets balanced.</param>
    /// <param name="seed">The scramble's seed.</param>
    /// <param name="secondOrder">Whether to add the BA_i rows second-order indices need.</param>
    /// <param name="chance">Whether to add the chance factor (the replication seed) as the last factor.</param>
    public SaltelliDesign(FactorLayout factors, int baseCount, ulong seed, bool secondOrder = false, bool chance = false)
    {
        ArgumentNullException.ThrowIfNull(factors);
        ArgumentOutOfRangeException.ThrowIfLessThan(baseCount, 2);
        if (2 * factors.ColumnCount > SobolSequence.MaxDimensions)
        {
            throw new ArgumentException(
                $"A Saltelli design of {factors.ColumnCount} columns needs {2 * factors.ColumnCount} Sobol dimensions; "
                + $"the sequence has {SobolSequence.MaxDimensions}, so at most {SobolSequence.MaxDimensions / 2} columns.", nameof(factors));
        }
        Factors = factors;
        BaseCount = baseCount;
        Seed = seed;
        SecondOrder = secondOrder;
        HasChance = chance;
        sequence = new ScrambledSobolSequence(seed);
    }

    /// <summary>The input factors and their columns (the chance factor, if any, is not among them).</summary>
    public FactorLayout Factors { get; }

    /// <summary>N, the rows of A and of B.</summary>
    public int BaseCount { get; }

    /// <summary>The scramble's seed.</summary>
    public ulong Seed { get; }

    /// <summary>Whether the design has the BA_i rows of second-order indices.</summary>
    public bool SecondOrder { get; }

    /// <summary>Whether the last factor is chance (the replication seed).</summary>
    public bool HasChance { get; }

    /// <summary>The factors indices are estimated for: the layout's, then chance if the design has it.</summary>
    public int FactorCount => Factors.FactorCount + (HasChance ? 1 : 0);

    /// <summary>The chance factor's index (<see cref="FactorCount"/> - 1), or -1 without one.</summary>
    public int ChanceFactor => HasChance ? Factors.FactorCount : -1;

    /// <summary>Rows per base point: A, B, one AB_i per factor, and one BA_i per factor for second order.</summary>
    public int RowsPerBase => 2 + FactorCount * (SecondOrder ? 2 : 1);

    /// <summary>The design's rows: N times <see cref="RowsPerBase"/>, each one model run.</summary>
    public long RowCount => (long)BaseCount * RowsPerBase;

    /// <summary>The index of base point <paramref name="baseIndex"/>'s row of the given kind (factor ignored for A and B).</summary>
    public long RowIndex(int baseIndex, SaltelliRowKind kind, int factor = -1)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(baseIndex);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(baseIndex, BaseCount);
        long first = (long)baseIndex * RowsPerBase;
        switch (kind)
        {
            case SaltelliRowKind.A: return first;
            case SaltelliRowKind.B: return first + RowsPerBase - 1;
            case SaltelliRowKind.AB:
                CheckFactor(factor);
                return first + 1 + factor;
            case SaltelliRowKind.BA:
                if (!SecondOrder) throw new InvalidOperationException("The design has no BA rows: it was made without second order.");
                CheckFactor(factor);
                return first + 1 + FactorCount + factor;
            default: throw new ArgumentOutOfRangeException(nameof(kind), kind, "a kind of Saltelli row");
        }
    }

    /// <summary>Row <paramref name="index"/> of the design, computed on its own.</summary>
    public SaltelliRow Row(long index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, RowCount);
        int baseIndex = (int)(index / RowsPerBase);
        int offset = (int)(index % RowsPerBase);
        SaltelliRowKind kind;
        int factor = -1;
        if (offset == 0) kind = SaltelliRowKind.A;
        else if (offset == RowsPerBase - 1) kind = SaltelliRowKind.B;
        else if (offset <= FactorCount) { kind = SaltelliRowKind.AB; factor = offset - 1; }
        else { kind = SaltelliRowKind.BA; factor = offset - 1 - FactorCount; }

        // The matrix whose point the row mostly is, and the factor whose columns come from the other one.
        bool fromB = kind is SaltelliRowKind.B or SaltelliRowKind.BA;
        bool isChance = factor >= 0 && factor == ChanceFactor;
        int swapped = factor >= 0 && !isChance ? factor : -1;
        int columns = Factors.ColumnCount;
        var coordinates = new double[columns];
        int swapFirst = swapped >= 0 ? Factors.FirstColumn(swapped) : -1;
        int swapEnd = swapped >= 0 ? swapFirst + Factors.Width(swapped) : -1;
        for (int c = 0; c < columns; c++)
        {
            bool takeB = fromB != (c >= swapFirst && c < swapEnd);
            coordinates[c] = sequence.Coordinate((uint)baseIndex, takeB ? columns + c : c);
        }
        // An input factor taken from the other matrix keeps the row's own seed; only chance's rows swap it.
        var seedSide = fromB != isChance ? SaltelliSide.B : SaltelliSide.A;
        return new SaltelliRow(index, baseIndex, kind, factor, seedSide, coordinates);
    }

    private void CheckFactor(int factor)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(factor);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(factor, FactorCount);
    }
}
