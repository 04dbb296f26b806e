namespace BrainDrainSim.Model;

/// <summary>Compute abroad, the life and decay of imported GPU cohorts, and the lab-level spread of access.</summary>
public sealed record ComputeSpec
{
    /// <summary>Compute per researcher abroad, in current-frontier H100-equivalents.</summary>
    [Plausible(0.01, 100, Why = "compute abroad outside 0.01-100 H100e per researcher")]
    [Bounds(0, 1e6, MinExclusive = true), Unit("H100e per researcher")] public double AbroadH100ePerResearcher { get; init; } = 1.0;

    /// <summary>Growth of compute abroad beyond the frontier (0: keeps pace with the frontier).</summary>
    [Plausible(-0.5, 1, Why = "compute abroad growing beyond the frontier by more than 100% a year, or shrinking by half; rates are written 0.1 for 10%")]
    [Bounds(-0.9, 10), Unit("per year")] public double AbroadGrowthPerYear { get; init; }

    /// <summary>A cohort's value in frontier units halves every this many years (GPU price-performance doubling).</summary>
    [Plausible(1, 10, Why = "GPU price-performance doubles about every 2.5 years (Epoch)")]
    [Bounds(0, 100, MinExclusive = true), Unit("years")] public double HalfLifeYears { get; init; } = 2.46;

    /// <summary>A cohort leaves service this many years after it arrives.</summary>
    [Plausible(2, 15, Why = "GPUs are written off in 5-6 years")]
    [Bounds(0, 100, MinExclusive = true), Unit("years")] public double ServiceLifeYears { get; init; } = 6;

    /// <summary>Standard deviation of ln(access), the lab-level multiplier of the sector's compute (mean 1).</summary>
    [Plausible(0, 2, Why = "a log-sd above 2 spreads access over a factor of 50 either way")]
    [Bounds(0, 3), Unit("log points")] public double AccessSpreadSd { get; init; } = 0.5;

    /// <summary>GPU-hours in one H100e-month (for vouchers and guaranteed compute).</summary>
    public const double GpuHoursPerH100eMonth = 730;
}
