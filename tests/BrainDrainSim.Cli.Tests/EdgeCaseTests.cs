namespace BrainDrainSim.Cli.Tests;

/// <summary>
/// Valid extremes through the real command (docs/model.md, "Edge cases"): each runs with one replication and
/// with three, and must exit 0 with sound files (<see cref="OutputChecks"/>) and its documented behaviour;
/// a legitimately invalid value exits 2 with a message naming it and writes nothing. The scenarios are small
/// (under two thousand researchers, 18 months) so the whole set takes seconds.
/// </summary>
public class EdgeCaseTests
{
    /// <summary>Every case extends this: 18 months, so that the second calendar year is a partial one.</summary>
    internal const string BaseYaml = """
        name: edge-base
        description: The small baseline of the edge-case tests (assumption-only figures).
        start: 2025-01
        months: 18
        population: {at_home: 1500, abroad_us: 200, abroad_other: 150}
        careers: {annual_graduates: 100}
        uncertainty:
          coefficients.b_gpu: {dist: normal, mean: 0.2, sd: 0.05}
        """;

    /// <summary>The base with no researcher in academia (a sector share of 0).</summary>
    internal const string EmptySectorYaml = """
        name: edge-empty-sector
        extends: base.yaml
        sectors:
          - {name: academia, share: 0, pay_multiplier: 0.85, baseline_compute_h100e: 0.0117}
          - {name: industry, share: 0.7, pay_multiplier: 1.1, baseline_compute_h100e: 0.048}
          - {name: institute, share: 0.3, pay_multiplier: 0.95, baseline_compute_h100e: 0.035}
        """;

    private const string Academia = "compute_per_home_researcher.academia";

