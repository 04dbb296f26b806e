using System.Text;

namespace BrainDrainSim.Scenarios.Tests.Fuzz;

/// <summary>
/// The inputs that no small mutation reaches: empty and non-mapping documents, binary junk and bad encodings,
/// deep nesting, alias bombs, files of hundreds of megabytes, devices and folders, and <c>extends</c> gone
/// wrong (cycles, missing files, folders, broken or huge bases). Files are written into a temporary folder.
/// </summary>
internal static class SpecialInputs
{
    public const long HugeBytes = 300L * 1024 * 1024;

    /// <param name="scenarios">A copy of the scenario library, so that byte-level files can extend baseline.yaml.</param>
    public static IEnumerable<FuzzCase> All(string folder, string scenarios, Random random)
    {
        string X(string name) => Path.Combine(folder, name);
        FuzzCase Text(string name, string yaml, Expect expect, string? fragment = null) =>
            new($"special: {name}", X("special.yaml"), yaml, expect) { Fragment = fragment };
        FuzzCase File(string name, string path, Expect expect, string? fragment = null) =>
            new($"special: {name}", path, null, expect) { Fragment = fragment };
        string Bytes(string name, byte[] bytes)
        {
            System.IO.File.WriteAllBytes(X(name), bytes);
            return X(name);
        }
        string baseline = System.IO.File.ReadAllText(Path.Combine(scenarios, "baseline.yaml"));

        // Empty and not a mapping.
        foreach (var (name, yaml) in new[] { ("empty text", ""), ("spaces", "   "), ("blank lines", "\n\n\n"), ("a comment", "# nothing\n"),
                     ("document start", "---\n"), ("document end", "...\n"), ("tilde", "~\n"), ("null", "null\n") })
            yield return Text(name, yaml, Expect.Errors, "the file is empty");
        foreach (var (name, yaml) in new[] { ("empty list", "[]\n"), ("empty map", "{}\n"), ("a list", "- a\n- b\n"), ("text", "just some text\n"),
                     ("a number", "42\n"), ("key without space", "months:12\n"), ("tagged binary", "!!binary aGVsbG8=\n") })
            yield return Text(name, yaml, name == "empty map" ? Expect.Valid : Expect.Errors);

        // YAML syntax.
        foreach (var (name, yaml) in new[]
                 {
                     ("unclosed flow list", "months: [1, 2\nstart: 2025-01\n"), ("unclosed flow map", "population: {at_home: 5\n"),
                     ("unclosed quote", "name: 'abc\nmonths: 12\n"), ("stray bracket", "months: 12]\n"), ("two colons", "months: 12: 13\n"),
                     ("bad indentation", "population:\n  at_home: 5\n   abroad_us: 3\n"), ("tab indentation", "population:\n\tat_home: 5\n"),
                     ("tab after colon", "months:\t12\n"), ("undefined alias", "months: *nope\n"), ("self alias", "a: &a [*a]\n"),
                     ("unknown directive", "%FOO bar\n---\nmonths: 12\n"), ("YAML 1.2 directive", "%YAML 1.2\n---\nmonths: 12\n"),
                     ("custom tag", "name: !custom x\n"), ("complex key", "? [a, b]\n: 1\n"), ("merge key", "base: &b {months: 12}\n<<: *b\n"),
                     ("only a colon", ":\n"), ("only a dash", "-\n"), ("lone quote", "'\n"), ("block scalar for a number", "months: |\n  12\n"),
                     ("anchor on a key", "&k months: 12\n"), ("duplicate keys", "months: 12\nmonths: 13\nmonths: 14\n"),
                     ("second document", "months: 12\n---\nmonths: 24\n"), ("three documents", "a: 1\n---\nb: 2\n---\nc: 3\n"),
                     ("a name that is a path", "name: ../../elsewhere\n"), ("a NUL in the name", "name: \"a\\0b\"\n"),
                     ("a name of 300 characters", $"name: {new string('n', 300)}\n"),
                 })
            yield return Text(name, yaml, name switch
            {
                // YAML says an unknown directive is ignored (with a warning).
                "YAML 1.2 directive" or "anchor on a key" or "unknown directive" => Expect.Valid,
                "tab after colon" or "custom tag" => Expect.Either,
                _ => Expect.Errors,
            });

        // Deep nesting, every way YAML can nest.
        yield return Text("10,000 open flow lists", "a: " + new string('[', 10_000), Expect.Errors, "nested more than");
        yield return Text("200,000 open flow maps", "a: " + Repeat("{a: ", 200_000), Expect.Errors, "nested more than");
        yield return Text("100,000 closed flow lists", "a: " + new string('[', 100_000) + new string(']', 100_000), Expect.Errors, "nested more than");
        yield return Text("3,000 block maps", BlockMaps(3000), Expect.Errors, "nested more than");
        yield return Text("3,000 block lists on one line", "a:\n" + Repeat("- ", 3000) + "x\n", Expect.Errors, "nested more than");
        yield return Text("deep under coefficients", "coefficients:\n  b_gpu: " + new string('[', 5000) + "\n", Expect.Errors, "nested more than");
        yield return Text("99 levels", "a: " + new string('[', 98) + new string(']', 98) + "\n", Expect.Errors);

        // Alias bombs: a few lines that expand to billions of nodes.
        yield return Text("billion laughs (lists)", Laughs("[{0}]", "x"), Expect.Errors, "more than 1,000,000 nodes");
        yield return Text("billion laughs (maps)", Laughs("{{{0}}}", "k0: x"), Expect.Errors, "more than 1,000,000 nodes");
        yield return Text("billion laughs under a real key", "levers: *l9\n" + Laughs("[{0}]", "x"), Expect.Errors);
        yield return Text("wide alias fan-out", "a: &a " + new string('x', 10_000) + "\nb: [" + string.Join(", ", Enumerable.Repeat("*a", 200_000)) + "]\n", Expect.Errors);

        // Many keys and many errors.
        yield return Text("200,000 unknown keys", string.Concat(Enumerable.Range(0, 200_000).Select(i => $"key{i}: {i}\n")), Expect.Errors);
        yield return Text("100,000 duplicate keys", string.Concat(Enumerable.Repeat("months: 12\n", 100_000)), Expect.Errors, "duplicate key");
        yield return Text("20,000 bad levers", "levers:\n" + string.Concat(Enumerable.Repeat("  - {type: visa_policy, at: 2025-13, fee_usd: -1, zz: 1}\n", 20_000)), Expect.Errors);
        yield return Text("a key of 1,000,000 characters", new string('k', 1_000_000) + ": 1\n", Expect.Errors);
        yield return Text("a sector name of 1,000,000 characters",
            "levers:\n  - {type: compute_voucher, at: 2025-01, gpu_hours_per_researcher_per_month: 1, sector: " + new string('s', 1_000_000) + ", price_krw_per_gpu_hour: 3500}\n", Expect.Errors);
        yield return Text("text longer than the size limit", "name: x\n# " + new string('x', (int)ScenarioSourcesLimit + 16) + "\n", Expect.Errors, "larger than");

        // Bytes: binary junk and bad encodings, through Load (LoadText takes text, not bytes).
        foreach (int size in new[] { 1, 7, 64, 4096, 65536 })
            for (int k = 0; k < 3; k++)
            {
                var junk = new byte[size];
                random.NextBytes(junk);
                yield return File($"{size} random bytes #{k}", Bytes($"random-{size}-{k}.yaml", junk), Expect.Either);
            }
        yield return File("only NUL bytes", Bytes("nul.yaml", new byte[1000]), Expect.Errors, "control character");
        yield return File("zero bytes", Bytes("zero.yaml", []), Expect.Errors, "the file is empty");
        yield return File("a UTF-8 byte-order mark only", Bytes("bom.yaml", [0xEF, 0xBB, 0xBF]), Expect.Errors, "the file is empty");
        byte[] utf8 = Encoding.UTF8.GetBytes(baseline);
        foreach (var (name, bad) in new (string, byte[])[]
                 {
                     ("byte FF", [0xFF]), ("broken pair C3 28", [0xC3, 0x28]), ("truncated sequence E2 82", [0xE2, 0x82]),
                     ("overlong C0 AF", [0xC0, 0xAF]), ("encoded surrogate ED A0 80", [0xED, 0xA0, 0x80]), ("Latin-1 e-acute", [0xE9]),
                 })
        {
            int at = Encoding.UTF8.GetByteCount(baseline[..baseline.IndexOf("months:", StringComparison.Ordinal)]) + 9;
            yield return File($"invalid UTF-8 ({name})", Bytes($"utf8-{name.Replace(' ', '-')}.yaml", [.. utf8[..at], .. bad, .. utf8[at..]]), Expect.Errors, "not UTF-8");
        }
        yield return File("invalid UTF-8 at the very end", Bytes("utf8-end.yaml", [.. utf8, 0xE2, 0x82]), Expect.Errors, "not UTF-8");
        yield return File("UTF-16 LE with a byte-order mark", Bytes("utf16le.yaml", [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(baseline)]), Expect.Valid);
        yield return File("UTF-16 BE with a byte-order mark", Bytes("utf16be.yaml", [.. Encoding.BigEndianUnicode.GetPreamble(), .. Encoding.BigEndianUnicode.GetBytes(baseline)]), Expect.Valid);
        yield return File("UTF-16 without a byte-order mark", Bytes("utf16-nobom.yaml", Encoding.Unicode.GetBytes(baseline)), Expect.Errors);
        yield return File("UTF-32 LE with a byte-order mark", Bytes("utf32.yaml", [.. Encoding.UTF32.GetPreamble(), .. Encoding.UTF32.GetBytes(baseline)]), Expect.Valid);
        yield return File("a PNG header", Bytes("png.yaml", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D]), Expect.Errors);
        yield return File("a gzip header", Bytes("gz.yaml", [0x1F, 0x8B, 0x08, 0, 0, 0, 0, 0, 0, 3]), Expect.Errors);

