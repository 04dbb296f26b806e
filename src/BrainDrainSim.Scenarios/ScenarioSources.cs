using System.Security.Cryptography;
using System.Text;
using BrainDrainSim.Validation;
using BrainDrainSim.Scenarios.Source;
using BrainDrainSim.Scenarios.Binding;

namespace BrainDrainSim.Scenarios;

/// <summary>
/// Reads a scenario file and, through <c>extends</c>, the files it builds on, merging them into one node tree.
/// Records every file read, base first, with its bytes for the input hash.
/// </summary>
internal sealed class ScenarioSources(ErrorList errors)
{
    /// <summary>A scenario is a few kilobytes; refusing huge files keeps a wrong path from filling memory.</summary>
    public const long MaxFileBytes = 16L * 1024 * 1024;

    private readonly List<string> files = [];
    private readonly List<byte[]> contents = [];

    public IReadOnlyList<string> Files => files;

    /// <summary>
    /// The merged tree of the file at <paramref name="fullPath"/> (text given, or read from disk when null),
    /// or null when a file cannot be used at all; the reasons are in the error list.
    /// </summary>
    public SourceMapping? Load(string fullPath, string? text)
    {
        // Text given in memory meets the same limit as a file read from disk (each character is at least a byte).
        if (text is not null && (text.Length > MaxFileBytes || Encoding.UTF8.GetByteCount(text) > MaxFileBytes))
        {
            errors.Add(fullPath, 0, 0, "", TooLarge(Shown.FilePath(fullPath)));
            return null;
        }
        return Load(fullPath, text is null ? null : Encoding.UTF8.GetBytes(text), [], referrer: null);
    }

    private static string TooLarge(string named) =>
        $"{named} is larger than {MaxFileBytes:N0} bytes (16 MiB); a scenario file is a few kilobytes (is it the right file?)";

