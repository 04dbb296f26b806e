namespace BrainDrainSim.Sensitivity;

/// <summary>
/// Whether a quantity's sensitivity indices exist. When they do not, the result carries no numbers at all (never
/// NaN), and <see cref="IndexStatusText.Describe"/> gives the words the outputs print in their place.
/// </summary>
public enum IndexStatus
{
    /// <summary>The indices were estimated.</summary>
    Defined,

    /// <summary>The quantity takes one value over the base rows, so no share of its variance can be attributed.</summary>
    ZeroVariance,

    /// <summary>A design row's output was NaN or infinite, so no estimate would mean anything.</summary>
    NonFiniteOutput,
}
