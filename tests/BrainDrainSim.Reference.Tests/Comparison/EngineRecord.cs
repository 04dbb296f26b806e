using System.Globalization;
using BrainDrainSim.Testing;

namespace BrainDrainSim.Reference.Tests.Comparison;

/// <summary>
/// The record of the engine that issue 10 replaces (commit <see cref="Commit"/>), which
/// <see cref="EngineEquivalenceTests"/> holds the engine under test to: for every scenario of the library and the
/// reference workload, <see cref="Runs"/> replications from master seed <see cref="MasterSeed"/> with the scenario's
/// uncertainty block drawn, and every metric's final-month <see cref="FinalStatistics"/>
/// (tests/BrainDrainSim.Reference.Tests/Equivalence/engine-before-issue-10.csv). Beside it, the input hash of every
/// scenario as it was read (<c>.inputs.csv</c>): the record holds the old engine on those files, not on later edits
/// of them. Equivalence/README.md says how the record was made; once the old engine is gone it cannot be made again.
/// </summary>
internal static class EngineRecord
{
    /// <summary>The commit whose engine the record holds.</summary>
    public const string Commit = "f612a38";

    public const ulong MasterSeed = 20261203;

    public const int Runs = 1000;

    /// <summary>The threads the record was made on (the values do not depend on them).</summary>
    public const int Threads = 2;

    public const string Header = "scenario,metric,n,mean,sd";

    public const string InputsHeader = "scenario,input_hash";

    public static string Folder { get; } = Path.Combine(RepoPaths.Root, "tests", "BrainDrainSim.Reference.Tests", "Equivalence");

    public static string RecordPath { get; } = Path.Combine(Folder, "engine-before-issue-10.csv");

    public static string InputsPath { get; } = Path.Combine(Folder, "engine-before-issue-10.inputs.csv");

    /// <summary>The scenario's name in the record: its path from the repository's root, with forward slashes.</summary>
    public static string NameOf(string file) => Path.GetRelativePath(RepoPaths.Root, file).Replace('\\', '/');

    /// <summary>A row of the record; numbers round-trip ("R", invariant culture), NaN as "NaN".</summary>
    public static string Line(FinalStatistics s)
    {
        ArgumentNullException.ThrowIfNull(s);
        if (s.Scenario.Contains(',', StringComparison.Ordinal) || s.Metric.Contains(',', StringComparison.Ordinal))
            throw new InvalidOperationException($"a comma in {s.Scenario} / {s.Metric} would need CSV quoting");
        return string.Join(',', s.Scenario, s.Metric, s.N.ToString(CultureInfo.InvariantCulture),
            s.Mean.ToString("R", CultureInfo.InvariantCulture), s.Sd.ToString("R", CultureInfo.InvariantCulture));
    }

    /// <summary>Every row of the record, in its order.</summary>
    public static IReadOnlyList<FinalStatistics> Read()
    {
        var lines = File.ReadAllLines(RecordPath);
        if (lines.Length == 0 || lines[0] != Header) throw new InvalidDataException($"{RecordPath} does not start with \"{Header}\"");
        return [.. lines.Skip(1).Where(l => l.Length > 0).Select((line, i) => Parse(line, RecordPath, i + 2))];
    }

    /// <summary>The row <see cref="Line"/> wrote (line <paramref name="number"/> of <paramref name="file"/>, for the message).</summary>
    public static FinalStatistics Parse(string line, string file, int number)
    {
        var f = line.Split(',');
        if (f.Length != 5) throw new InvalidDataException($"{file}:{number}: {f.Length} fields, not 5");
        return new FinalStatistics(f[0], f[1], int.Parse(f[2], CultureInfo.InvariantCulture),
            double.Parse(f[3], CultureInfo.InvariantCulture), double.Parse(f[4], CultureInfo.InvariantCulture));
    }

    /// <summary>The input hash of every scenario of the record, by its name in the record.</summary>
    public static IReadOnlyDictionary<string, string> ReadInputs() =>
        File.ReadAllLines(InputsPath).Skip(1).Where(l => l.Length > 0).Select(l => l.Split(','))
            .ToDictionary(f => f[0], f => f[1], StringComparer.Ordinal);

    /// <summary>The record's scenarios in its order, or the library's files when there is no record yet (their tests then fail saying so).</summary>
    public static IReadOnlyList<string> Scenarios() => File.Exists(RecordPath)
        ? [.. Read().Select(s => s.Scenario).Distinct()]
        : [.. LibraryScenarios.Files().Select(NameOf)];
}
