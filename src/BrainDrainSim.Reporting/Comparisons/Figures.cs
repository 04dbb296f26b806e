using System.Globalization;

namespace BrainDrainSim.Reporting.Comparisons;

/// <summary>
/// Figures for people (the console table and report.md), as opposed to <see cref="Csv"/>'s figures for
/// programs: invariant culture with thousands separators, rounded to what the runs can support, money scaled
/// to million or billion KRW, and a word ("undefined") where a figure is not defined, never "NaN".
/// The figures of one interval share their rounding, so that "+12.3 [+0.5, +24.1]" lines up.
/// </summary>
internal static class Figures
{
    public const string Undefined = "undefined";

    private static readonly CultureInfo Ci = CultureInfo.InvariantCulture;

    /// <summary>
    /// Decimals for a group of figures: whole numbers once the largest is 10 or more, otherwise enough for two
    /// significant digits of the largest, at most 2 (a researcher count needs no more).
    /// </summary>
    public static int Decimals(params ReadOnlySpan<double> values)
    {
        double max = 0;
        foreach (var v in values)
            if (double.IsFinite(v)) max = Math.Max(max, Math.Abs(v));
        if (max == 0) return 0;
        return Math.Clamp(1 - (int)Math.Floor(Math.Log10(max)), 0, 2);
    }

    /// <summary>
    /// Decimals for an interval: two significant digits of its half-width, the precision the runs support
    /// ("+8.6 [+5.1, +12.1]" rather than "+9 [+5, +12]"), whole numbers once the half-width is 10 or more, at
    /// most 2. A zero-width interval falls back to <see cref="Decimals"/> of its ends.
    /// </summary>
    public static int IntervalDecimals(double low, double high)
    {
        double half = (high - low) / 2;
        if (!double.IsFinite(half) || half <= 0) return Decimals(low, high);
        return Math.Clamp(1 - (int)Math.Floor(Math.Log10(half)), 0, 2);
    }

    /// <summary>The decimals a paired effect is written with: from its 95% CI when defined, else from the mean.</summary>
    public static int EffectDecimals(PairedStatistics s) =>
        double.IsFinite(s.CiLow) && double.IsFinite(s.CiHigh) ? IntervalDecimals(s.CiLow, s.CiHigh) : Decimals(s.Mean);

    /// <summary>A number with thousands separators; <paramref name="signed"/> puts "+" before a positive one.</summary>
    public static string Number(double value, int decimals, bool signed = false)
    {
        if (!double.IsFinite(value)) return Undefined;
        double rounded = Math.Round(value, decimals, MidpointRounding.AwayFromZero);
        // A value that rounds to zero is written "0", not "-0" or "+0".
        if (rounded == 0) return 0.0.ToString("N" + decimals.ToString(Ci), Ci);
        string text = rounded.ToString("N" + decimals.ToString(Ci), Ci);
        return signed && rounded > 0 ? "+" + text : text;
    }

    /// <summary>A number rounded on its own.</summary>
    public static string Number(double value, bool signed = false) => Number(value, Decimals(value), signed);

    /// <summary>
    /// A number to <paramref name="digits"/> significant digits, for coefficients and rates whose size says nothing
    /// about the precision they need (0.0123, 1.5, -2.75): <see cref="Number(double, bool)"/> would round a monthly
    /// hazard of 0.004 to 0. Thousands separators from 1,000 on, so a count still reads as one.
    /// </summary>
    public static string Significant(double value, int digits = 3)
    {
        if (!double.IsFinite(value)) return Undefined;
        if (value == 0) return "0";
        int magnitude = (int)Math.Floor(Math.Log10(Math.Abs(value)));
        // Past 1e15 or below 1e-9 a fixed number of decimals is unreadable: scientific notation.
        if (magnitude is > 15 or < -9) return value.ToString("G" + digits.ToString(Ci), Ci);
        int decimals = Math.Clamp(digits - 1 - magnitude, 0, 15);
        double rounded = Math.Round(value, decimals, MidpointRounding.AwayFromZero);
        // Trailing zeros dropped: 1.5, not 1.50, which would claim a digit the value does not have.
        return rounded == 0 ? "0" : rounded.ToString(decimals == 0 ? "#,0" : "#,0." + new string('#', decimals), Ci);
    }

