using System.Diagnostics.CodeAnalysis;

namespace BrainDrainSim.Model.Levers;

/// <summary>GPU-hours per researcher per month for everyone at home in a sector (730 GPU-hours = 1 H100e-month).</summary>
public sealed record ComputeVoucher : Lever
{
    /// <inheritdoc/>
    public override string Type => "compute_voucher";

    /// <summary>The sector (by name); null = every sector.</summary>
    public string? Sector { get; init; }

    /// <summary>GPU-hours each researcher at home in the sector gets per month.</summary>
    [Plausible(0, 10_000, Why = "more than 10,000 GPU-hours (about 14 H100e) per researcher a month")]
    [Bounds(0, 1e7), Unit("GPU-hours per researcher per month")] public double GpuHoursPerResearcherPerMonth { get; init; }
    /// <summary>Cost to the home budget of one GPU-hour. Required (0 only when written).</summary>
    [Bounds(0, 1e9), Unit("KRW per GPU-hour"), DisallowNull]
    [Plausible(0, 50_000, Why = "more than 50,000 won per GPU-hour (cloud H100s rent for about 3,500)")]
    public double? PriceKrwPerGpuHour { get; init; }
}
