using System.Diagnostics.CodeAnalysis;

namespace BrainDrainSim.Model.Levers;

/// <summary>
/// Adds a cohort of GPUs at home arriving in month <c>at</c>; it decays in frontier units and retires after
/// its service life. No <c>until</c>: the cohort's life governs it. Cost: purchase in the arrival month,
/// running cost monthly while in service.
/// </summary>
public sealed record GpuImport : Lever
{
    /// <inheritdoc/>
    public override string Type => "gpu_import";

    /// <inheritdoc/>
    public override bool TakesUntil => false;

    /// <summary>GPUs imported (units of the mix).</summary>
    [Plausible(0, 500_000, Why = "more GPUs than any country has imported (Meta alone had about 350,000 H100s in 2024)")]
    [Bounds(0, 1e9), Unit("GPUs")] public double Count { get; init; }

    /// <summary>The models in the import; shares sum to 1.</summary>
    [SharesOfOne(Member = nameof(GpuModelShare.Share), Label = nameof(GpuModelShare.Model), What = "the mix's shares")]
    public GpuModelShare[] Mix { get; init; } = [new() { Model = "H100", Share = 1, H100ePerUnit = 1 }];

    /// <summary>Share of the cohort's compute going to each sector (by sector name); shares sum to 1.</summary>
    [Plausible(0, 1)]
    [Bounds(0, 1), SharesOfOne(What = "the sector shares"), DisallowNull]
    public IReadOnlyDictionary<string, double>? SectorShares { get; init; }

    /// <summary>Fraction of the installed capacity that researchers actually get.</summary>
    [Plausible(0, 1)]
    [Bounds(0, 1)] public double Utilisation { get; init; } = 0.7;

    /// <summary>Purchase cost per GPU, with servers and network, charged in the arrival month. Required (0 only when written).</summary>
    [Bounds(0, 1e12), Unit("KRW per GPU"), DisallowNull]
    [Plausible(0, 2e9, Why = "more than 2 billion won per GPU (an H100 server costs about 0.1-0.2 billion won per GPU)")]
    public double? UnitCostKrw { get; init; }
    /// <summary>Power, hosting and operation per GPU per year, charged monthly while in service. Required (0 only when written).</summary>
    [Bounds(0, 1e12), Unit("KRW per GPU-year"), DisallowNull]
    [Plausible(0, 5e8, Why = "more than 0.5 billion won per GPU a year to run it")]
    public double? RunningCostKrwPerGpuYear { get; init; }
}
