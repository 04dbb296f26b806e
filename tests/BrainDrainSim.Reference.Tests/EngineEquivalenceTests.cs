using System.Diagnostics;
using System.Globalization;
using BrainDrainSim.Reference.Tests.Comparison;
using BrainDrainSim.Scenarios;
using BrainDrainSim.Testing;
using Xunit.Abstractions;

namespace BrainDrainSim.Reference.Tests;

/// <summary>
/// The engine under test against the record of the engine issue 10 replaces (<see cref="EngineRecord"/>: commit
/// f612a38, 1,000 runs from master seed 20261203, uncertainty on): for every scenario of the record, 1,000 runs
/// from another master seed (<see cref="MasterSeed"/>), the scenario's uncertainty block drawn as in the record,
/// on 2 threads, and for every metric its value at the last month over the runs (<see cref="FinalStatistics"/>):
/// <list type="bullet">
/// <item>the means within 3 combined standard errors: |mean_new - mean_old| &lt;= 3 sqrt(sd_old^2 / n_old +
/// sd_new^2 / n_new);</item>
/// <item>the sd ratio sd_new / sd_old within [0.9, 1.1]: with 1,000 runs a side the standard error of the ratio is
/// about sqrt(1/(2 x 999) + 1/(2 x 999)) = 0.032 for a normal metric, so the band is about 3 of them;</item>
/// <item>a metric that is the same number in every run of both engines (sd 0 in both: entrants, a fixed cost) must
/// have means equal to 1e-9 relative; one with sd 0 in one engine and not in the other fails; so does one defined
/// (not NaN) at the last month in a different number of runs, and one the engine under test does not have.</item>
/// </list>
/// The test is deterministic for a fixed seed, so it cannot flake: it passes or fails for ever on a given engine.
/// Three standard errors (rather than the reference tests' 5, which cover 15,100 comparisons) are the issue's
/// tolerance: the old engine itself, at seed 2, passes it (largest |z| 2.26, sd ratios 0.974 to 1.064), and an
/// engine that shifts a mean by a few standard errors fails it. With uncertainty on, those standard errors are
/// mostly the spread of the drawn coefficients (for the stocks, 99.9% of the variance): Equivalence/README.md says
/// what that lets through. Every failing (scenario, metric) is listed with both means, z and the sd ratio; the
/// whole table goes to the test output and, for every scenario run, to <see cref="EngineEquivalenceTable.OutputPath"/>.
/// Slow (8,000 national-scale replications): `tests/run.sh --slow` runs it, CI runs it with everything else.
/// </summary>
[Trait("Category", "Slow")]
public class EngineEquivalenceTests(EngineEquivalenceTable table, ITestOutputHelper output) : IClassFixture<EngineEquivalenceTable>
{
    public const int Runs = 1000;

    /// <summary>Not the record's seed: the engine under test must match the old engine's distribution, not its draws.</summary>
    public const ulong MasterSeed = 2;

    public const int Threads = 2;

    public static TheoryData<string> RecordedScenarios() => [.. EngineRecord.Scenarios()];

    [Theory]
    [MemberData(nameof(RecordedScenarios))]
    public void Final_metrics_match_the_engine_before_issue_10(string scenarioFile)
    {
        Assert.True(File.Exists(EngineRecord.RecordPath), $"no record at {EngineRecord.RecordPath}; see Equivalence/README.md");
        var recorded = EngineRecord.Read().Where(s => s.Scenario == scenarioFile).ToList();
        Assert.NotEmpty(recorded);

        var loaded = ScenarioLoader.Load(Path.Combine(RepoPaths.Root, scenarioFile));
        var scenario = loaded.Scenario ?? throw new InvalidOperationException($"{scenarioFile}: {string.Join("; ", loaded.Errors)}");
        string recordedHash = EngineRecord.ReadInputs()[scenarioFile];
        Assert.True(loaded.InputHash == recordedHash,
            $"{scenarioFile} (or a file it extends) is not what the record was made from: input hash {loaded.InputHash}, recorded " +
            $"{recordedHash}. The record holds the engine of {EngineRecord.Commit} on the files of that commit; compare on those " +
            $"(git show {EngineRecord.Commit}:{scenarioFile}).");

        var wall = Stopwatch.StartNew();
        var ensemble = EngineUnderTest.Run(scenario, Runs, MasterSeed, threads: Threads);
        double seconds = wall.Elapsed.TotalSeconds;
        var now = FinalStatistics.Of(scenarioFile, ensemble).ToDictionary(s => s.Metric, StringComparer.Ordinal);
        var rows = recorded.Select(old => new EngineEquivalenceRow(old, now.GetValueOrDefault(old.Metric))).ToList();
        table.Add(scenarioFile, seconds, rows);

        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{scenarioFile}: {Runs} runs, seed {MasterSeed}, {Threads} threads, {seconds:F1} s; record: seed {EngineRecord.MasterSeed} at {EngineRecord.Commit}"));
        output.WriteLine(EngineEquivalenceTable.Table(rows));
        var extra = now.Keys.Except(recorded.Select(r => r.Metric), StringComparer.Ordinal).ToList();
        if (extra.Count > 0) output.WriteLine($"metrics not in the record (not compared): {string.Join(", ", extra)}");

        var failing = rows.Where(r => r.Failure is not null).ToList();
        Assert.True(failing.Count == 0,
            $"{failing.Count} of {rows.Count} final metrics of {scenarioFile} differ from the engine of {EngineRecord.Commit}:\n" +
            EngineEquivalenceRow.TableHeader + "\n" + string.Join("\n", failing.Select(r => r.TableRow())));
    }
}
