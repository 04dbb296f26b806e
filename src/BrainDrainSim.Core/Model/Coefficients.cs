namespace BrainDrainSim.Model;

/// <summary>
/// The behavioural coefficients of the emigration and return decisions (model.md steps 3 and 4).
/// None has a published estimate: all are assumptions until calibrated.
/// </summary>
public sealed record Coefficients
{
    /// <summary>Intercept of the emigration utility difference dU.</summary>
    [Plausible(-10, 10, Why = "beyond 10 the logistic is a switch")]
    [Bounds(-50, 50)] public double B0 { get; init; } = -1.0;
    /// <summary>Weight of ln(offer / home pay) in dU.</summary>
    [Plausible(0, 5, Why = "better pay abroad would deter emigration, or a tenth of a log point would swing the decision")]
    [Bounds(-50, 50), Unit("per log point")] public double BWage { get; init; } = 1.0;
    /// <summary>Weight of ln(compute abroad / own compute at home) in dU.</summary>
    [Plausible(0, 5, Why = "more compute abroad would deter emigration, or a tenth of a log point would swing the decision")]
    [Bounds(-50, 50), Unit("per log point")] public double BGpu { get; init; } = 0.2;
    /// <summary>Weight of the share of one's peers who are abroad in dU.</summary>
    [Plausible(0, 10, Why = "peers abroad would deter emigration, or dominate every other term")]
    [Bounds(-50, 50), Unit("per share of peers")] public double BNet { get; init; } = 2.0;
    /// <summary>Weight of talent (standard normal) in dU.</summary>
    [Plausible(-2, 2, Why = "talent would dominate every other term")]
    [Bounds(-50, 50), Unit("per sd of talent")] public double BTalent { get; init; } = 0.3;

    /// <summary>Largest monthly intent hazard (the logistic's ceiling).</summary>
    [Plausible(0, 0.1, Why = "a ceiling above 10% a month; rates are written 0.01 for 1%")]
    [Bounds(0, 1), Unit("per month")] public double LambdaOut { get; init; } = 0.01;

    /// <summary>Intercept of the return utility difference dR.</summary>
    [Plausible(-10, 10, Why = "beyond 10 the logistic is a switch")]
    [Bounds(-50, 50)] public double R0 { get; init; } = 1.0;
    /// <summary>Weight of attachment (home ties) in dR.</summary>
    [Plausible(0, 10, Why = "home ties would push researchers away, or dominate every other term")]
    [Bounds(-50, 50), Unit("per unit of attachment")] public double BAtt { get; init; } = 1.0;

    /// <summary>Largest monthly return hazard.</summary>
    [Plausible(0, 0.1, Why = "a ceiling above 10% a month; rates are written 0.01 for 1%")]
    [Bounds(0, 1), Unit("per month")] public double LambdaBack { get; init; } = 0.012;

    /// <summary>Mean of attachment (home ties), lognormal across researchers.</summary>
    [Plausible(0, 10, Why = "home ties worth more than 10 units of utility on average")]
    [Bounds(0, 50)] public double AttachmentMean { get; init; } = 1.5;

    /// <summary>Standard deviation of attachment across researchers (0: everyone has the mean).</summary>
    [Plausible(0, 5, Why = "home ties spread by more than 5 units of utility")]
    [Bounds(0, 50)] public double AttachmentSd { get; init; } = 0.7;
}