    /// <summary>Each case: its scenario (extending base.yaml) and what it must show, read from the results folder.</summary>
    private static readonly Dictionary<string, (string Yaml, Action<string> Check)> Valid = new(StringComparer.Ordinal)
    {
        ["empty-sector"] = ("""
            name: empty-sector
            extends: empty-sector-base.yaml
            levers:
              - {type: gpu_import, at: 2025-03, count: 100, sector_shares: {academia: 0.5, industry: 0.5}, unit_cost_krw: 146000000, running_cost_krw_per_gpu_year: 0}
            """, dir =>
            {
                // Compute per head in a sector nobody is in is undefined in every month and year: empty, with a status.
                foreach (var file in new[] { "summary.csv", "annual.csv" })
                    foreach (var row in Rows(dir, file, Academia))
                    {
                        Assert.Equal("0", row["n"]);
                        Assert.Equal("", row["mean"]);
                        Assert.Equal("undefined: no replication defines this value", row["status"]);
                    }
                foreach (var run in Table.Read(Path.Combine(dir, "runs.csv")))
                {
                    Assert.Equal("", run["final." + Academia]);
                    Assert.Contains("final." + Academia, run["status"]);
                }
                Assert.All(Rows(dir, "summary.csv", "compute_per_home_researcher.industry"), r => Assert.Equal("ok", OkOrSd(r)));
                // The import is paid for in full, although academia's half of it serves nobody.
                Assert.All(Finals(dir, "policy_cost_krw_cumulative"), c => Assert.Equal(100 * 146e6, c));
            }),

        ["zero-gpus"] = ("""
            name: zero-gpus
            extends: base.yaml
            levers:
              - {type: gpu_import, at: 2025-03, count: 0, sector_shares: {academia: 1.0}, unit_cost_krw: 146000000, running_cost_krw_per_gpu_year: 14600000}
            """, dir =>
            {
                Assert.All(Rows(dir, "summary.csv", "policy_cost_krw_cumulative"), r => Assert.Equal("0", r["mean"]));
            }),

        ["topup-100-percent"] = ("""
            name: topup-100-percent
            extends: base.yaml
            levers:
              - {type: salary_topup, at: 2025-01, fraction: 1.0}
            """, dir => Assert.All(Finals(dir, "policy_cost_krw_cumulative"), c => Assert.True(c > 0))),

        ["topup-largest"] = ("""
            name: topup-largest
            extends: base.yaml
            levers:
              - {type: salary_topup, at: 2025-01, fraction: 10, amount_krw_per_year: 1000000000000}
            """, dir =>
            {
                // About 1,500 people at home paid 1e12 KRW a year more: some 2e15 KRW over 18 months, finite.
                Assert.All(Finals(dir, "policy_cost_krw_cumulative"), c => Assert.InRange(c, 1e15, 1e17));
            }),

        ["visa-shut"] = ("""
            name: visa-shut
            extends: base.yaml
            visa: {selection_rate: 0, advanced_round_rate: 0, talent_route_rate: 0, other_pass_rate: 0, study_pass_rate: 0}
            """, dir =>
            {
                // Every intent is blocked: nobody emigrates, and blocked intents are counted.
                Assert.All(Rows(dir, "summary.csv", "emigrations"), r => Assert.Equal("0", r["p95"]));
                Assert.Contains(Rows(dir, "annual.csv", "visa_blocked"), r => Table.Number(r["mean"]) > 0);
            }),

        ["visa-open"] = ("""
            name: visa-open
            extends: base.yaml
            visa: {selection_rate: 1, advanced_round_rate: 1, talent_route_rate: 1, other_pass_rate: 1, study_pass_rate: 1}
            """, dir =>
            {
                // Every gate passes (no fee): no blocked intent, no graduate forced home.
                Assert.All(Rows(dir, "summary.csv", "visa_blocked"), r => Assert.Equal("0", r["p95"]));
                Assert.All(Rows(dir, "summary.csv", "forced_returns"), r => Assert.Equal("0", r["p95"]));
            }),

        ["one-researcher"] = ("""
            name: one-researcher
            extends: base.yaml
            population: {at_home: 1, abroad_us: 0, abroad_other: 0}
            careers: {annual_graduates: 0}
            """, dir =>
            {
                foreach (var run in Table.Read(Path.Combine(dir, "runs.csv")))
                {
                    double total = Table.Number(run["final.researchers_home"]) + Table.Number(run["final.researchers_abroad"]) +
                                   Table.Number(run["final.researchers_exited"]);
                    Assert.Equal(1, total);
                }
                // The one researcher is the 90th percentile of talent, not above it: nobody is top talent.
                Assert.All(Rows(dir, "summary.csv", "top_talent_home"), r => Assert.Equal("0", r["p95"]));
                // So the share of top talent at home has no denominator: undefined every month.
                Assert.All(Rows(dir, "summary.csv", "top_talent_home_share"), r => Assert.StartsWith("undefined", r["status"]));
            }),

        ["one-month"] = ("""
            name: one-month
            extends: base.yaml
            months: 1
            """, dir =>
            {
                var home = Rows(dir, "summary.csv", "researchers_home");
                Assert.Equal("2025-01", Assert.Single(home)["month"]);
                var year = Assert.Single(Rows(dir, "annual.csv", "emigrations"));
                Assert.Equal(("2025", "1"), (year["year"], year["months"]));
                Assert.StartsWith("undefined", Assert.Single(Rows(dir, "summary.csv", "student_emigrant_five_year_stay_rate"))["status"]);
                Assert.StartsWith("undefined", Assert.Single(Rows(dir, "summary.csv", "us_phd_five_year_stay_rate"))["status"]);
            }),

        ["no-peers"] = ("""
            name: no-peers
            extends: base.yaml
            network: {peers_per_researcher: 0}
            """, dir => Assert.Contains(Rows(dir, "annual.csv", "emigrations"), r => Table.Number(r["mean"]) > 0)),

        ["everyone-abroad"] = ("""
            name: everyone-abroad
            extends: base.yaml
            population: {at_home: 0, abroad_us: 1000, abroad_other: 500}
            careers: {annual_graduates: 0}
            """, dir =>
            {
                // Nobody is at home at the start of the first month, so no sector's compute per head is defined then.
                foreach (var sector in new[] { "academia", "industry", "institute" })
                    Assert.Equal("", Rows(dir, "summary.csv", "compute_per_home_researcher." + sector)[0]["mean"]);
                Assert.Contains(Rows(dir, "annual.csv", "returns"), r => Table.Number(r["mean"]) > 0);
            }),

        ["lambdas-zero"] = ("""
            name: lambdas-zero
            extends: base.yaml
            coefficients: {lambda_out: 0, lambda_back: 0}
            """, dir =>
            {
                // No intent to leave and no wish to return: only graduates refused a work visa come back.
                Assert.All(Rows(dir, "summary.csv", "emigrations"), r => Assert.Equal("0", r["p95"]));
                Assert.All(Rows(dir, "summary.csv", "visa_blocked"), r => Assert.Equal("0", r["p95"]));
                var returns = Rows(dir, "summary.csv", "returns");
                var forced = Rows(dir, "summary.csv", "forced_returns");
                Assert.Equal(returns.Select(r => r["mean"]), forced.Select(r => r["mean"]));
            }),

        ["agent-scale-largest"] = ("""
            name: agent-scale-largest
            extends: base.yaml
            agent_scale: 1000000
            population: {at_home: 57000000, abroad_us: 6300000, abroad_other: 4700000}
            careers: {annual_graduates: 5000000}
            """, dir =>
            {
                // 68 agents of a million persons each: every count is a whole number of agents.
                Assert.All(Finals(dir, "researchers_home"), h => Assert.Equal(0, h % 1_000_000));
                Assert.All(Finals(dir, "entrants"), e => Assert.True(e is 0 or 1_000_000, $"entrants {e}"));
            }),

        ["one-sector"] = ("""
            name: one-sector
            extends: base.yaml
            sectors: [{name: everyone, share: 1}]
            """, dir => Assert.All(Rows(dir, "summary.csv", "compute_per_home_researcher.everyone"), r => Assert.Equal("0", r["mean"]))),
    };

