namespace BrainDrainSim.Model.Levers;

/// <summary>
/// Raises home pay for a target group by an amount (KRW per year, not growing) and/or a percentage (grows
/// with pay). It also raises the home pay that eligible researchers abroad compare against.
/// A null filter matches everyone.
/// </summary>
public sealed record SalaryTopup : Lever
{
    /// <inheritdoc/>
    public override string Type => "salary_topup";

    /// <summary>A flat top-up per year, which does not grow with pay.</summary>
    [Plausible(0, 5e8, Why = "a top-up of more than 500 million won a year, several times senior pay")]
    [Bounds(0, 1e12), Unit("KRW per year")] public double AmountKrwPerYear { get; init; }
    /// <summary>A top-up as a fraction of pay (0.05 = +5%, 0.5 = +50%), which grows with pay.</summary>
    [Bounds(0, 10), Unit("fraction of pay")]
    [Plausible(0, 1, Why = "a top-up of more than 100% of pay; fractions are written 0.05 for 5%")]
    [FormerKey("percent", "the same top-up as a fraction of pay, 0.05 for 5% and 0.5 for 50% (the old key took a fraction too, despite its name)")]
    public double Fraction { get; init; }

    /// <summary>Only researchers whose talent is above the top-talent threshold.</summary>
    public bool TopTalentOnly { get; init; }

    /// <summary>Only this sector (by name).</summary>
    public string? Sector { get; init; }

    /// <summary>Only this stage.</summary>
    public Stage? Stage { get; init; }
}
