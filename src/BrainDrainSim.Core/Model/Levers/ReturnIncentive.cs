namespace BrainDrainSim.Model.Levers;

/// <summary>
/// A return bonus paid once at return (entering the decision as bonus / years per year) and/or compute
/// guaranteed to returners for some months (entering their return comparison, costed at the voucher price).
/// </summary>
public sealed record ReturnIncentive : Lever
{
    public override string Type => "return_incentive";

    [Bounds(0, 1e12), Unit("KRW")] public double BonusKrw { get; init; }
    [Bounds(0, 100, MinExclusive = true), Unit("years")] public double BonusYears { get; init; } = 3;

    [Bounds(0, 1e6), Unit("H100e per returner")] public double GuaranteedH100e { get; init; }
    [Bounds(0, 1200), Unit("months")] public int GuaranteeMonths { get; init; }
    [Bounds(0, 1e9), Unit("KRW per GPU-hour")] public double PriceKrwPerGpuHour { get; init; }
}
