namespace BrainDrainSim.Model;

/// <summary>
/// The valid range of a scenario quantity (inclusive). The loader checks values against it and the
/// uncertainty block checks that a distribution's support fits inside it, so the range is stated once.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class BoundsAttribute(double min, double max) : Attribute
{
    /// <summary>The smallest valid value (or, with <see cref="MinExclusive"/>, the value everything must exceed).</summary>
    public double Min { get; } = min;

    /// <summary>The largest valid value.</summary>
    public double Max { get; } = max;
    /// <summary>True when the lower bound itself is not allowed (for example a half-life of 0).</summary>
    public bool MinExclusive { get; init; }

    /// <summary>Why the range stops where it does, when that is not plain (added to the error message).</summary>
    public string? Why { get; init; }

    /// <summary>True when <paramref name="v"/> lies in the range (NaN never does).</summary>
    public bool Contains(double v) => !double.IsNaN(v) && (MinExclusive ? v > Min : v >= Min) && v <= Max;

    /// <summary>
    /// Why the value lies outside the range, as an error message ("2 is above the maximum 1 per month (valid
    /// range [0, 1])"), or null when it lies inside. The unit, when known, follows the bound.
    /// </summary>
    public string? Explain(double v, string? unit)
    {
        if (Contains(v)) return null;
        // "0 of persons", but "1 per month" (not "1 of per month").
        string u = unit is null ? "" : unit.StartsWith("per ", StringComparison.Ordinal) ? $" {unit}" : $" of {unit}";
        string F(double x) => x.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
        string why = v > Max ? $"{F(v)} is above the maximum {F(Max)}{u}"
            : MinExclusive && v == Min ? $"{F(v)} is not above the minimum {F(Min)}{u}, which is excluded"
            : $"{F(v)} is below the minimum {F(Min)}{u}";
        return $"{why} (valid range {Describe()}){(Why is null ? "" : $": {Why}")}";
    }

    /// <summary>The range as messages write it: "[0, 1]", or "(0, 100]" when the minimum is excluded.</summary>
    public string Describe() => $"{(MinExclusive ? "(" : "[")}{Fmt(Min)}, {Fmt(Max)}]";

    private static string Fmt(double v) => v.ToString("G6", System.Globalization.CultureInfo.InvariantCulture);
}
