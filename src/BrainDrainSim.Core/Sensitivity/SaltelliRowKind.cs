namespace BrainDrainSim.Sensitivity;

/// <summary>Which matrix of the Saltelli design a row belongs to.</summary>
public enum SaltelliRowKind
{
    /// <summary>A row of A: the first half of a base point's coordinates.</summary>
    A,

    /// <summary>A row of B: the second half of a base point's coordinates.</summary>
    B,

    /// <summary>A row of AB_i: A's row with factor i's columns taken from B.</summary>
    AB,

    /// <summary>A row of BA_i: B's row with factor i's columns taken from A (second-order indices only).</summary>
    BA,
}