    /// <summary>The paired mean with its 95% interval: "+1,234 [+1,100, +1,368]".</summary>
    public static string MeanWithCi(PairedStatistics s)
    {
        if (s.N == 0 || !double.IsFinite(s.Mean)) return Undefined;
        int d = EffectDecimals(s);
        string mean = Number(s.Mean, d, signed: true);
        return double.IsFinite(s.CiLow) && double.IsFinite(s.CiHigh)
            ? $"{mean} [{Number(s.CiLow, d, signed: true)}, {Number(s.CiHigh, d, signed: true)}]"
            : $"{mean} [95% CI undefined]";
    }

    /// <summary>The 95% interval alone: "+1,100 to +1,368".</summary>
    public static string Ci95(PairedStatistics s) =>
        double.IsFinite(s.CiLow) && double.IsFinite(s.CiHigh) ? Range(s.CiLow, s.CiHigh) : Undefined;

    /// <summary>The 5-95% range of the run-by-run differences: "+800 to +1,700".</summary>
    public static string RunRange(PairedStatistics s) =>
        s.N > 0 && double.IsFinite(s.P05) && double.IsFinite(s.P95) ? Range(s.P05, s.P95) : Undefined;

    private static string Range(double low, double high)
    {
        int d = IntervalDecimals(low, high);
        return $"{Number(low, d, signed: true)} to {Number(high, d, signed: true)}";
    }

    /// <summary>
    /// A share as a percentage, with one decimal near 0 and 100%, and never rounded to "0%" or "100%" when
    /// some run went the other way (that would read as "always").
    /// </summary>
    public static string Percent(double share)
    {
        if (!double.IsFinite(share)) return Undefined;
        double pct = share * 100;
        if (pct is > 0 and < 0.05) return "<0.1%";
        if (pct is > 99.95 and < 100) return ">99.9%";
        int d = pct is > 0 and < 1 or > 99 and < 100 ? 1 : 0;
        return Number(pct, d) + "%";
    }

    /// <summary>An amount of KRW, scaled to million or billion: "1,234.5 bn KRW".</summary>
    public static string Krw(double krw) => Krw(krw, double.NaN, double.NaN);

    /// <summary>An amount of KRW with its interval, all on one scale: "12.3 bn KRW [10.1, 14.6]".</summary>
    public static string Krw(double krw, double low, double high)
    {
        if (!double.IsFinite(krw)) return Undefined;
        var (divisor, unit) = KrwScale(Math.Max(Math.Abs(krw), Math.Max(Abs(low), Abs(high))));
        double v = krw / divisor, lo = low / divisor, hi = high / divisor;
        int d = Math.Max(Decimals(v, lo, hi), divisor > 1 ? 1 : 0);
        string text = $"{Number(v, d)} {unit}";
        return double.IsFinite(low) && double.IsFinite(high) ? $"{text} [{Number(lo, d)}, {Number(hi, d)}]" : text;
    }

    /// <summary>The extra cost with its interval, or "undefined".</summary>
    public static string Krw(PairedStatistics cost) =>
        cost.N == 0 ? Undefined : Krw(cost.Mean, cost.CiLow, cost.CiHigh);

    /// <summary>The unit KRW amounts of this size are written in: KRW below a million, then million, then billion (bn).</summary>
    public static (double Divisor, string Unit) KrwScale(double magnitude) =>
        magnitude >= 1e9 ? (1e9, "bn KRW") : magnitude >= 1e6 ? (1e6, "million KRW") : (1, "KRW");

    private static double Abs(double v) => double.IsFinite(v) ? Math.Abs(v) : 0;
}
