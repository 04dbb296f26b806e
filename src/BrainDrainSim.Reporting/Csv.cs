using System.Globalization;
using System.Text;

namespace BrainDrainSim.Reporting;

/// <summary>
/// The one place CSV text is spelt: RFC 4180 quoting, "\n" line endings, invariant-culture numbers, and
/// undefined numbers as empty cells (never "NaN" or "Infinity", which spreadsheets and pandas read differently).
/// </summary>
internal sealed class Csv
{
    private readonly StringBuilder _text = new();

    public static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    public Csv Row(IEnumerable<string> fields)
    {
        bool first = true;
        foreach (var f in fields)
        {
            if (!first) _text.Append(',');
            _text.Append(Field(f));
            first = false;
        }
        _text.Append('\n');
        return this;
    }

    public override string ToString() => _text.ToString();

    /// <summary>Quotes a field only when it holds a comma, quote or line break; quotes inside are doubled.</summary>
    public static string Field(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.AsSpan().IndexOfAny(",\"\r\n") < 0) return value;
        return "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    /// <summary>Shortest round-trip text; empty for NaN or infinities; negative zero as 0.</summary>
    public static string Number(double value)
    {
        if (!double.IsFinite(value)) return "";
        if (value == 0) return "0";
        return value.ToString("R", CultureInfo.InvariantCulture);
    }

    public static string Integer(long value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Integer(ulong value) => value.ToString(CultureInfo.InvariantCulture);
}
