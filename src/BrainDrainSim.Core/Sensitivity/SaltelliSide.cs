namespace BrainDrainSim.Sensitivity;

/// <summary>One of the two base matrices of a Saltelli design, A or B: where a row's seed comes from.</summary>
public enum SaltelliSide
{
    /// <summary>Matrix A.</summary>
    A,

    /// <summary>Matrix B.</summary>
    B,
}
