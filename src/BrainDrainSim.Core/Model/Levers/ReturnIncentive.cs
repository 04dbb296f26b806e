namespace BrainDrainSim.Model.Levers;

/// <summary>
/// A return bonus paid once at return (entering the decision as bonus / years per year) and/or compute
/// guaranteed to returners for some months (entering their return comparison, costed at the voucher price).
/// </summary>
public sealed record ReturnIncentive : Lever
{
    public override string Type => "return_incentive";

    /// <summary>Bonus paid once to each returner while active.</summary>
    [Bounds(0, 1e12), Unit("KRW")] public double BonusKrw { get; init; }
    /// <summary>Years the bonus is spread over when compared with annual pay (bonus / years per year).</summary>
    [Bounds(0, 100, MinExclusive = true), Unit("years")] public double BonusYears { get; init; } = 3;

    /// <summary>Compute guaranteed to each returner, in H100-equivalents.</summary>
    [Bounds(0, 1e6), Unit("H100e per returner")] public double GuaranteedH100e { get; init; }
    /// <summary>How long a returner keeps the guaranteed compute.</summary>
    [Bounds(0, 1200), Unit("months")] public int GuaranteeMonths { get; init; }
    /// <summary>Cost to the home budget of one GPU-hour of guaranteed compute.</summary>
    [Bounds(0, 1e9), Unit("KRW per GPU-hour")] public double PriceKrwPerGpuHour { get; init; }
}
