using System.Security.Cryptography;
using System.Text;
using BrainDrainSim.Model;
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
    /// <summary>What a scenario file is, as file-level messages name it.</summary>
    private const string Document = "a scenario file";

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
        if (text is not null && !SourceFile.Fits(text))
        {
            errors.Add(fullPath, 0, 0, "", SourceFile.TooLarge(Shown.FilePath(fullPath), Document));
            return null;
        }
        return Load(fullPath, text is null ? null : Encoding.UTF8.GetBytes(text), [], referrer: null);
    }

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

        var tree = SourceFile.Decode(bytes, fullPath, errors) is { } text ? SourceTreeReader.Read(text, fullPath, errors) : null;
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
        string notFound = referrer is null ? $"cannot find the scenario file {named}" : $"cannot find the file {named} that extends names";
        return SourceFile.Read(fullPath, named, Document, notFound, Fail);
    }

    /// <summary>
    /// The posterior a scenario file names, read relative to that file's folder and recorded with the scenario's
    /// files (so the input hash, checkpoints and manifests see its bytes); null with an error at the <c>file:</c> value.
    /// </summary>
    public PosteriorSample? LoadPosterior(PosteriorEntry entry)
    {
        void Fail(string message) => errors.Add(entry.FileNode, entry.KeyPath, message);

        string dir = Path.GetDirectoryName(entry.FileNode.File) is { Length: > 0 } d ? d : Directory.GetCurrentDirectory();
        string fullPath;
        try
        {
            fullPath = Path.GetFullPath(Path.Combine(dir, entry.File));
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            Fail($"'{Shown.FilePath(entry.File)}' is not a usable file path");
            return null;
        }
        string named = $"'{Shown.FilePath(entry.File)}' (looked for {Shown.FilePath(fullPath)})";
        var bytes = SourceFile.Read(fullPath, named, "a posterior file", $"cannot find the posterior file {named}", Fail);
        if (bytes is null) return null;
        // Just before the file that names it, so that the scenario's own file stays the last of InputFiles.
        int at = files.IndexOf(entry.FileNode.File);
        files.Insert(at < 0 ? files.Count : at, fullPath);
        contents.Insert(at < 0 ? contents.Count : at, bytes);
        return PosteriorReader.Read(bytes, entry.File, Fail);
    }

    private void Record(string fullPath, byte[] bytes)
    {
        files.Add(fullPath);
        contents.Add(bytes);
    }
}
