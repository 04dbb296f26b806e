using System.Globalization;
using BrainDrainSim.Model;
using BrainDrainSim.Model.Shape;
using BrainDrainSim.Validation;
using BrainDrainSim.Scenarios.Source;

namespace BrainDrainSim.Scenarios.Binding;

/// <summary>
/// Reads scalar text as the type its property asks for. Each reader gives the value or the plain-English
/// reason it cannot, never an exception.
/// </summary>
internal static class ScalarReader
{
    /// <param name="expected">How the wanted value is named in messages: "a number" or "a whole number".</param>
    public static bool TryNumber(SourceNode node, out double value, out string error, string expected = "a number")
    {
        value = 0;
        error = "";
        if (node is not SourceScalar s)
        {
            error = $"expected {expected}, not {node.Describe()}";
            return false;
        }
        if (!s.IsPlain)
        {
            error = $"expected {expected}, not the quoted text {s.Describe()} (leave numbers unquoted)";
            return false;
        }
        if (s.IsNull)
        {
            error = $"expected {expected}, but the value is empty";
            return false;
        }
        string text = s.Value.Trim();
        // YAML's spellings of NaN and infinity: no scenario quantity may be either.
        if (text is ".nan" or ".NaN" or ".NAN")
        {
            error = "NaN is not allowed: expected a finite number";
            return false;
        }
        if (text.TrimStart('+', '-') is ".inf" or ".Inf" or ".INF")
        {
            error = "infinity is not allowed: expected a finite number";
            return false;
        }
        if (!double.TryParse(WithoutDigitSeparators(text), NumberStyles.Float, CultureInfo.InvariantCulture, out value))
        {
            error = $"expected {expected}, not {s.Describe()}";
            return false;
        }
        if (!double.IsFinite(value))
        {
            // .NET also reads "NaN", "Infinity" and overflowing literals such as 1e999.
            error = $"{s.Describe()} is not a finite number";
            return false;
        }
        return true;
    }

    public static bool TryBoolean(SourceNode node, out bool value, out string error)
    {
        value = false;
        error = "";
        if (node is SourceScalar { IsPlain: true } s)
        {
            switch (s.Value.Trim())
            {
                case "true" or "True" or "TRUE":
                    value = true;
                    return true;
                case "false" or "False" or "FALSE":
                    return true;
            }
        }
        error = $"expected true or false, not {node.Describe()}";
        return false;
    }

    public static bool TryMonth(SourceNode node, out YearMonth value, out string error)
    {
        value = default;
        error = "";
        // YAML may read 2025-07 as a plain scalar of any type; the text is what counts.
        if (node is SourceScalar { IsNull: false } s && YearMonth.TryParse(s.Value.Trim(), out value)) return true;
        error = $"expected a month as YYYY-MM (such as 2025-07), not {node.Describe()}";
        return false;
    }

    public static bool TryText(SourceNode node, out string value, out string error)
    {
        value = "";
        error = "";
        if (node is SourceScalar { IsNull: false } s)
        {
            value = s.Value;
            return true;
        }
        error = $"expected text, not {node.Describe()}";
        return false;
    }

    public static bool TryEnum(SourceNode node, Type enumType, out object? value, out string error)
    {
        value = null;
        error = "";
        var choices = EnumChoices(enumType);
        if (node is SourceScalar { IsNull: false } s)
            foreach (var (key, member) in choices)
                if (string.Equals(key, s.Value.Trim(), StringComparison.Ordinal))
                {
                    value = member;
                    return true;
                }
        error = $"expected one of: {string.Join(", ", choices.Select(c => c.Key))}; not {node.Describe()}";
        return false;
    }

    /// <summary>True for the kinds read from one scalar with no range of their own: text, a month, a choice, a switch.</summary>
    public static bool IsPlain(ValueKind kind) => kind is ValueKind.Text or ValueKind.Month or ValueKind.Choice or ValueKind.Switch;

    /// <summary>
    /// A value of a plain kind (<see cref="IsPlain"/>) of the given type, read as the scenario and the targets files both
    /// read it; for any other kind an <see cref="ArgumentOutOfRangeException"/> (a binder's bug, not the file's).
    /// </summary>
    public static bool TryPlain(ValueKind kind, Type type, SourceNode node, out object? value, out string error)
    {
        value = null;
        bool ok;
        switch (kind)
        {
            case ValueKind.Text:
                ok = TryText(node, out var text, out error);
                if (ok) value = text;
                return ok;
            case ValueKind.Month:
                ok = TryMonth(node, out var month, out error);
                if (ok) value = month;
                return ok;
            case ValueKind.Switch:
                ok = TryBoolean(node, out var on, out error);
                if (ok) value = on;
                return ok;
            case ValueKind.Choice:
                return TryEnum(node, type, out value, out error);
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, "not a plain kind");
        }
    }

    /// <summary>The YAML spelling of each member of an enum, through ScenarioNames.EnumKey (the one naming rule).</summary>
    public static IReadOnlyList<(string Key, object Member)> EnumChoices(Type enumType) =>
        EnumCache.GetOrAdd(enumType, static t =>
        {
            var enumKey = typeof(ScenarioNames).GetMethod(nameof(ScenarioNames.EnumKey))!.MakeGenericMethod(t);
            return Enum.GetValues(t).Cast<object>().Select(v => ((string)enumKey.Invoke(null, [v])!, v)).ToArray();
        });

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<Type, (string, object)[]> EnumCache = new();


    /// <summary>YAML 1.1 allows 57_000; keep that reading for underscores between digits only.</summary>
    private static string WithoutDigitSeparators(string text)
    {
        if (!text.Contains('_')) return text;
        for (int i = 0; i < text.Length; i++)
            if (text[i] == '_' && (i == 0 || i == text.Length - 1 || !char.IsAsciiDigit(text[i - 1]) || !char.IsAsciiDigit(text[i + 1])))
                return text; // leave it whole: the parse then fails and says so
        return text.Replace("_", "", StringComparison.Ordinal);
    }
}