        // Size: hundreds of megabytes, just under and over the limit, a device that never ends, folders, missing files.
        yield return File("300 MB of comment", Huge(X("huge-comment.yaml"), "name: huge\n# ", (byte)'x', HugeBytes), Expect.Errors, "larger than");
        yield return File("300 MB list", Huge(X("huge-list.yaml"), "levers:\n", "  - {type: visa_policy, at: 2025-10, fee_usd: 1}\n"u8.ToArray(), HugeBytes), Expect.Errors, "larger than");
        yield return File("a comment just under the limit", Huge(X("under-limit.yaml"), baseline + "\n# ", (byte)'x', ScenarioSourcesLimit - 1024, "\n"), Expect.Valid);
        yield return File("a list just under the limit", Huge(X("under-limit-list.yaml"), "x:\n", "- 1\n"u8.ToArray(), ScenarioSourcesLimit - 1024), Expect.Errors, "more than 1,000,000 nodes");
        yield return File("a value just under the limit", Huge(X("under-limit-value.yaml"), "description: ", (byte)'d', ScenarioSourcesLimit - 1024, "\n"), Expect.Valid);
        yield return File("a key just under the limit", Huge(X("under-limit-key.yaml"), "", (byte)'k', ScenarioSourcesLimit - 1024, ": 1\n"), Expect.Errors);
        if (System.IO.File.Exists("/dev/zero")) yield return File("/dev/zero", "/dev/zero", Expect.Errors, "larger than");
        if (System.IO.File.Exists("/dev/null")) yield return File("/dev/null", "/dev/null", Expect.Errors, "the file is empty");
        Directory.CreateDirectory(X("folder.yaml"));
        yield return File("a folder", X("folder.yaml"), Expect.Errors, "is a directory");
        yield return File("a missing file", X("missing.yaml"), Expect.Errors, "cannot find");
        yield return File("a path of 5,000 characters", X(new string('p', 5000) + ".yaml"), Expect.Errors);