    public string Hash()
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var bytes in contents) sha.AppendData(bytes);
        return "sha256:" + Convert.ToHexStringLower(sha.GetHashAndReset());
    }

    private SourceMapping? Load(string fullPath, byte[]? given, IReadOnlyList<string> chain, SourceScalar? referrer)
    {
        byte[]? bytes = given ?? Read(fullPath, referrer);
        if (bytes is null) return null;

        var tree = Decode(bytes, fullPath) is { } text ? SourceTreeReader.Read(text, fullPath, errors) : null;
        if (tree is null)
        {
            Record(fullPath, bytes);
            return null;
        }
        if (tree is not SourceMapping root)
        {
            Record(fullPath, bytes);
            errors.Add(tree, "", $"a scenario file must be a mapping of keys (name:, population:, levers: ...), not {tree.Describe()}");
            return null;
        }
        if (root[ScenarioKeys.Extends] is not { } extendsNode)
        {
            Record(fullPath, bytes);
            return root;
        }

        var basePath = ResolveExtends(extendsNode, fullPath, chain);
        SourceMapping? baseRoot = basePath is null ? null : Load(basePath, null, [.. chain, fullPath], (SourceScalar)extendsNode);
        // Recorded after the base, so that InputFiles and the hash run base first.
        Record(fullPath, bytes);
        return baseRoot is null ? null : SourceMerger.MergeRoot(baseRoot, root);
    }

    private string? ResolveExtends(SourceNode node, string fullPath, IReadOnlyList<string> chain)
    {
        if (node is not SourceScalar { IsNull: false } target || string.IsNullOrWhiteSpace(target.Value))
        {
            errors.Add(node, ScenarioKeys.Extends, $"expected the path of the scenario file this one builds on, not {node.Describe()}");
            return null;
        }
        string dir = Path.GetDirectoryName(fullPath) is { Length: > 0 } d ? d : Directory.GetCurrentDirectory();
        string basePath;
        try
        {
            basePath = Path.GetFullPath(Path.Combine(dir, target.Value.Trim()));
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            // In practice a NUL ("\0" in a quoted value), which the quoted path shows escaped; .NET's own message
            // ("Null character in path. (Parameter 'path')") would add nothing but its parameter's name.
            errors.Add(target, ScenarioKeys.Extends, $"'{Shown.FilePath(target.Value)}' is not a usable file path");
            return null;
        }
        var seen = chain.Append(fullPath).ToList();
        int loopStart = seen.FindIndex(p => string.Equals(p, basePath, StringComparison.Ordinal));
        if (loopStart >= 0)
        {
            // Name the files relative to the first one's folder: full paths would bury the loop in noise.
            string root = Path.GetDirectoryName(seen[0]) ?? "";
            var names = seen.Skip(loopStart).Append(basePath).Select(p => Shown.FilePath(Path.GetRelativePath(root, p)));
            errors.Add(target, ScenarioKeys.Extends, $"extends makes a cycle: {string.Join(" -> ", names)}");
            return null;
        }
        return basePath;
    }

    /// <summary>The file's bytes, or null with an error placed at the <c>extends</c> that named it (or the file itself).</summary>
    private byte[]? Read(string fullPath, SourceScalar? referrer)
    {
        void Fail(string message)
        {
            if (referrer is null) errors.Add(fullPath, 0, 0, "", message);
            else errors.Add(referrer, ScenarioKeys.Extends, message);
        }

        string named = referrer is null ? Shown.FilePath(fullPath) : $"'{Shown.FilePath(referrer.Value)}' (looked for {Shown.FilePath(fullPath)})";
        if (Directory.Exists(fullPath))
        {
            Fail($"{named} is a directory, not a scenario file");
            return null;
        }
        if (!File.Exists(fullPath))
        {
            Fail(referrer is null ? $"cannot find the scenario file {named}" : $"cannot find the file {named} that extends names");
            return null;
        }
        try
        {
            // Read at most one byte past the limit instead of trusting the reported length: a device such as
            // /dev/zero reports 0 and never ends.
            using var stream = new FileStream(fullPath, FileMode.Open, FileAccess.Read, FileShare.Read);
            using var buffer = new MemoryStream();
            var chunk = new byte[81920];
            int n;
            while ((n = stream.Read(chunk, 0, chunk.Length)) > 0)
            {
                buffer.Write(chunk, 0, n);
                if (buffer.Length > MaxFileBytes)
                {
                    Fail(TooLarge(named));
                    return null;
                }
            }
            return buffer.ToArray();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Security.SecurityException)
        {
            Fail($"cannot read {named}: {e.Message}");
            return null;
        }
    }

    /// <summary>The file as text (UTF-8, or UTF-16/32 with a byte-order mark), or null with an error.</summary>
    private string? Decode(byte[] bytes, string fullPath)
    {
        ReadOnlySpan<byte> span = bytes;
        bool utf16Or32 = span.StartsWith([(byte)0xFE, (byte)0xFF]) || span.StartsWith([(byte)0xFF, (byte)0xFE]) ||
                         span.StartsWith([(byte)0, (byte)0, (byte)0xFE, (byte)0xFF]);
        if (utf16Or32)
        {
            // The reader picks the encoding from the mark; a broken pair becomes U+FFFD, which YAML reads as text.
            using var reader = new StreamReader(new MemoryStream(bytes, writable: false), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
            return reader.ReadToEnd();
        }
        if (span.StartsWith([(byte)0xEF, (byte)0xBB, (byte)0xBF])) span = span[3..];
        var text = new char[span.Length];
        var status = System.Text.Unicode.Utf8.ToUtf16(span, text, out int read, out int written, replaceInvalidSequences: false);
        if (status == System.Buffers.OperationStatus.Done) return new string(text, 0, written);

        // Point at the first byte that is not UTF-8: the line and column of the text before it, counted in characters.
        var before = text.AsSpan(0, written);
        int line = before.Count('\n') + 1, column = written - (before.LastIndexOf('\n') + 1) + 1;
        errors.Add(fullPath, line, column, "",
            $"the file is not UTF-8 text: byte 0x{span[read]:X2} here is not valid UTF-8 (is it a binary file, or saved in another encoding such as EUC-KR or Latin-1? save it as UTF-8)");
        return null;
    }

    private void Record(string fullPath, byte[] bytes)
    {
        files.Add(fullPath);
        contents.Add(bytes);
    }
}
