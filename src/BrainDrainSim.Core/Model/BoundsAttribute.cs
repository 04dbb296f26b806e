namespace BrainDrainSim.Model;

/// <summary>
/// The valid range of a scenario quantity (inclusive). The loader checks values against it and the
/// uncertainty block checks that a distribution's support fits inside it, so the range is stated once.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class BoundsAttribute(double min, double max) : Attribute
{
    public double Min { get; } = min;
    public double Max { get; } = max;
    /// <summary>True when the lower bound itself is not allowed (for example a half-life of 0).</summary>
    public bool MinExclusive { get; init; }

    public bool Contains(double v) => !double.IsNaN(v) && (MinExclusive ? v > Min : v >= Min) && v <= Max;

    public string Describe() => $"{(MinExclusive ? "(" : "[")}{Fmt(Min)}, {Fmt(Max)}]";

    private static string Fmt(double v) => v.ToString("G6", System.Globalization.CultureInfo.InvariantCulture);
}
