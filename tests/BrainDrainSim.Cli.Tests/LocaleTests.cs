using System.Text.Json.Nodes;

namespace BrainDrainSim.Cli.Tests;

/// <summary>
/// The outputs do not depend on the locale: the same run under LANG = LC_ALL = C.UTF-8 (the reference),
/// en_US.UTF-8, tr_TR.UTF-8 (dotted and dotless i, comma decimals) and de_DE.UTF-8 gives the same bytes.
/// The variables alone are enough: .NET takes its culture from them through ICU, whether or not the
/// operating system has the locale installed. The program runs with InvariantGlobalization, so the culture
/// never reaches it; the test also runs it once with that switch turned off (through a runtimeconfig) under
/// tr_TR, to show the formatting itself is culture-proof, where ICU is installed.
/// </summary>
public class LocaleTests
{
    private static readonly string[] Locales = ["C.UTF-8", "en_US.UTF-8", "tr_TR.UTF-8", "de_DE.UTF-8"];

    private static readonly string[] RunFiles = ["summary.csv", "runs.csv", "annual.csv"];
    private static readonly string[] CompareFiles = ["comparison.csv", "cost_effectiveness.csv", "report.md"];

    /// <summary>Manifest fields that record the machine, the clock or the command line (which names the output folder).</summary>
    private static readonly string[] MachineFields =
    [
        "command_line", "started_utc", "wall_seconds", "setup_seconds", "stepping_seconds", "output_seconds",
        "agent_steps_per_second", "peak_memory_bytes",
    ];

    private const string IcuMode = "tr_TR.UTF-8 with ICU";

    private static Dictionary<string, string> Env(string locale) => new(StringComparer.Ordinal) { ["LANG"] = locale, ["LC_ALL"] = locale };

    [Fact]
    public async Task Outputs_are_byte_identical_under_every_locale()
    {
        using var tmp = new TempFolder();
        tmp.Write("base.yaml", EdgeCaseTests.BaseYaml);
        var baseline = tmp.Write("empty-sector-base.yaml", EdgeCaseTests.EmptySectorYaml);
        // A lever with decimals in its costs, and an undefined sector: every kind of cell appears.
        var policy = tmp.Write("policy.yaml", """
            name: policy
            extends: empty-sector-base.yaml
            levers:
              - {type: gpu_import, at: 2025-03, count: 300, sector_shares: {industry: 0.6, institute: 0.4}, unit_cost_krw: 146000000.5, running_cost_krw_per_gpu_year: 14600000.25}
              - {type: salary_topup, at: 2025-06, fraction: 0.125, top_talent_only: true}
            """);
        string[] Run(string dir) => ["run", policy, "--runs", "3", "--seed", "7", "--threads", "1", "--out", dir];
        string[] Compare(string dir) => ["compare", baseline, policy, "--runs", "3", "--seed", "7", "--threads", "1", "--out", dir];
        string icuConfig = WriteIcuRuntimeConfig(tmp);

        var jobs = new List<(string Label, string Dir, Func<Braindrain.Result> Start)>();
        foreach (var locale in Locales)
            jobs.Add((locale, "run-" + locale, () => Braindrain.Run(tmp.Path, Env(locale), Run("run-" + locale))));
        foreach (var locale in new[] { "C.UTF-8", "tr_TR.UTF-8" })
            jobs.Add((locale, "cmp-" + locale, () => Braindrain.Run(tmp.Path, Env(locale), Compare("cmp-" + locale))));
        jobs.Add((IcuMode, "run-icu", () => Braindrain.RunWith(tmp.Path, Env("tr_TR.UTF-8"), ["--runtimeconfig", icuConfig], Run("run-icu"))));
        jobs.Add((IcuMode, "cmp-icu", () => Braindrain.RunWith(tmp.Path, Env("tr_TR.UTF-8"), ["--runtimeconfig", icuConfig], Compare("cmp-icu"))));

        // Two at a time: the machine has two cores, and each child uses one thread.
        var results = new Braindrain.Result[jobs.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, jobs.Count), new ParallelOptions { MaxDegreeOfParallelism = 2 },
            (i, _) =>
            {
                results[i] = jobs[i].Start();
                return ValueTask.CompletedTask;
            });

        bool icuAvailable = true;
        for (int i = 0; i < jobs.Count; i++)
        {
            var (label, dir, _) = jobs[i];
            var r = results[i];
            // Without ICU the runtime refuses to start with globalization on; the invariant-mode runs still count.
            if (label == IcuMode && r.ExitCode != 0 && r.All.Contains("ICU", StringComparison.Ordinal))
            {
                icuAvailable = false;
                continue;
            }
            Assert.True(r.ExitCode == 0, $"{label} --out {dir}: exit {r.ExitCode}\n{r.All}");
        }

        string Ref(string prefix, string file) => Path.Combine(tmp.Path, prefix + "C.UTF-8", file);
        var runDirs = Locales.Skip(1).Select(l => "run-" + l).Concat(icuAvailable ? ["run-icu"] : []);
        foreach (var dir in runDirs)
        {
            foreach (var f in RunFiles)
                Assert.True(File.ReadAllBytes(Ref("run-", f)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(tmp.Path, dir, f))),
                    $"{dir}/{f} differs from the C.UTF-8 run");
            Assert.Equal(ScenarioPart(Ref("run-", "manifest.json")), ScenarioPart(Path.Combine(tmp.Path, dir, "manifest.json")));
        }
        var cmpDirs = new[] { "cmp-tr_TR.UTF-8" }.Concat(icuAvailable ? ["cmp-icu"] : []);
        foreach (var dir in cmpDirs)
        {
            foreach (var f in CompareFiles)
                Assert.True(File.ReadAllBytes(Ref("cmp-", f)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(tmp.Path, dir, f))),
                    $"{dir}/{f} differs from the C.UTF-8 comparison");
            Assert.Equal(ScenarioPart(Ref("cmp-", "manifest.json")), ScenarioPart(Path.Combine(tmp.Path, dir, "manifest.json")));
        }
    }

    /// <summary>The manifest without the fields that depend on the machine, the clock or the output folder's name, as text.</summary>
    private static string ScenarioPart(string manifestPath)
    {
        var node = JsonNode.Parse(File.ReadAllText(manifestPath))!;
        Strip(node);
        return node.ToJsonString();
    }

    private static void Strip(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var key in MachineFields) o.Remove(key);
                foreach (var (_, child) in o) Strip(child);
                break;
            case JsonArray a:
                foreach (var child in a) Strip(child);
                break;
        }
    }

    /// <summary>The program's own runtimeconfig with InvariantGlobalization turned off, for `dotnet exec --runtimeconfig`.</summary>
    private static string WriteIcuRuntimeConfig(TempFolder tmp)
    {
        string own = Path.ChangeExtension(Braindrain.Dll, ".runtimeconfig.json");
        var config = JsonNode.Parse(File.ReadAllText(own))!;
        config["runtimeOptions"]!["configProperties"]!["System.Globalization.Invariant"] = false;
        return tmp.Write("icu.runtimeconfig.json", config.ToJsonString());
    }
}