        foreach (var c in Extends(folder, scenarios)) yield return c;
    }

    /// <summary><c>extends</c> gone wrong. Each file is written once; the cases load them from disk.</summary>
    private static IEnumerable<FuzzCase> Extends(string folder, string scenarios)
    {
        string dir = Path.Combine(folder, "extends");
        Directory.CreateDirectory(dir);
        string Write(string name, string text)
        {
            string path = Path.Combine(dir, name);
            System.IO.File.WriteAllText(path, text);
            return path;
        }
        FuzzCase Case(string name, string path, Expect expect, string? fragment = null) =>
            new($"extends: {name}", path, null, expect) { Fragment = fragment };
        string baseline = Path.Combine(scenarios, "baseline.yaml");

        yield return Case("itself", Write("self.yaml", "extends: self.yaml\n"), Expect.Errors, "extends makes a cycle: self.yaml -> self.yaml");
        Write("pair-b.yaml", "extends: pair-a.yaml\nmonths: 12\n");
        yield return Case("a cycle of two", Write("pair-a.yaml", "extends: pair-b.yaml\n"), Expect.Errors, "extends makes a cycle: pair-a.yaml -> pair-b.yaml -> pair-a.yaml");
        Write("tri-b.yaml", "extends: tri-c.yaml\n");
        Write("tri-c.yaml", "extends: ./sub/../tri-a.yaml\n");
        yield return Case("a cycle of three through ./sub/..", Write("tri-a.yaml", "extends: tri-b.yaml\n"), Expect.Errors, "cycle");
        yield return Case("a missing file", Write("missing.yaml", "extends: no-such-file.yaml\n"), Expect.Errors, "cannot find the file");
        Directory.CreateDirectory(Path.Combine(dir, "sub"));
        yield return Case("a folder", Write("folder.yaml", "extends: sub\n"), Expect.Errors, "is a directory");
        yield return Case("a folder with a slash", Write("folder-slash.yaml", "extends: sub/\n"), Expect.Errors, "is a directory");
        yield return Case("an empty value", Write("empty-value.yaml", "extends:\n"), Expect.Errors, "expected the path");
        yield return Case("a quoted empty value", Write("empty-quoted.yaml", "extends: ''\n"), Expect.Errors, "expected the path");
        yield return Case("a list", Write("list.yaml", $"extends: [{baseline}]\n"), Expect.Errors, "expected the path");
        yield return Case("a map", Write("map.yaml", "extends: {file: baseline.yaml}\n"), Expect.Errors, "expected the path");
        yield return Case("a NUL in the path", Write("nul-path.yaml", "extends: \"base\\0line.yaml\"\n"), Expect.Errors);
        yield return Case("a path of 5,000 characters", Write("long-path.yaml", $"extends: {new string('p', 5000)}.yaml\n"), Expect.Errors);
        yield return Case("/dev/zero", Write("dev-zero.yaml", "extends: /dev/zero\n"), Expect.Errors, "larger than");
        yield return Case("a 300 MB file", Write("huge.yaml", "extends: ../huge-comment.yaml\n"), Expect.Errors, "larger than");
        yield return Case("a binary file", Write("binary.yaml", "extends: ../random-4096-0.yaml\n"), Expect.Errors);
        yield return Case("an empty file", Write("to-empty.yaml", "extends: ../zero.yaml\n"), Expect.Errors, "the file is empty");
        yield return Case("invalid UTF-8", Write("to-latin1.yaml", "extends: ../utf8-Latin-1-e-acute.yaml\n"), Expect.Errors, "not UTF-8");
        Write("syntax.yaml", "months: [1, 2\n");
        yield return Case("a file with a syntax error", Write("to-syntax.yaml", "extends: syntax.yaml\n"), Expect.Errors, "YAML syntax error");
        Write("list-root.yaml", "- a\n- b\n");
        yield return Case("a list file", Write("to-list.yaml", "extends: list-root.yaml\n"), Expect.Errors, "must be a mapping");
        Write("bomb.yaml", Laughs("[{0}]", "x"));
        yield return Case("an alias bomb", Write("to-bomb.yaml", "extends: bomb.yaml\n"), Expect.Errors, "more than 1,000,000 nodes");
        Write("bad-base.yaml", $"extends: {baseline}\nmonths: 0\ncoefficients: {{b_gpux: 1}}\n");
        yield return Case("a base with errors", Write("to-bad-base.yaml", "extends: bad-base.yaml\nname: child\n"), Expect.Errors, "did you mean 'b_gpu'");
        // A long but legal chain of bases ends in the baseline.
        string previous = baseline;
        for (int i = 0; i < 200; i++) previous = Write($"chain-{i}.yaml", $"extends: {previous}\nmonths: {100 + i % 20}\n");
        yield return Case("a chain of 200 bases", previous, Expect.Valid);
    }

    /// <summary>The loader's size limit (kept here so that the cases sit just under and over it).</summary>
    internal const long ScenarioSourcesLimit = 16L * 1024 * 1024;

    private static string Repeat(string s, int n) => new StringBuilder(s.Length * n).Insert(0, s, n).ToString();

    private static string BlockMaps(int depth)
    {
        var sb = new StringBuilder();
        for (int i = 0; i < depth; i++) sb.Append(' ', i).Append("a:\n");
        return sb.Append(' ', depth).Append("b: 1\n").ToString();
    }

    /// <summary>Ten anchors, each holding ten aliases of the one before: 10^10 nodes from a dozen lines.</summary>
    private static string Laughs(string container, string leaf)
    {
        var sb = new StringBuilder($"l0: &l0 {string.Format(container, string.Join(", ", Enumerable.Repeat(leaf, 10)))}\n");
        for (int i = 1; i < 10; i++)
        {
            string items = container.StartsWith('{')
                ? string.Join(", ", Enumerable.Range(0, 10).Select(k => $"k{k}: *l{i - 1}"))
                : string.Join(", ", Enumerable.Repeat($"*l{i - 1}", 10));
            sb.Append($"l{i}: &l{i} {string.Format(container, items)}\n");
        }
        return sb.ToString();
    }

    private static string Huge(string path, string head, byte fill, long bytes, string tail = "") =>
        Huge(path, head, [fill], bytes, tail);

    /// <summary>Writes head, then the unit repeated up to about <paramref name="bytes"/>, then tail; returns the path.</summary>
    private static string Huge(string path, string head, byte[] unit, long bytes, string tail = "")
    {
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20);
        stream.Write(Encoding.UTF8.GetBytes(head));
        var block = new byte[1 << 20];
        int perBlock = block.Length / unit.Length * unit.Length;
        for (int i = 0; i < perBlock; i++) block[i] = unit[i % unit.Length];
        long written = head.Length;
        while (written < bytes)
        {
            int n = (int)Math.Min(perBlock, (bytes - written) / unit.Length * unit.Length);
            if (n == 0) break;
            stream.Write(block, 0, n);
            written += n;
        }
        stream.Write(Encoding.UTF8.GetBytes(tail));
        return path;
    }
}
