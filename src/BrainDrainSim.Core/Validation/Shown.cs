using System.Globalization;
using System.Text;

namespace BrainDrainSim.Scenarios;

/// <summary>
/// User text as an error message shows it: invisible characters escaped and long text cut, so that a message
/// stays one readable line whatever the file holds (a key of a million characters, a NUL, a zero-width space).
/// </summary>
internal static class Shown
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