    public static TheoryData<string> ValidCases => [.. Valid.Keys];

    [Theory]
    [MemberData(nameof(ValidCases))]
    public async Task A_valid_extreme_runs_with_sound_outputs_and_its_documented_behaviour(string name)
    {
        using var tmp = new TempFolder();
        tmp.Write("base.yaml", BaseYaml);
        tmp.Write("empty-sector-base.yaml", EmptySectorYaml);
        var (yaml, check) = Valid[name];
        var file = tmp.Write(name + ".yaml", yaml);

        // One replication and three, side by side: one run leaves every sd and interval undefined.
        var results = await Task.WhenAll(
            Task.Run(() => Braindrain.Run(tmp.Path, "run", file, "--runs", "1", "--threads", "1", "--out", "one")),
            Task.Run(() => Braindrain.Run(tmp.Path, "run", file, "--runs", "3", "--threads", "1", "--out", "three")));
        foreach (var (r, dir) in results.Zip(new[] { "one", "three" }))
        {
            Assert.True(r.ExitCode == 0, $"{name} --out {dir}: exit {r.ExitCode}\n{r.All}");
            Assert.Empty(OutputChecks.Text("console", r.All));
            string folder = Path.Combine(tmp.Path, dir);
            foreach (var f in new[] { "summary.csv", "runs.csv", "annual.csv", "manifest.json" })
                Assert.True(File.Exists(Path.Combine(folder, f)), $"{name}: {dir}/{f} missing");
            var problems = OutputChecks.Folder(folder);
            Assert.True(problems.Count == 0, $"{name} --out {dir}:\n{string.Join("\n", problems.Take(20))}");
            check(folder);
        }
        // One replication: sd undefined everywhere it has a value, said by the status.
        Assert.All(Table.Read(Path.Combine(tmp.Path, "one", "summary.csv")).Where(r => r["n"] == "1"),
            r => Assert.Equal(("", "sd undefined: fewer than 2 values"), (r["sd"], r["status"])));
    }

    [Theory]
    [InlineData("empty-population", "population: {at_home: 0, abroad_us: 0, abroad_other: 0}", "population: the initial population is empty")]
    [InlineData("no-months", "months: 0", "months: 0 is below the minimum 1")]
    public void A_legitimately_invalid_extreme_exits_2_with_a_message_and_writes_nothing(string name, string line, string expected)
    {
        using var tmp = new TempFolder();
        tmp.Write("base.yaml", BaseYaml);
        var file = tmp.Write(name + ".yaml", $"name: {name}\nextends: base.yaml\n{line}\n");
        var r = Braindrain.Run(tmp.Path, "run", file, "--runs", "1", "--out", "x");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains(expected, r.Stderr);
        Assert.DoesNotContain("   at ", r.All);
        Assert.False(Directory.Exists(Path.Combine(tmp.Path, "x")));
    }

