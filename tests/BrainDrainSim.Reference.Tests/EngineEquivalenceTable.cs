using System.Globalization;
using System.Text;
using BrainDrainSim.Reference.Tests.Comparison;

namespace BrainDrainSim.Reference.Tests;

/// <summary>
/// Collects the rows of every scenario <see cref="EngineEquivalenceTests"/> ran in this test run and, when the class
/// is done, writes them as one Markdown table, with the largest |z| and the range of sd ratios, to
/// <see cref="OutputPath"/> (equivalence-table.md beside the test assembly), ready to paste into an issue note.
/// </summary>
public sealed class EngineEquivalenceTable : IDisposable
{
    public static string OutputPath { get; } = Path.Combine(AppContext.BaseDirectory, "equivalence-table.md");

    private readonly Lock gate = new();
    private readonly List<(string Scenario, double Seconds, IReadOnlyList<EngineEquivalenceRow> Rows)> scenarios = [];

    internal void Add(string scenario, double seconds, IReadOnlyList<EngineEquivalenceRow> rows)
    {
        lock (gate) scenarios.Add((scenario, seconds, rows));
    }

    /// <summary>The table of <paramref name="rows"/> with its summary line.</summary>
    internal static string Table(IReadOnlyList<EngineEquivalenceRow> rows) =>
        EngineEquivalenceRow.TableHeader + "\n" + string.Join("\n", rows.Select(r => r.TableRow())) + "\n\n" + Summary(rows);

    /// <summary>The largest |z|, where it is, the range of the sd ratios, the deterministic metrics and the failures.</summary>
    internal static string Summary(IReadOnlyList<EngineEquivalenceRow> rows)
    {
        var compared = rows.Where(r => !double.IsNaN(r.Z)).ToList();
        var ratios = rows.Select(r => r.SdRatio).Where(x => !double.IsNaN(x)).ToList();
        var worst = compared.MaxBy(r => Math.Abs(r.Z));
        int failing = rows.Count(r => r.Failure is not null);
        string largest = worst is null ? "no z" : Invariant($"largest |z| {Math.Abs(worst.Z):F2} ({worst.Old.Scenario} {worst.Old.Metric})");
        string range = ratios.Count == 0 ? "no sd ratio" : Invariant($"sd ratio from {ratios.Min():F3} to {ratios.Max():F3}");
        return Invariant($"{rows.Count} metrics: {compared.Count} compared by z, {rows.Count(r => r.Deterministic)} the same in every run of both engines, {rows.Count(r => r.Old.N == 0 && r.New?.N == 0)} undefined at the last month in both; {largest}; {range}; {failing} failing.");
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    public void Dispose()
    {
        List<(string Scenario, double Seconds, IReadOnlyList<EngineEquivalenceRow> Rows)> done;
        lock (gate) done = [.. scenarios.OrderBy(s => s.Scenario, StringComparer.Ordinal)];
        if (done.Count == 0) return;
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture,
            $"Final-month metrics, the engine of {EngineRecord.Commit} (record: {EngineRecord.Runs} runs, master seed {EngineRecord.MasterSeed}) ");
        text.Append(CultureInfo.InvariantCulture,
            $"against the engine under test ({EngineEquivalenceTests.Runs} runs, master seed {EngineEquivalenceTests.MasterSeed}, ");
        text.Append(CultureInfo.InvariantCulture,
            $"{EngineEquivalenceTests.Threads} threads), uncertainty on. Pass: |z| <= {EngineEquivalenceRow.MaxZ} and sd ratio in ");
        text.Append(CultureInfo.InvariantCulture,
            $"[{EngineEquivalenceRow.MinSdRatio}, {EngineEquivalenceRow.MaxSdRatio}]; both sds 0: means equal to {EngineEquivalenceRow.DeterministicTolerance:0e0} relative.\n\n");
        text.AppendLine(EngineEquivalenceRow.TableHeader);
        foreach (var s in done)
            foreach (var r in s.Rows) text.AppendLine(r.TableRow());
        text.AppendLine();
        text.AppendLine(Summary([.. done.SelectMany(s => s.Rows)]));
        text.AppendLine();
        foreach (var s in done)
            text.AppendLine(CultureInfo.InvariantCulture, $"- {s.Scenario}: {s.Seconds:F1} s; {Summary(s.Rows)}");
        File.WriteAllText(OutputPath, text.ToString());
    }
}
