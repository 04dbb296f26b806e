using System.Text;

namespace BrainDrainSim.Scenarios.Tests.Fuzz;

/// <summary>
/// Mutations of a scenario's text, below the YAML level: lines deleted, repeated, swapped, indented wrongly,
/// tabs for indentation, characters inserted or replaced, the file cut short; and the changes that must keep
/// a file valid (CRLF line ends, a byte-order mark, comments, document markers). Deterministic for a seed.
/// </summary>
internal static class TextMutations
{
    private const string Alphabet = "ab:- \n[]{}&*!|>'\"#%@`,?.0123456789~\t\\";

    public static IEnumerable<FuzzCase> For(string file, string text, Random random, int randomCases)
    {
        string name = Path.GetFileName(file);
        FuzzCase Case(string what, string yaml, Expect expect = Expect.Either) => new($"{name}: {what}", file, yaml, expect);
        var lines = text.Split('\n');

        yield return Case("CRLF line ends", text.Replace("\n", "\r\n", StringComparison.Ordinal), Expect.Valid);
        yield return Case("byte-order mark", "\uFEFF" + text, Expect.Valid);
        yield return Case("comment appended", text + "\n# a closing comment\n", Expect.Valid);
        yield return Case("document markers", "---\n" + text + "\n...\n", Expect.Valid);
        yield return Case("trailing spaces", string.Join("\n", lines.Select(l => l.Length == 0 ? l : l + "   ")), Expect.Valid);
        yield return Case("tabs for indentation", string.Join("\n", lines.Select(TabIndent)), Expect.Errors);
        yield return Case("no indentation", string.Join("\n", lines.Select(l => l.TrimStart(' '))), Expect.Either);
        yield return Case("everything indented by one", string.Join("\n", lines.Select(l => " " + l)), Expect.Either);
        yield return Case("second document", text + "\n---\nmonths: 12\n", Expect.Errors);
        yield return Case("NUL at the start", "\0" + text, Expect.Errors);
        yield return Case("only the comments", string.Join("\n", lines.Where(l => l.TrimStart().StartsWith('#'))), Expect.Errors);

        for (int i = 0; i < randomCases; i++)
        {
            int line = random.Next(lines.Length);
            int at = random.Next(text.Length + 1);
            switch (random.Next(14))
            {
                case 0:
                    yield return Case($"line {line + 1} deleted", string.Join("\n", lines.Where((_, k) => k != line)));
                    break;
                case 1:
                    yield return Case($"line {line + 1} repeated", string.Join("\n", lines.SelectMany((l, k) => k == line ? new[] { l, l } : [l])));
                    break;
                case 2:
                    if (line + 1 < lines.Length)
                        yield return Case($"lines {line + 1} and {line + 2} swapped",
                            string.Join("\n", lines.Select((l, k) => k == line ? lines[line + 1] : k == line + 1 ? lines[line] : l)));
                    break;
                case 3:
                    yield return Case($"line {line + 1} indented by one more", string.Join("\n", lines.Select((l, k) => k == line ? " " + l : l)));
                    break;
                case 4:
                    yield return Case($"line {line + 1} dedented by one", string.Join("\n", lines.Select((l, k) => k == line && l.StartsWith(' ') ? l[1..] : l)));
                    break;
                case 5:
                    yield return Case($"line {line + 1} indented with a tab", string.Join("\n", lines.Select((l, k) => k == line ? TabIndent(l) : l)));
                    break;
                case 6:
                {
                    char c = Alphabet[random.Next(Alphabet.Length)];
                    yield return Case($"'{Printable(c)}' inserted at {at}", text.Insert(at, c.ToString()));
                    break;
                }
                case 7:
                    if (at < text.Length)
                    {
                        char c = Alphabet[random.Next(Alphabet.Length)];
                        yield return Case($"character {at} replaced by '{Printable(c)}'", text.Remove(at, 1).Insert(at, c.ToString()));
                    }
                    break;
                case 8:
                    yield return Case($"cut at {at}", text[..at]);
                    break;
                case 9:
                {
                    string junk = random.Next(6) switch
                    {
                        0 => "\0",
                        1 => "\u0001",
                        2 => "\uFFFE",
                        3 => "\uD800",
                        4 => "\u007F",
                        _ => "\u001B[31m",
                    };
                    // A lone surrogate cannot be stored as UTF-8 (LoadText stores it as U+FFFD), so it may pass in a comment.
                    yield return Case($"control character U+{(int)junk[0]:X4} at {at}", text.Insert(at, junk), junk == "\uD800" ? Expect.Either : Expect.Errors);
                    break;
                }
                case 10:
                {
                    string junk = random.Next(4) switch
                    {
                        0 => "\uFEFF",
                        1 => "\u00A0",
                        2 => "\u200B",
                        _ => "\u2028",
                    };
                    yield return Case($"U+{(int)junk[0]:X4} at {at}", text.Insert(at, junk));
                    break;
                }
                case 11:
                {
                    // A run of random characters: what a bad merge or a stray paste leaves.
                    var sb = new StringBuilder();
                    int n = random.Next(1, 40);
                    for (int k = 0; k < n; k++) sb.Append(Alphabet[random.Next(Alphabet.Length)]);
                    yield return Case($"{n} random characters at {at}", text.Insert(at, sb.ToString()));
                    break;
                }
                case 12:
                {
                    int other = random.Next(lines.Length);
                    yield return Case($"line {other + 1} copied after line {line + 1}",
                        string.Join("\n", lines.SelectMany((l, k) => k == line ? new[] { l, lines[other] } : [l])));
                    break;
                }
                default:
                {
                    // A key: value line whose colon is dropped or doubled.
                    int colon = lines[line].IndexOf(':');
                    if (colon > 0)
                    {
                        string changed = random.Next(2) == 0 ? lines[line].Remove(colon, 1) : lines[line].Insert(colon, ":");
                        yield return Case($"colon changed on line {line + 1}", string.Join("\n", lines.Select((l, k) => k == line ? changed : l)));
                    }
                    break;
                }
            }
        }
    }

    /// <summary>The line's leading spaces as tabs (one tab for each two spaces, at least one).</summary>
    private static string TabIndent(string line)
    {
        int spaces = line.Length - line.TrimStart(' ').Length;
        return spaces == 0 ? line : new string('\t', Math.Max(1, spaces / 2)) + line[spaces..];
    }

    private static string Printable(char c) => c switch { '\n' => "\\n", '\t' => "\\t", _ => c.ToString() };
}
