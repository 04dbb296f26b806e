namespace BrainDrainSim.Model;

/// <summary>Home pay (KRW per year) and the offer abroad (USD per year, at US level), with spreads and growth.</summary>
public sealed record PaySpec
{
    /// <summary>Home pay by stage, KRW per year, before the sector multiplier and the personal spread.</summary>
    [Plausible(1e7, 1e9, Why = "home pay below 10 million or above 1 billion won a year")]
    public CareerPay HomeKrwPerYear { get; init; } = new() { Early = 52e6, Mid = 79.3e6, Senior = 120e6 };

    /// <summary>US offer by stage, USD per year, before the personal spread and the talent premium.</summary>
    [Plausible(2e4, 5e6, Why = "an offer below 20 thousand or above 5 million USD a year")]
    public CareerPay OfferUsdPerYear { get; init; } = new() { Early = 110_000, Mid = 140_000, Senior = 185_000 };

    /// <summary>Standard deviation of ln(personal home pay factor); its mean is chosen so the factor averages 1.</summary>
    [Plausible(0, 1, Why = "a log-sd above 1 spreads personal pay over a factor of 7 either way")]
    [Bounds(0, 3), Unit("log points")] public double HomeSpreadSd { get; init; } = 0.2;

    /// <summary>Standard deviation of ln(personal offer factor), before the talent premium.</summary>
    [Plausible(0, 1, Why = "a log-sd above 1 spreads personal offers over a factor of 7 either way")]
    [Bounds(0, 3), Unit("log points")] public double OfferSpreadSd { get; init; } = 0.3;

    /// <summary>ln(offer) rises by this much per standard deviation of talent.</summary>
    [Plausible(0, 1, Why = "an offer that falls with talent, or rises by a factor of e per sd")]
    [Bounds(-3, 3), Unit("log points per sd")] public double TalentPremium { get; init; } = 0.15;

    /// <summary>Annual growth of home pay levels (nominal), applied monthly.</summary>
    [Plausible(-0.05, 0.15, Why = "nominal pay growth outside -5% to +15% a year; rates are written 0.03 for 3%")]
    [Bounds(-0.5, 1), Unit("per year")] public double HomeGrowthPerYear { get; init; } = 0.03;
    /// <summary>Annual growth of offer levels abroad (nominal), applied monthly.</summary>
    [Plausible(-0.05, 0.15, Why = "nominal pay growth outside -5% to +15% a year; rates are written 0.03 for 3%")]
    [Bounds(-0.5, 1), Unit("per year")] public double AbroadGrowthPerYear { get; init; } = 0.03;

    /// <summary>Pay in "other" destinations relative to the US offer.</summary>
    [Plausible(0.3, 2, Why = "other destinations paying under 30% or over twice the US offer")]
    [Bounds(0, 10, MinExclusive = true), Unit("ratio")] public double OtherPayRatio { get; init; } = 0.8;
}
