namespace BrainDrainSim.Sensitivity;

/// <summary>
/// One row of a Saltelli design: where its coordinates come from, the base row it derives from, and which side's
/// replication seed it runs with. A row that takes an input factor from the other matrix keeps its own matrix's
/// seed, so a factor the model does not read leaves the output bit for bit unchanged and gets an ST of exactly 0;
/// only the chance factor's rows swap seeds.
/// </summary>
public sealed class SaltelliRow
{
    internal SaltelliRow(long index, int baseIndex, SaltelliRowKind kind, int factor, SaltelliSide seedSide, double[] coordinates)
    {
        Index = index;
        BaseIndex = baseIndex;
        Kind = kind;
        Factor = factor;
        SeedSide = seedSide;
        Coordinates = coordinates;
    }

    /// <summary>The row's index in the design (0 .. RowCount - 1): outputs are passed back in this order.</summary>
    public long Index { get; }

    /// <summary>The base point j the row derives from: row j of A and of B.</summary>
    public int BaseIndex { get; }

    /// <summary>Which matrix the row belongs to.</summary>
    public SaltelliRowKind Kind { get; }

    /// <summary>The factor i of an AB_i or BA_i row (the chance factor included); -1 for rows of A and B.</summary>
    public int Factor { get; }

    /// <summary>Whose replication seed the row runs with: base row j of A or of B.</summary>
    public SaltelliSide SeedSide { get; }

    /// <summary>
    /// The replication index to derive the row's seed from: 2j for A's seed, 2j + 1 for B's. Rows with one seed
    /// index must run with one seed (and policy and baseline at one row with the same one); distinct indices should
    /// give independent seeds, e.g. StreamKey.ReplicationSeed(masterSeed, seedIndex).
    /// </summary>
    public long SeedIndex => 2L * BaseIndex + (SeedSide == SaltelliSide.B ? 1 : 0);

    /// <summary>The row's point in the unit cube, one coordinate per column of the factor layout, each in (0, 1).</summary>
    public IReadOnlyList<double> Coordinates { get; }
}
