namespace BrainDrainSim.Reference.Tests.ReferenceModel;

/// <summary>The visa rules in force in one month: the scenario's visa values, overridden key by key by the active visa_policy levers (model.md 3.3.4).</summary>
internal sealed record ReferenceVisaRules
{
    public required double UsShare { get; init; }
    public required double SelectionRate { get; init; }
    public required double AdvancedRoundRate { get; init; }
    public required double FeeUsd { get; init; }
    public required double FeeElasticity { get; init; }
    public required double TalentRouteRate { get; init; }
    public required double OtherPassRate { get; init; }
    public required double StudyPassRate { get; init; }
    public required double UsWorkEntryRate { get; init; }
    public required double UsStudyEntryRate { get; init; }
}
