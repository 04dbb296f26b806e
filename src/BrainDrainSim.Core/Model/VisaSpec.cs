namespace BrainDrainSim.Model;

/// <summary>The destination gates (model.md step 3). Fields of a <c>visa_policy</c> lever override these.</summary>
public sealed record VisaSpec
{
    /// <summary>Share of emigration intents aimed at the US, drawn afresh for each intent.</summary>
    [Bounds(0, 1)] public double UsShare { get; init; } = 0.6;

    /// <summary>H-1B lottery selection rate q (annual, applied when the intent forms).</summary>
    [Bounds(0, 1)] public double SelectionRate { get; init; } = 0.3;

    /// <summary>Selection rate of the advanced-degree round, for US master's and PhD holders not picked in the regular round.</summary>
    [Bounds(0, 1)] public double AdvancedRoundRate { get; init; } = 0.3;

    /// <summary>Petition fee for people outside the US (USD per petition).</summary>
    [Bounds(0, 1e9), Unit("USD")] public double FeeUsd { get; init; }

    /// <summary>sponsor(fee) = exp(-fee_elasticity * fee / offer). No published estimate: an assumption.</summary>
    [Bounds(0, 100)] public double FeeElasticity { get; init; } = 1.0;

    /// <summary>Probability that top talent passes through a talent route (O-1, EB-1) regardless of the lottery.</summary>
    [Bounds(0, 1)] public double TalentRouteRate { get; init; } = 0.5;

    /// <summary>Probability of passing the gate of the "other" destinations.</summary>
    [Bounds(0, 1)] public double OtherPassRate { get; init; } = 1.0;

    /// <summary>Probability that a student's intent to study abroad passes (a study visa and an admission).</summary>
    [Bounds(0, 1)] public double StudyPassRate { get; init; } = 0.8;
}
