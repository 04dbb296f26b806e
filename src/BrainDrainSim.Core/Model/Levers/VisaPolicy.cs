namespace BrainDrainSim.Model.Levers;

/// <summary>
/// Destination-side visa rules for a period. Each field given overrides the scenario's <c>visa</c> value;
/// where several visa_policy levers are active, the later one in the list wins key by key. No home cost.
/// </summary>
public sealed record VisaPolicy : Lever
{
    public override string Type => "visa_policy";

    [Bounds(0, 1)] public double? SelectionRate { get; init; }
    [Bounds(0, 1)] public double? AdvancedRoundRate { get; init; }
    [Bounds(0, 1e9), Unit("USD")] public double? FeeUsd { get; init; }
    [Bounds(0, 1)] public double? TalentRouteRate { get; init; }
    [Bounds(0, 1)] public double? OtherPassRate { get; init; }
    [Bounds(0, 1)] public double? StudyPassRate { get; init; }
}
