using System.Text;
using System.Text.RegularExpressions;

namespace BrainDrainSim.Cli.Tests;

/// <summary>
/// The corpus of broken scenario files in tests/broken/: each file's first line declares how many errors it
/// has (<c># expect: 2 errors</c>) and an optional second line the key path of each, in file order
/// (<c># keys: months, levers[0].until</c>). `braindrain validate` must print exactly those errors, one line
/// each, naming file:line:column and the key, and exit 2.
/// </summary>
public sealed partial class BrokenCorpusTests
{
    private static readonly string Folder = Path.Combine(Braindrain.RepoRoot, "tests", "broken");

    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        foreach (var f in Directory.GetFiles(Folder, "*.yaml").Order(StringComparer.Ordinal)) data.Add(Path.GetFileName(f));
        return data;
    }

    [Fact]
    public void The_corpus_has_a_file_for_each_kind_of_mistake()
    {
        var names = Directory.GetFiles(Folder, "*.yaml").Select(Path.GetFileNameWithoutExtension).ToHashSet();
        Assert.InRange(names.Count, 15, 30);
        foreach (var kind in new[] { "misspelt-lever-key", "bad-dates", "until-before-at", "shares-not-one", "negative-count", "unknown-lever-type",
                     "wrong-types", "tab-indentation", "extends-cycle-a", "extends-cycle-b", "extends-missing", "alias-bomb", "empty" })
            Assert.Contains(kind, names);
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Validate_prints_exactly_the_declared_errors(string name)
    {
        string file = Path.Combine(Folder, name);
        var (expected, keys) = Header(file);
        var r = Braindrain.Run(Folder, "validate", file);

        Assert.True(r.ExitCode == 2, $"exit code {r.ExitCode}\n{r.All}");
        Assert.Equal("", r.Stdout);
        Assert.DoesNotContain("   at ", r.All);
        Assert.DoesNotMatch(ExceptionName(), r.All);

        var lines = r.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var errors = lines.Select(l => ErrorLine().Match(l)).Where(m => m.Success).ToList();
        string all = string.Join("\n", lines);
        Assert.True(errors.Count == expected, $"{name} declares {expected} error(s); validate printed {errors.Count}:\n{all}");
        // Besides the errors, only the closing summary.
        Assert.Equal([$"{file}: {expected} error{(expected == 1 ? "" : "s")}; nothing was run or written."], lines.Where(l => !ErrorLine().IsMatch(l)));

        for (int i = 0; i < errors.Count; i++)
        {
            var m = errors[i];
            Assert.True(File.Exists(m.Groups["file"].Value), $"the error names a file that does not exist: {m.Value}");
            Assert.StartsWith(Folder + Path.DirectorySeparatorChar, m.Groups["file"].Value);
            Assert.True(int.Parse(m.Groups["line"].Value) > 0 && int.Parse(m.Groups["column"].Value) > 0, $"no line and column: {m.Value}");
            string rest = m.Groups["rest"].Value;
            Assert.True(rest.Length > 0, $"an empty message: {m.Value}");
            if (keys is not null) Assert.True(rest.StartsWith(keys[i] + ": ", StringComparison.Ordinal), $"error {i + 1} should name the key {keys[i]}:\n{all}");
        }
    }

    /// <summary>The declared error count (first line) and key paths (second line, when it starts with "# keys:").</summary>
    private static (int Count, string[]? Keys) Header(string file)
    {
        // Latin-1 reads any byte, so a corpus file that is deliberately not UTF-8 still has its header read.
        var lines = File.ReadAllLines(file, Encoding.Latin1);
        var expect = Regex.Match(lines[0], @"^# expect: (\d+) errors?$");
        Assert.True(expect.Success, $"{file} must start with '# expect: N error(s)', not '{lines[0]}'");
        int count = int.Parse(expect.Groups[1].Value);
        string[]? keys = null;
        if (lines.Length > 1 && lines[1].StartsWith("# keys: ", StringComparison.Ordinal))
        {
            keys = lines[1]["# keys: ".Length..].Split(", ");
            Assert.True(keys.Length == count, $"{file} declares {count} error(s) but {keys.Length} key(s)");
        }
        Assert.True(lines.Skip(keys is null ? 1 : 2).First().StartsWith("# ", StringComparison.Ordinal), $"{file} must say on its first lines what is wrong");
        return (count, keys);
    }

    [GeneratedRegex(@"^(?<file>.+?\.yaml):(?<line>\d+):(?<column>\d+): (?<rest>.*)$")]
    private static partial Regex ErrorLine();

    [GeneratedRegex(@"\b[A-Z][A-Za-z]*Exception\b")]
    private static partial Regex ExceptionName();
}
