namespace BrainDrainSim.Model;

/// <summary>The destination gates (model.md step 3). Fields of a <c>visa_policy</c> lever override these.</summary>
public sealed record VisaSpec
{
    /// <summary>Share of emigration intents aimed at the US, drawn afresh for each intent.</summary>
    [Plausible(0, 1)]
    [Bounds(0, 1)] public double UsShare { get; init; } = 0.6;

    /// <summary>H-1B lottery selection rate q (annual, applied when the intent forms).</summary>
    [Plausible(0, 1)]
    [Bounds(0, 1)] public double SelectionRate { get; init; } = 0.3;

    /// <summary>Selection rate of the advanced-degree round, for US master's and PhD holders not picked in the regular round.</summary>
    [Plausible(0, 1)]
    [Bounds(0, 1)] public double AdvancedRoundRate { get; init; } = 0.3;

    /// <summary>Petition fee for people outside the US (USD per petition).</summary>
    [Plausible(0, 250_000, Why = "a petition fee above 250,000 USD (the 2025 proclamation's is 100,000)")]
    [Bounds(0, 1e9), Unit("USD")] public double FeeUsd { get; init; }

    /// <summary>sponsor(fee) = exp(-fee_elasticity * fee / offer). No published estimate: an assumption.</summary>
    [Plausible(0, 10, Why = "at 10, a fee of a tenth of the offer would cut sponsorship to a third")]
    [Bounds(0, 100)] public double FeeElasticity { get; init; } = 1.0;

    /// <summary>Probability that top talent passes through a talent route (O-1, EB-1) regardless of the lottery.</summary>
    [Plausible(0, 1)]
    [Bounds(0, 1)] public double TalentRouteRate { get; init; } = 0.5;

    /// <summary>Probability of passing the gate of the "other" destinations.</summary>
    [Plausible(0, 1)]
    [Bounds(0, 1)] public double OtherPassRate { get; init; } = 1.0;

    /// <summary>Probability that a student's intent to study abroad passes (a study visa and an admission).</summary>
    [Plausible(0, 1)]
    [Bounds(0, 1)] public double StudyPassRate { get; init; } = 0.8;

    /// <summary>
    /// Share of US work entries from abroad the US lets through: it multiplies the US work gate of an intent formed
    /// at home, not a graduate's change of status inside the US. 1 normally; 0 while entry is suspended, as under
    /// Proclamation 10052 (24 Jun 2020 - 31 Mar 2021), set on the timeline.
    /// </summary>
    [Plausible(0, 1)]
    [Bounds(0, 1)] public double UsWorkEntryRate { get; init; } = 1.0;

    /// <summary>
    /// Share of US study entries the US lets through: it multiplies the study gate of a student's intent aimed at
    /// the US. 1 normally; 0 while US consulates issue no study visas (Seoul, 19 Mar - 20 Jul 2020), set on the timeline.
    /// </summary>
    [Plausible(0, 1)]
    [Bounds(0, 1)] public double UsStudyEntryRate { get; init; } = 1.0;
}
