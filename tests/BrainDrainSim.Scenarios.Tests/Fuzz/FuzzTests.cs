using System.Diagnostics;
using System.Globalization;
using Xunit.Abstractions;

namespace BrainDrainSim.Scenarios.Tests.Fuzz;

/// <summary>
/// Issue 5, "any input gets a clear answer": every valid scenario of the library mutated thousands of ways,
/// plus binary junk, deep nesting, alias bombs, files of hundreds of megabytes and broken <c>extends</c>.
/// Every case must give a valid scenario or errors, never an exception; every error must have a message,
/// and a file, line, column and key path where the problem has a place; no case may hang or eat memory.
/// Deterministic: the same seed gives the same cases.
/// </summary>
public sealed class FuzzTests(ITestOutputHelper output)
{
    private const int Seed = 5_2025;

    /// <summary>Random (non-number) replacements tried on each scalar, on top of the number or date ones.</summary>
    private const int ValuesPerScalar = 3;

    /// <summary>Random text-level mutations per library file.</summary>
    private const int TextCasesPerFile = 150;

    /// <summary>Broken bases reached through extends.</summary>
    private const int BaseCases = 30;

    /// <summary>Only a guard against a hang, never a performance limit: a case normally takes milliseconds.</summary>
    private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(30);

    /// <summary>Allocation guard per case, equally generous: files are refused past 16 MiB.</summary>
    private const long MemoryGuard = 2L * 1024 * 1024 * 1024;

    [Fact]
    public void Every_mutation_of_every_library_scenario_gives_a_scenario_or_clear_errors()
    {
        var seeds = RepoFiles.LibraryScenarios();
        Assert.True(seeds.Count >= 8, "scenarios/ and benchmarks/scenarios/ hold the seed files");
        foreach (var seed in seeds) Assertions.Ok(ScenarioLoader.Load(seed));

        using var folder = new TempFolder();
        string library = Path.Combine(folder.Path, "scenarios");
        Directory.CreateDirectory(library);
        foreach (var f in Directory.GetFiles(Path.Combine(RepoFiles.Root, "scenarios"), "*.yaml"))
            File.Copy(f, Path.Combine(library, Path.GetFileName(f)));

        var random = new Random(Seed);
        var stats = new Stats(new OutcomeGolden(RepoFiles.Root, folder.Path));
        var baselineBreakers = new List<FuzzCase>();
        foreach (var seed in seeds)
        {
            string text = File.ReadAllText(seed);
            foreach (var c in new TreeMutations(seed, text, random, ValuesPerScalar).All())
            {
                stats.Run(c);
                if (Path.GetFileName(seed) == "baseline.yaml" && c.Expect == Expect.Errors) baselineBreakers.Add(c);
            }
            foreach (var c in TextMutations.For(seed, text, random, TextCasesPerFile)) stats.Run(c);
        }
        foreach (var c in BrokenBases(folder.Path, library, baselineBreakers, random)) stats.Run(c);
        foreach (var c in SpecialInputs.All(folder.Path, library, random)) stats.Run(c);

        string summary = stats.Summary();
        string golden = stats.Golden.Compare();
        // FUZZ_DUMP=file writes every failure there, for a look at all of them at once.
        if (Environment.GetEnvironmentVariable("FUZZ_DUMP") is { Length: > 0 } dump) File.WriteAllLines(dump, [summary, .. stats.Failures, "", "messages:", .. stats.Messages()]);
        output.WriteLine(summary);
        Console.WriteLine(summary);
        Assert.True(stats.Failures.Count == 0,
            $"{stats.Failures.Count} of {stats.Cases} cases failed; the first ones:\n" + string.Join("\n\n", stats.Failures.Take(25)));
        Assert.True(golden.Length == 0, golden);
    }

    /// <summary>
    /// A policy file whose base (baseline.yaml) is broken: the errors must be placed in the base, where they
    /// can be fixed, not in the file that extends it.
    /// </summary>
    private static IEnumerable<FuzzCase> BrokenBases(string folder, string library, List<FuzzCase> breakers, Random random)
    {
        for (int i = 0; i < BaseCases && breakers.Count > 0; i++)
        {
            var breaker = breakers[random.Next(breakers.Count)];
            string dir = Path.Combine(folder, $"base-{i}");
            Directory.CreateDirectory(dir);
            string basePath = Path.Combine(dir, "baseline.yaml");
            File.WriteAllText(basePath, breaker.Text);
            string child = Path.Combine(dir, "gpu-import-10k.yaml");
            File.Copy(Path.Combine(library, "gpu-import-10k.yaml"), child);
            yield return new FuzzCase($"broken base ({breaker.Name}) under gpu-import-10k.yaml", child, null, Expect.Errors) { ErrorIn = basePath };
        }
    }

