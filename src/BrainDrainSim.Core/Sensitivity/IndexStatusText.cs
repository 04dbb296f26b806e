namespace BrainDrainSim.Sensitivity;

/// <summary>The words an <see cref="IndexStatus"/> is printed as in outputs (indices.csv's status column).</summary>
public static class IndexStatusText
{
    /// <summary>"defined", "undefined: zero variance" or "undefined: non-finite output".</summary>
    public static string Describe(this IndexStatus status) => status switch
    {
        IndexStatus.Defined => "defined",
        IndexStatus.ZeroVariance => "undefined: zero variance",
        IndexStatus.NonFiniteOutput => "undefined: non-finite output",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "a sensitivity index status"),
    };
}
