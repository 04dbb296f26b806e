namespace BrainDrainSim.Model.Levers;

/// <summary>
/// Destination-side visa rules for a period. Each field given overrides the scenario's <c>visa</c> value;
/// where several visa_policy levers are active, the later one in the list wins key by key. No home cost.
/// </summary>
public sealed record VisaPolicy : Lever
{
    /// <inheritdoc/>
    public override string Type => "visa_policy";

    /// <summary>Overrides visa.selection_rate while active.</summary>
    [Plausible(0, 1)]
    [Bounds(0, 1)] public double? SelectionRate { get; init; }
    /// <summary>Overrides visa.advanced_round_rate while active.</summary>
    [Plausible(0, 1)]
    [Bounds(0, 1)] public double? AdvancedRoundRate { get; init; }
    /// <summary>Overrides visa.fee_usd (the petition fee for people outside the US) while active.</summary>
    [Plausible(0, 250_000, Why = "a petition fee above 250,000 USD (the 2025 proclamation's is 100,000)")]
    [Bounds(0, 1e9), Unit("USD")] public double? FeeUsd { get; init; }
    /// <summary>Overrides visa.talent_route_rate while active.</summary>
    [Plausible(0, 1)]
    [Bounds(0, 1)] public double? TalentRouteRate { get; init; }
    /// <summary>Overrides visa.other_pass_rate while active.</summary>
    [Plausible(0, 1)]
    [Bounds(0, 1)] public double? OtherPassRate { get; init; }
    /// <summary>Overrides visa.study_pass_rate while active.</summary>
    [Plausible(0, 1)]
    [Bounds(0, 1)] public double? StudyPassRate { get; init; }
}