    /// <summary>Runs cases one at a time under the guards, checks each and keeps the figures.</summary>
    private sealed class Stats(OutcomeGolden golden)
    {
        public OutcomeGolden Golden => golden;
        public List<string> Failures { get; } = [];
        public int Cases { get; private set; }
        private int valid, withErrors, errorCount;
        private TimeSpan total, longest;
        private string longestCase = "", hungriestCase = "";
        private long mostBytes;
        private readonly Dictionary<string, (int Count, string Example)> templates = new(StringComparer.Ordinal);

        public void Run(FuzzCase c)
        {
            Cases++;
            var (result, thrown, time, bytes, hung) = Load(c);
            total += time;
            if (time > longest) (longest, longestCase) = (time, c.Name);
            if (bytes > mostBytes) (mostBytes, hungriestCase) = (bytes, c.Name);
            var problems = new List<string>();
            if (hung) problems.Add($"did not finish within {HangGuard.TotalSeconds:0} s");
            else if (thrown is not null) problems.Add($"the loader threw {thrown}");
            else
            {
                problems.AddRange(CaseChecks.Problems(c, result!));
                golden.Record(c, result!);
                if (result!.Ok) valid++;
                else
                {
                    withErrors++;
                    errorCount += result.Errors.Count;
                    Survey(result.Errors);
                }
            }
            if (bytes > MemoryGuard) problems.Add($"allocated {bytes / (1024 * 1024)} MB");
            if (problems.Count > 0)
            {
                string errors = result is null ? "" : "\n    errors: " + string.Join("\n            ", result.Errors.Take(5).Select(e => Clip(e.ToString())));
                Failures.Add($"[{c.Name}] {string.Join("; ", problems.Select(Clip))}{errors}");
            }
            if (hung) throw new TimeoutException($"fuzz case '{c.Name}' hangs; stopping (its thread cannot be stopped)\n" + string.Join("\n", Failures));
        }

        /// <summary>
        /// Counts each kind of message (its text with the quoted and numeric parts blanked), and errors that share
        /// a place (often one mistake reported twice), for FUZZ_DUMP.
        /// </summary>
        private void Survey(IReadOnlyList<ScenarioError> errors)
        {
            static string Kind(ScenarioError e) => System.Text.RegularExpressions.Regex.Replace(e.Message, @"'[^']*'|[-+]?\d[\d.,E+-]*|/[^ ]*", "_");
            void Count(string kind, string example) =>
                templates[kind] = templates.TryGetValue(kind, out var seen) ? (seen.Count + 1, seen.Example) : (1, example);
            foreach (var e in errors.Take(50)) Count(Kind(e), e.ToString());
            foreach (var g in errors.GroupBy(e => (e.File, e.Line, e.Column)).Where(g => g.Count() > 1).Take(3))
                Count("SAME PLACE: " + string.Join(" | ", g.Select(Kind)), string.Join(" || ", g));
        }

        /// <summary>Every kind of message met, with a count and an example, for reading them all at once.</summary>
        public IEnumerable<string> Messages() =>
            templates.OrderByDescending(t => t.Value.Count).Select(t => $"{t.Value.Count,7}  {t.Key}\n         e.g. {Clip(t.Value.Example)}");

        public string Summary() => string.Create(CultureInfo.InvariantCulture,
            $"fuzz: {Cases} cases ({valid} valid, {withErrors} with {errorCount} errors, {Failures.Count} failed) in {total.TotalSeconds:F1} s; " +
            $"longest case {longest.TotalMilliseconds:F0} ms ({longestCase}); most memory allocated {mostBytes / (1024.0 * 1024):F0} MB ({hungriestCase})");

        private static (ScenarioLoadResult? Result, Exception? Thrown, TimeSpan Time, long Bytes, bool Hung) Load(FuzzCase c)
        {
            var task = Task.Run(() =>
            {
                long before = GC.GetAllocatedBytesForCurrentThread();
                var clock = Stopwatch.StartNew();
                try
                {
                    var r = c.Text is null ? ScenarioLoader.Load(c.File) : ScenarioLoader.LoadText(c.Text, c.File);
                    return (r, (Exception?)null, clock.Elapsed, GC.GetAllocatedBytesForCurrentThread() - before);
                }
                catch (Exception e)
                {
                    return ((ScenarioLoadResult?)null, e, clock.Elapsed, GC.GetAllocatedBytesForCurrentThread() - before);
                }
            });
            if (!task.Wait(HangGuard)) return (null, null, HangGuard, 0, true);
            var (result, thrown, time, bytes) = task.Result;
            return (result, thrown, time, bytes, false);
        }

        private static string Clip(string s) => s.Length <= 400 ? s : s[..400] + $"... ({s.Length} characters)";
    }
}
