using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using BrainDrainSim.Validation;

namespace BrainDrainSim.Scenarios.Source;

/// <summary>
/// Turns YAML text into a <see cref="SourceNode"/> tree from YamlDotNet's parser events, so that every node
/// keeps its mark. Reading the events ourselves, rather than through YamlStream, lets us report every
/// duplicate key (YamlStream stops at the first) and bound the work an alias can cause.
/// </summary>
internal sealed class SourceTreeReader
{
    /// <summary>
    /// Nodes after alias expansion. A scenario has a few hundred; the limit only stops an alias bomb (a few
    /// lines that expand to billions of nodes) from hanging the loader.
    /// </summary>
    public const int MaxNodes = 1_000_000;

    /// <summary>Nesting depth; a scenario needs about six. The limit keeps the recursive reader far from the stack's end.</summary>
    public const int MaxDepth = 100;

    private const string StrTag = "tag:yaml.org,2002:str";

    /// <summary>What an empty scenario file lacks, after "the file is empty: ".</summary>
    public const string ScenarioNeeds = "a scenario is a mapping of keys such as name:, population: and levers:";

    private readonly string file;
    private readonly ErrorList errors;
    private readonly IParser parser;
    private readonly string emptyNeeds;
    private readonly Dictionary<string, (SourceNode Node, int Size)> anchors = new(StringComparer.Ordinal);
    private int nodeCount;
    private bool undefinedAlias;

    private SourceTreeReader(string file, ErrorList errors, IParser parser, string emptyNeeds)
    {
        this.file = file;
        this.errors = errors;
        this.parser = parser;
        this.emptyNeeds = emptyNeeds;
    }

    /// <summary>The document's root, or null when the file cannot be used at all (the error is added).</summary>
    /// <param name="text">The file's text.</param>
    /// <param name="file">The file's full path, for errors.</param>
    /// <param name="errors">Where errors go.</param>
    /// <param name="emptyNeeds">What an empty file lacks, for its message (a targets file is not a scenario).</param>
    public static SourceNode? Read(string text, string file, ErrorList errors, string emptyNeeds = ScenarioNeeds)
    {
        if (FindControlCharacter(text) is { } bad)
        {
            errors.Add(file, bad.Line, bad.Column, "",
                $"the file contains the control character U+{(int)bad.Char:X4}; it looks like a binary file, not YAML text");
            return null;
        }
        var scanner = new Scanner(new StringReader(text));
        var reader = new SourceTreeReader(file, errors, new Parser(scanner), emptyNeeds);
        try
        {
            var root = reader.ReadDocument();
            // An undefined alias is a YAML error: the value it stands for is unknown, so the file is not bound
            // (binding would add "expected a number, but the value is empty" for the same mistake).
            return reader.undefinedAlias ? null : root;
        }
        catch (YamlException e)
        {
            // YamlDotNet places a tab in the indentation at the scalar before it; point at the tab itself.
            if (e.Message.Contains("tab", StringComparison.OrdinalIgnoreCase) && FindIndentationTab(text, ToInt(e.Start.Line)) is { } tab)
                errors.Add(file, tab.Line, tab.Column, "", "YAML syntax error: a tab in the indentation; YAML indents with spaces only");
            else
                errors.Add(file, ToInt(e.Start.Line), ToInt(e.Start.Column), "", $"YAML syntax error: {e.Message}");
            return null;
        }
        catch (SourceLimitException e)
        {
            errors.Add(file, e.Line, e.Column, "", e.Message);
            return null;
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet 18.1 throws this, without a mark, for a flow list or map left open at a line end;
            // the scanner's position is where it gave up.
            var at = scanner.CurrentPosition;
            errors.Add(file, ToInt(at.Line), ToInt(at.Column), "",
                "YAML syntax error: the text cannot be read as YAML here (is a '[' or '{' left unclosed?)");
            return null;
        }
    }

    private SourceNode? ReadDocument()
    {
        Next(); // stream start
        var ev = Next();
        if (ev is StreamEnd)
        {
            errors.Add(file, 1, 1, "", $"the file is empty: {emptyNeeds}");
            return null;
        }
        var root = ReadNode(Next(), "", 0);
        Next(); // document end
        if (Next() is DocumentStart second)
            errors.Add(file, ToInt(second.Start.Line), ToInt(second.Start.Column), "",
                "the file holds more than one YAML document (a second '---'); a scenario is one document");
        if (root is SourceScalar { IsNull: true })
        {
            errors.Add(root, "", $"the file is empty: {emptyNeeds}");
            return null;
        }
        return root;
    }

    private ParsingEvent Next()
    {
        if (!parser.MoveNext() || parser.Current is null)
            throw new YamlException("unexpected end of the file");
        return parser.Current;
    }

