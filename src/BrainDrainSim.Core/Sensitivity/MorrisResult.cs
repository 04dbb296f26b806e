namespace BrainDrainSim.Sensitivity;

/// <summary>The Morris screen of one output quantity.</summary>
public sealed class MorrisResult
{
    internal MorrisResult(IndexStatus status, IReadOnlyList<MorrisFactorEffect> factors)
    {
        Status = status;
        Factors = factors;
    }

    /// <summary>Whether the effects exist; when not, every number below is absent.</summary>
    public IndexStatus Status { get; }

    /// <summary>One entry per factor of the layout, in order.</summary>
    public IReadOnlyList<MorrisFactorEffect> Factors { get; }
}
