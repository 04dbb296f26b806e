using System.Diagnostics.CodeAnalysis;

namespace BrainDrainSim.Model.Levers;

/// <summary>Multiplies graduates per year and optionally sets the degree mix students graduate with.</summary>
public sealed record Education : Lever
{
    /// <inheritdoc/>
    public override string Type => "education";

    /// <summary>Multiplies careers.annual_graduates (the entrants per year) while active; 1 or more (a lever adds places).</summary>
    [Bounds(1, 100, Why = "an education lever adds graduate places; a cut would be priced as a saving at the cost of an extra place, " +
                          "which it is not (programmes have fixed costs); for fewer graduates without a policy cost lower careers.annual_graduates")]
    [Unit("ratio"), Plausible(1, 3, Why = "more than three times the graduate places")]
    public double GraduatesMultiplier { get; init; } = 1;

    /// <summary>Replaces careers.graduation_degrees while active, if given.</summary>
    [SharesOfOne, Plausible(0, 1)] public DegreeShares? GraduationDegrees { get; init; }

    /// <summary>Cost to the home budget of each entrant above the baseline number. Required when the multiplier is not 1 (0 only when written).</summary>
    [Bounds(0, 1e12), Unit("KRW per extra graduate"), DisallowNull]
    [Plausible(0, 1e9, Why = "more than 1 billion won per extra graduate")]
    public double? CostKrwPerExtraGraduate { get; init; }
}
