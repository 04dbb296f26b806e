using System.Globalization;
using System.Text;

namespace BrainDrainSim.Validation;

/// <summary>
/// User text as an error message shows it: invisible characters escaped and long text cut, so that a message
/// stays one readable line whatever the file holds (a key of a million characters, a NUL, a zero-width space).
/// </summary>
public static class Shown
{
    /// <summary>Longer than any key or path of the model, so that those are always shown whole.</summary>
    public const int MaxKey = 100;

    /// <summary>
    /// The text with control, format and line-separator characters and spaces other than U+0020 written as
    /// <c>\t</c>, <c>\n</c>, <c>\r</c> or <c>\uXXXX</c>, cut to <paramref name="max"/> characters with "...".
    /// </summary>
    public static string Text(string text, int max = MaxKey)
    {
        if (text.Length <= max && !text.Any(Invisible)) return text;
        var sb = new StringBuilder(Math.Min(text.Length, max) + 8);
        foreach (char c in text)
        {
            string piece = Invisible(c) ? Escape(c) : c.ToString();
            if (sb.Length + piece.Length > max - 3)
            {
                sb.Append("...");
                break;
            }
            sb.Append(piece);
        }
        return sb.ToString();
    }

    /// <summary>A path of a file for a message: a very long one keeps its start and its end.</summary>
    public static string FilePath(string path) =>
        path.Length <= 2 * MaxKey ? Text(path, 2 * MaxKey) : Text(path[..(MaxKey - 3)], MaxKey) + "..." + Text(path[^MaxKey..], MaxKey);

    /// <summary>
    /// A key path with one more key: <c>Join("levers[0]", "count")</c> is <c>levers[0].count</c>. The key is
    /// shown as messages show user text (an empty key as <c>''</c>), so a path is always one readable line.
    /// </summary>
    public static string Join(string path, string key)
    {
        string segment = key.Length == 0 ? "''" : Text(key);
        return path.Length == 0 ? segment : $"{path}.{segment}";
    }

    /// <summary>A number as messages show it: the shortest text that reads back as the same double.</summary>
    public static string Number(double v) => v.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>A sum, whose last binary digits are noise (0.1 + 0.2), to ten significant digits.</summary>
    public static string Sum(double v) => v.ToString("G10", CultureInfo.InvariantCulture);

    private static bool Invisible(char c) =>
        char.IsControl(c) || (char.IsWhiteSpace(c) && c != ' ') || char.IsSurrogate(c) ||
        CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator;

    private static string Escape(char c) => c switch
    {
        '\t' => "\\t",
        '\n' => "\\n",
        '\r' => "\\r",
        _ => $"\\u{(int)c:X4}",
    };
}
