namespace BrainDrainSim.Model;

/// <summary>The researchers at the start month, at home and abroad, before <c>agent_scale</c>.</summary>
public sealed record PopulationSpec
{
    /// <summary>Researchers at home at the start.</summary>
    [Plausible(0, 5e6, Why = "more AI researchers than any country has")]
    [Bounds(0, 1e9), Unit("persons")] public int AtHome { get; init; } = 57_000;
    /// <summary>Researchers abroad in the US at the start.</summary>
    [Plausible(0, 5e6, Why = "more AI researchers than any country has")]
    [Bounds(0, 1e9), Unit("persons")] public int AbroadUs { get; init; } = 6_300;
    /// <summary>Researchers abroad elsewhere (not the US) at the start.</summary>
    [Plausible(0, 5e6, Why = "more AI researchers than any country has")]
    [Bounds(0, 1e9), Unit("persons")] public int AbroadOther { get; init; } = 4_700;

    /// <summary>Stage mix of the researchers at home (shares summing to 1).</summary>
    [Plausible(0, 1)]
    [SharesOfOne] public StageValues HomeStageShares { get; init; } = new() { Student = 0.15, Early = 0.35, Mid = 0.30, Senior = 0.20 };

    /// <summary>Stage mix of the researchers abroad (shares summing to 1).</summary>
    [Plausible(0, 1)]
    [SharesOfOne] public StageValues AbroadStageShares { get; init; } = new() { Student = 0.20, Early = 0.35, Mid = 0.30, Senior = 0.15 };

    /// <summary>Degrees of the initial non-students. Initial researchers abroad in the US hold US degrees in this share.</summary>
    [Plausible(0, 1)]
    [SharesOfOne] public DegreeShares Degrees { get; init; } = new() { Bachelor = 0.40, Master = 0.35, Phd = 0.25 };

    /// <summary>Share of the initial US stock whose degree is from a US university.</summary>
    [Plausible(0, 1)]
    [Bounds(0, 1)] public double AbroadUsDegreeShare { get; init; } = 0.5;
}
