namespace BrainDrainSim.Sensitivity;

/// <summary>
/// An output whose variance a sensitivity analysis apportions: a metric of the scenario, or with a baseline the
/// paired effect on it, the extra cost, or the net monetary benefit. The effect and the cost are separate
/// quantities rather than their ratio, whose denominator can come near zero and make the variance meaningless.
/// </summary>
/// <param name="Metric">The metric (<c>researchers_home</c>); for the extra cost, the cost metric is implied.</param>
/// <param name="Kind">What is taken of it.</param>
/// <param name="WillingnessToPay">For the net benefit, KRW per researcher kept.</param>
public sealed record SensitivityQuantity(string Metric, QuantityKind Kind, double WillingnessToPay = 0)
{
    /// <summary>The quantity's name in tables and charts: <c>researchers_home</c>, <c>effect on researchers_home</c>, <c>extra cost (KRW, cumulative)</c>, <c>net benefit at 50000000 KRW per researcher kept</c>.</summary>
    public string Name => Kind switch
    {
        QuantityKind.Level => Metric,
        QuantityKind.Effect => "effect on " + Metric,
        QuantityKind.ExtraCost => "extra cost (KRW, cumulative)",
        QuantityKind.NetBenefit => $"net benefit at {WillingnessToPay.ToString("R", System.Globalization.CultureInfo.InvariantCulture)} KRW per researcher kept",
        _ => Metric,
    };
}

/// <summary>What a sensitivity quantity takes of the runs.</summary>
public enum QuantityKind
{
    /// <summary>The scenario's metric.</summary>
    Level,
    /// <summary>The scenario's metric minus the baseline's at the same design row and seed.</summary>
    Effect,
    /// <summary>The scenario's cumulative policy cost minus the baseline's.</summary>
    ExtraCost,
    /// <summary>Willingness to pay times the effect, minus the extra cost.</summary>
    NetBenefit,
}
