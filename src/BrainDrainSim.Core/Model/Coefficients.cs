namespace BrainDrainSim.Model;

/// <summary>
/// The behavioural coefficients of the emigration and return decisions (model.md steps 3 and 4).
/// None has a published estimate: all are assumptions until calibrated.
/// </summary>
public sealed record Coefficients
{
    /// <summary>Intercept of the emigration utility difference dU.</summary>
    [Bounds(-50, 50)] public double B0 { get; init; } = -1.0;
    /// <summary>Weight of ln(offer / home pay) in dU.</summary>
    [Bounds(-50, 50), Unit("per log point")] public double BWage { get; init; } = 1.0;
    /// <summary>Weight of ln(compute abroad / own compute at home) in dU.</summary>
    [Bounds(-50, 50), Unit("per log point")] public double BGpu { get; init; } = 0.2;
    /// <summary>Weight of the share of one's peers who are abroad in dU.</summary>
    [Bounds(-50, 50), Unit("per share of peers")] public double BNet { get; init; } = 2.0;
    /// <summary>Weight of talent (standard normal) in dU.</summary>
    [Bounds(-50, 50), Unit("per sd of talent")] public double BTalent { get; init; } = 0.3;

    /// <summary>Largest monthly intent hazard (the logistic's ceiling).</summary>
    [Bounds(0, 1), Unit("per month")] public double LambdaOut { get; init; } = 0.01;

    /// <summary>Intercept of the return utility difference dR.</summary>
    [Bounds(-50, 50)] public double R0 { get; init; } = 1.0;
    /// <summary>Weight of attachment (home ties) in dR.</summary>
    [Bounds(-50, 50), Unit("per unit of attachment")] public double BAtt { get; init; } = 1.0;

    /// <summary>Largest monthly return hazard.</summary>
    [Bounds(0, 1), Unit("per month")] public double LambdaBack { get; init; } = 0.012;

    /// <summary>Mean of attachment (home ties), lognormal across researchers.</summary>
    [Bounds(0, 50)] public double AttachmentMean { get; init; } = 1.5;

    /// <summary>Standard deviation of attachment across researchers (0: everyone has the mean).</summary>
    [Bounds(0, 50)] public double AttachmentSd { get; init; } = 0.7;
}
