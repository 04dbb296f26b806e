using System.Globalization;

namespace BrainDrainSim.Model;

/// <summary>A calendar month, written YYYY-MM in scenarios and outputs.</summary>
public readonly record struct YearMonth(int Year, int Month) : IComparable<YearMonth>
{
    /// <summary>Months from 0001-01, so that differences are plain subtraction.</summary>
    public int Ordinal => Year * 12 + (Month - 1);

    /// <summary>The month <paramref name="ordinal"/> months after 0001-01 (the inverse of <see cref="Ordinal"/>).</summary>
    public static YearMonth FromOrdinal(int ordinal) => new(ordinal / 12, ordinal % 12 + 1);

    /// <summary>The month <paramref name="months"/> later (earlier when negative).</summary>
    public YearMonth AddMonths(int months) => FromOrdinal(Ordinal + months);

    /// <summary>How many months this month comes after <paramref name="earlier"/> (negative when before it).</summary>
    public int MonthsSince(YearMonth earlier) => Ordinal - earlier.Ordinal;

    /// <inheritdoc/>
    public int CompareTo(YearMonth other) => Ordinal.CompareTo(other.Ordinal);

    /// <summary>True when <paramref name="a"/> comes before <paramref name="b"/>.</summary>
    public static bool operator <(YearMonth a, YearMonth b) => a.Ordinal < b.Ordinal;

    /// <summary>True when <paramref name="a"/> comes after <paramref name="b"/>.</summary>
    public static bool operator >(YearMonth a, YearMonth b) => a.Ordinal > b.Ordinal;

    /// <summary>True when <paramref name="a"/> is <paramref name="b"/> or comes before it.</summary>
    public static bool operator <=(YearMonth a, YearMonth b) => a.Ordinal <= b.Ordinal;

    /// <summary>True when <paramref name="a"/> is <paramref name="b"/> or comes after it.</summary>
    public static bool operator >=(YearMonth a, YearMonth b) => a.Ordinal >= b.Ordinal;

    /// <summary>Parses exactly YYYY-MM (month 01-12, year 1900-2999).</summary>
    public static bool TryParse(string? text, out YearMonth value)
    {
        value = default;
        if (text is null || text.Length != 7 || text[4] != '-') return false;
        if (!int.TryParse(text.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var y)) return false;
        if (!int.TryParse(text.AsSpan(5, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var m)) return false;
        if (y < 1900 || y > 2999 || m < 1 || m > 12) return false;
        value = new YearMonth(y, m);
        return true;
    }

    /// <summary>Parses exactly YYYY-MM; throws <see cref="FormatException"/> otherwise (scenario files go through <see cref="TryParse"/>).</summary>
    public static YearMonth Parse(string text) =>
        TryParse(text, out var v) ? v : throw new FormatException($"'{text}' is not a month in the form YYYY-MM");

    /// <summary>YYYY-MM, as scenarios and outputs write months.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-{Month:D2}");
}
