using System.Diagnostics;
using System.Globalization;
using BrainDrainSim.Reference.Tests.Comparison;
using BrainDrainSim.Scenarios;
using Xunit.Abstractions;

namespace BrainDrainSim.Reference.Tests;

/// <summary>
/// Writes the record that <see cref="EngineEquivalenceTests"/> holds the engine to (see <see cref="EngineRecord"/>):
/// every library scenario and the reference workload, run by the engine under test exactly as recorded. Meant to be
/// run once, on the engine issue 10 replaces (commit f612a38); skipped unless ENGINE_RECORD is set:
/// <list type="bullet">
/// <item>ENGINE_RECORD=write writes the record where there is none, and otherwise checks that the engine gives the
/// recorded bytes again (it does while the old engine is there: a replication is a pure function of the scenario,
/// the seed and its index) and fails, writing nothing, where it does not;</item>
/// <item>ENGINE_RECORD=overwrite replaces the record whatever it holds: only on the old engine, since the record
/// cannot be made again once that engine is gone.</item>
/// </list>
/// </summary>
public class EngineRecordTests(ITestOutputHelper output)
{
    [EngineRecordFact]
    public void Write_the_record_of_the_engine_before_issue_10()
    {
        var rows = new List<string> { EngineRecord.Header };
        var inputs = new List<string> { EngineRecord.InputsHeader };
        foreach (var file in LibraryScenarios.Files())
        {
            string name = EngineRecord.NameOf(file);
            var loaded = ScenarioLoader.Load(file);
            var scenario = loaded.Scenario ?? throw new InvalidOperationException($"{file}: {string.Join("; ", loaded.Errors)}");
            var wall = Stopwatch.StartNew();
            var ensemble = EngineUnderTest.Run(scenario, EngineRecord.Runs, EngineRecord.MasterSeed, threads: EngineRecord.Threads);
            var stats = FinalStatistics.Of(name, ensemble).ToList();
            rows.AddRange(stats.Select(EngineRecord.Line));
            inputs.Add($"{name},{loaded.InputHash}");
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{name}: {stats.Count} metrics, {scenario.Uncertainty.Length} uncertain quantities, {wall.Elapsed.TotalSeconds:F1} s"));
        }

        bool overwrite = Environment.GetEnvironmentVariable("ENGINE_RECORD") == "overwrite";
        if (!overwrite && File.Exists(EngineRecord.RecordPath))
        {
            var recorded = File.ReadAllLines(EngineRecord.RecordPath);
            var differing = rows.Select((line, i) => (line, was: i < recorded.Length ? recorded[i] : "(none)"))
                .Where(p => p.line != p.was).Take(20).Select(p => $"\n  recorded {p.was}\n  now      {p.line}").ToList();
            Assert.True(differing.Count == 0 && recorded.Length == rows.Count,
                $"the engine does not give the record again ({recorded.Length - 1} rows recorded, {rows.Count - 1} now); nothing was " +
                $"written. If this is the engine of {EngineRecord.Commit} and the change is meant, ENGINE_RECORD=overwrite replaces " +
                $"the record. The first rows that differ:{string.Concat(differing)}");
            Assert.Equal(File.ReadAllLines(EngineRecord.InputsPath), inputs);
            output.WriteLine($"the engine gives the record again, byte for byte: {EngineRecord.RecordPath}");
            return;
        }
        File.WriteAllLines(EngineRecord.RecordPath, rows);
        File.WriteAllLines(EngineRecord.InputsPath, inputs);
        output.WriteLine($"wrote {EngineRecord.RecordPath} ({rows.Count - 1} rows) and {EngineRecord.InputsPath}");
    }
}