    private SourceNode ReadNode(ParsingEvent ev, string path, int depth)
    {
        int line = ToInt(ev.Start.Line), column = ToInt(ev.Start.Column);
        switch (ev)
        {
            case AnchorAlias alias:
                if (!anchors.TryGetValue(alias.Value.Value, out var anchored))
                {
                    errors.Add(file, line, column, path, $"the alias '*{Shown.Text(alias.Value.Value)}' names no anchor defined before it");
                    undefinedAlias = true;
                    return new SourceScalar(file, line, column, "", isPlain: true);
                }
                // An alias counts as a full copy of what it names: that is the work binding it will do.
                Count(anchored.Size, line, column);
                return anchored.Node is SourceScalar s ? s.At(file, line, column) : anchored.Node;

            case Scalar scalar:
            {
                Count(1, line, column);
                bool plain = scalar.Style == ScalarStyle.Plain && !(!scalar.Tag.IsEmpty && scalar.Tag.Value == StrTag);
                var node = new SourceScalar(file, line, column, scalar.Value, plain);
                Remember(scalar.Anchor, node, 1);
                return node;
            }

            case SequenceStart start:
            {
                Deeper(depth, line, column);
                int before = nodeCount;
                Count(1, line, column);
                var items = new List<SourceNode>();
                ParsingEvent e;
                while ((e = Next()) is not SequenceEnd)
                    items.Add(ReadNode(e, $"{path}[{items.Count}]", depth + 1));
                var node = new SourceSequence(file, line, column, items);
                Remember(start.Anchor, node, nodeCount - before);
                return node;
            }

            case MappingStart start:
            {
                Deeper(depth, line, column);
                int before = nodeCount;
                Count(1, line, column);
                var entries = new List<KeyValuePair<SourceScalar, SourceNode>>();
                var firstLine = new Dictionary<string, int>(StringComparer.Ordinal);
                ParsingEvent e;
                while ((e = Next()) is not MappingEnd)
                {
                    var key = ReadNode(e, path, depth + 1);
                    string keyText = key is SourceScalar ks ? ks.Value : "";
                    var value = ReadNode(Next(), Join(path, keyText), depth + 1);
                    if (key is not SourceScalar keyScalar)
                    {
                        errors.Add(key, path, $"a key must be plain text, not {key.Describe()}");
                        continue;
                    }
                    if (firstLine.TryGetValue(keyScalar.Value, out int first))
                    {
                        // The first value is kept so that binding can go on and report the file's other errors.
                        errors.Add(keyScalar, Join(path, keyScalar.Value),
                            $"duplicate key '{Shown.Text(keyScalar.Value)}' (first given on line {first}; each key may appear once)");
                        continue;
                    }
                    firstLine[keyScalar.Value] = keyScalar.Line;
                    entries.Add(new(keyScalar, value));
                }
                var node = new SourceMapping(file, line, column, entries);
                Remember(start.Anchor, node, nodeCount - before);
                return node;
            }

            default:
                throw new YamlException(ev.Start, ev.End, $"unexpected {ev.GetType().Name}");
        }
    }

    private void Remember(AnchorName anchor, SourceNode node, int size)
    {
        if (!anchor.IsEmpty) anchors[anchor.Value] = (node, size);
    }

    private void Count(int nodes, int line, int column)
    {
        nodeCount += nodes;
        if (nodeCount > MaxNodes || nodeCount < 0)
            throw new SourceLimitException(
                $"the document expands to more than {MaxNodes:N0} nodes (through aliases?); a scenario needs a few hundred", line, column);
    }

    private static void Deeper(int depth, int line, int column)
    {
        if (depth >= MaxDepth)
            throw new SourceLimitException($"the document is nested more than {MaxDepth} levels deep; a scenario needs a few", line, column);
    }

    /// <summary>
    /// The key path of a key under <paramref name="path"/>. A key no model key resembles (empty, very long, with
    /// invisible characters) appears as an error message shows it, so that the path stays one readable line.
    /// </summary>
    internal static string Join(string path, string key) => Shown.Join(path, key);

    internal static int ToInt(long v) => v > int.MaxValue ? int.MaxValue : (int)v;

    /// <summary>The first tab in the leading white space of a line, from line <paramref name="fromLine"/> on.</summary>
    private static (int Line, int Column)? FindIndentationTab(string text, int fromLine)
    {
        var lines = text.Split('\n');
        for (int i = Math.Max(fromLine, 1) - 1; i < lines.Length; i++)
        {
            string indent = lines[i][..(lines[i].Length - lines[i].TrimStart(' ', '\t').Length)];
            if (indent.IndexOf('\t') is >= 0 and var column) return (i + 1, column + 1);
        }
        return null;
    }

    /// <summary>
    /// YAML allows no C0 control character but tab, line feed and carriage return. Finding one first gives a
    /// clear message for binary junk instead of whatever the scanner makes of it (it reads U+0001 as an empty value).
    /// </summary>
    private static (char Char, int Line, int Column)? FindControlCharacter(string text)
    {
        int line = 1, column = 1;
        foreach (char c in text)
        {
            if (c < 0x20 && c is not ('\t' or '\n' or '\r') || c == '\u007f' || c == '\uFFFE' || c == '\uFFFF')
                return (c, line, column);
            if (c == '\n') { line++; column = 1; }
            else column++;
        }
        return null;
    }
}