    [Fact]
    public async Task Compare_and_sweep_at_the_edges_write_undefined_ratios_as_empty_cells_with_a_status()
    {
        using var tmp = new TempFolder();
        tmp.Write("base.yaml", BaseYaml);
        var baseline = tmp.Write("empty-sector-base.yaml", EmptySectorYaml);
        // A policy that does nothing (no GPUs), one whose GPUs all go to the empty sector (a cost, no effect), and a real one.
        var nothing = tmp.Write("nothing.yaml", """
            name: nothing
            extends: empty-sector-base.yaml
            levers:
              - {type: gpu_import, at: 2025-03, count: 0, sector_shares: {academia: 1.0}, unit_cost_krw: 146000000, running_cost_krw_per_gpu_year: 0}
            """);
        var wasted = tmp.Write("wasted.yaml", """
            name: wasted
            extends: empty-sector-base.yaml
            levers:
              - {type: gpu_import, at: 2025-03, count: 500, sector_shares: {academia: 1.0}, unit_cost_krw: 146000000, running_cost_krw_per_gpu_year: 0}
            """);
        var topup = tmp.Write("topup.yaml", """
            name: topup
            extends: empty-sector-base.yaml
            levers:
              - {type: salary_topup, at: 2025-01, fraction: 1.0}
            """);

        var results = await Task.WhenAll(
            Task.Run(() => Braindrain.Run(tmp.Path, "compare", baseline, nothing, wasted, topup, "--runs", "3", "--threads", "1", "--out", "cmp")),
            Task.Run(() => Braindrain.Run(tmp.Path, "compare", baseline, nothing, "--runs", "1", "--threads", "1", "--out", "cmp1")),
            Task.Run(() => Braindrain.Run(tmp.Path, "sweep", wasted, "--set", "levers[0].count=0,500", "--runs", "2", "--threads", "1", "--out", "sweep")));
        foreach (var (r, dir) in results.Zip(new[] { "cmp", "cmp1", "sweep" }))
        {
            Assert.True(r.ExitCode == 0, $"--out {dir}: exit {r.ExitCode}\n{r.All}");
            Assert.Empty(OutputChecks.Text("console", r.All));
            var problems = OutputChecks.Folder(Path.Combine(tmp.Path, dir));
            Assert.True(problems.Count == 0, $"--out {dir}:\n{string.Join("\n", problems.Take(20))}");
        }
        Assert.True(File.Exists(Path.Combine(tmp.Path, "sweep", "sweep.csv")));

        var ce = Table.Read(Path.Combine(tmp.Path, "cmp", "cost_effectiveness.csv"));
        foreach (var policy in new[] { "nothing", "wasted" })
            foreach (var row in ce.Where(r => r["policy"] == policy))
            {
                Assert.Equal(("", "", ""), (row["ratio"], row["ratio_ci_low"], row["ratio_ci_high"]));
                Assert.Equal("not estimable: the effect's 95% interval contains zero", row["status"]);
                Assert.Equal("0", row["effect_mean"]);
            }
        Assert.All(ce.Where(r => r["policy"] == "nothing"), r => Assert.Equal("0", r["extra_cost_mean_krw"]));
        Assert.All(ce.Where(r => r["policy"] == "wasted"), r => Assert.Equal(500 * 146e6, Table.Number(r["extra_cost_mean_krw"])));
        Assert.Contains("not estimable", File.ReadAllText(Path.Combine(tmp.Path, "cmp", "report.md")));

        // One replication: no ratio, no interval, and the status says why.
        Assert.All(Table.Read(Path.Combine(tmp.Path, "cmp1", "cost_effectiveness.csv")),
            r => Assert.Equal(("", "not estimable: fewer than 2 replications"), (r["ratio"], r["status"])));
        Assert.All(Table.Read(Path.Combine(tmp.Path, "cmp1", "comparison.csv")).Where(r => r["n"] == "1"),
            r => Assert.Equal(("", "ci undefined: fewer than 2 replications define both values"), (r["diff_ci_low"], r["status"])));
        // The empty sector's compute is undefined in both scenarios, so is its difference.
        Assert.All(Table.Read(Path.Combine(tmp.Path, "cmp", "comparison.csv")).Where(r => r["metric"] == Academia),
            r => Assert.Equal(("", "undefined: no replication defines both values"), (r["diff_mean"], r["status"])));
    }

    /// <summary>The rows of one metric in summary.csv or annual.csv, in file order.</summary>
    private static List<Dictionary<string, string>> Rows(string dir, string file, string metric)
    {
        var rows = Table.Read(Path.Combine(dir, file)).Where(r => r["metric"] == metric).ToList();
        Assert.True(rows.Count > 0, $"{file} has no rows for {metric}");
        return rows;
    }

    /// <summary>A metric's final value in each run (runs.csv).</summary>
    private static List<double> Finals(string dir, string metric) =>
        Table.Read(Path.Combine(dir, "runs.csv")).Select(r => Table.Number(r["final." + metric])).ToList();

    /// <summary>"ok" also for a single run's row, whose only gap is the sd.</summary>
    private static string OkOrSd(Dictionary<string, string> row) => row["status"] == "sd undefined: fewer than 2 values" ? "ok" : row["status"];
}
