namespace BrainDrainSim.Model;

/// <summary>Compute abroad, the life and decay of imported GPU cohorts, and the lab-level spread of access.</summary>
public sealed record ComputeSpec
{
    /// <summary>Compute per researcher abroad, in current-frontier H100-equivalents.</summary>
    [Bounds(0, 1e6, MinExclusive = true), Unit("H100e per researcher")] public double AbroadH100ePerResearcher { get; init; } = 1.0;

    /// <summary>Growth of compute abroad beyond the frontier (0: keeps pace with the frontier).</summary>
    [Bounds(-0.9, 10), Unit("per year")] public double AbroadGrowthPerYear { get; init; }

    /// <summary>A cohort's value in frontier units halves every this many years (GPU price-performance doubling).</summary>
    [Bounds(0, 100, MinExclusive = true), Unit("years")] public double HalfLifeYears { get; init; } = 2.46;

    /// <summary>A cohort leaves service this many years after it arrives.</summary>
    [Bounds(0, 100, MinExclusive = true), Unit("years")] public double ServiceLifeYears { get; init; } = 6;

    /// <summary>Standard deviation of ln(access), the lab-level multiplier of the sector's compute (mean 1).</summary>
    [Bounds(0, 3), Unit("log points")] public double AccessSpreadSd { get; init; } = 0.5;

    /// <summary>GPU-hours in one H100e-month (for vouchers and guaranteed compute).</summary>
    public const double GpuHoursPerH100eMonth = 730;
}
