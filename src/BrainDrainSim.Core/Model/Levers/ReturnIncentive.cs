using System.Diagnostics.CodeAnalysis;

namespace BrainDrainSim.Model.Levers;

/// <summary>
/// A return bonus paid once at return (entering the decision as bonus / years per year) and/or compute
/// guaranteed to returners for some months (entering their return comparison, costed at the voucher price).
/// </summary>
public sealed record ReturnIncentive : Lever
{
    /// <inheritdoc/>
    public override string Type => "return_incentive";

    /// <summary>Bonus paid once to each returner while active.</summary>
    [Plausible(0, 2e9, Why = "a return bonus of more than 2 billion won")]
    [Bounds(0, 1e12), Unit("KRW")] public double BonusKrw { get; init; }
    /// <summary>Years the bonus is spread over when compared with annual pay (bonus / years per year).</summary>
    [Plausible(1, 10, Why = "a bonus weighed over less than a year or more than ten")]
    [Bounds(0, 100, MinExclusive = true), Unit("years")] public double BonusYears { get; init; } = 3;

    /// <summary>Compute guaranteed to each returner, in H100-equivalents.</summary>
    [Plausible(0, 100, Why = "more than 100 H100e guaranteed to each returner")]
    [Bounds(0, 1e6), Unit("H100e per returner")] public double GuaranteedH100e { get; init; }
    /// <summary>How long a returner keeps the guaranteed compute.</summary>
    [Plausible(0, 120, Why = "compute guaranteed for more than ten years")]
    [Bounds(0, 1200), Unit("months")] public int GuaranteeMonths { get; init; }
    /// <summary>Cost to the home budget of one GPU-hour of guaranteed compute. Required with guaranteed compute (0 only when written).</summary>
    [Bounds(0, 1e9), Unit("KRW per GPU-hour"), DisallowNull]
    [Plausible(0, 50_000, Why = "more than 50,000 won per GPU-hour (cloud H100s rent for about 3,500)")]
    public double? PriceKrwPerGpuHour { get; init; }
}
