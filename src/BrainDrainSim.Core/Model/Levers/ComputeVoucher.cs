namespace BrainDrainSim.Model.Levers;

/// <summary>GPU-hours per researcher per month for everyone at home in a sector (730 GPU-hours = 1 H100e-month).</summary>
public sealed record ComputeVoucher : Lever
{
    public override string Type => "compute_voucher";

    /// <summary>The sector (by name); null = every sector.</summary>
    public string? Sector { get; init; }

    /// <summary>GPU-hours each researcher at home in the sector gets per month.</summary>
    [Bounds(0, 1e7), Unit("GPU-hours per researcher per month")] public double GpuHoursPerResearcherPerMonth { get; init; }
    /// <summary>Cost to the home budget of one GPU-hour.</summary>
    [Bounds(0, 1e9), Unit("KRW per GPU-hour")] public double PriceKrwPerGpuHour { get; init; }
}
