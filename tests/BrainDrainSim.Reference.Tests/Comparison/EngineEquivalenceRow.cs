using System.Globalization;

namespace BrainDrainSim.Reference.Tests.Comparison;

/// <summary>
/// One metric of one scenario: the recorded engine (<see cref="Old"/>) against the engine under test
/// (<see cref="New"/>, null when it has no such metric), and the verdict of the rule of
/// <see cref="EngineEquivalenceTests"/>.
/// </summary>
internal sealed record EngineEquivalenceRow(FinalStatistics Old, FinalStatistics? New)
{
    public const double MaxZ = 3;
    public const double MinSdRatio = 0.9;
    public const double MaxSdRatio = 1.1;

    /// <summary>How closely the means of a metric that is the same in every replication (sd 0 in both) must agree, relatively.</summary>
    public const double DeterministicTolerance = 1e-9;

    /// <summary>The difference of the means in combined standard errors; NaN when there is nothing to divide by.</summary>
    public double Z => New is null || Old.N == 0 || New.N == 0 || (Old.Sd == 0 && New.Sd == 0)
        ? double.NaN
        : (New.Mean - Old.Mean) / Math.Sqrt(Old.Sd * Old.Sd / Old.N + New.Sd * New.Sd / New.N);

    /// <summary>sd new / sd old; NaN where either is 0 or undefined.</summary>
    public double SdRatio => New is null || !(Old.Sd > 0) || !(New.Sd > 0) ? double.NaN : New.Sd / Old.Sd;

    /// <summary>Whether the metric is the same number in every replication of both engines.</summary>
    public bool Deterministic => New is not null && Old.Sd == 0 && New.Sd == 0;

    /// <summary>Why the metric fails the rule, or null when it passes.</summary>
    public string? Failure
    {
        get
        {
            if (New is null) return "the engine under test has no such metric";
            // The record's metrics are defined at the last month in every replication or in none (NaN in all 1,000 runs
            // of reference-10k: no students there), so a difference in n is the model's, not chance's.
            if (Old.N != New.N) return $"defined (not NaN) at the last month in {Old.N} old and {New.N} new replications";
            if (Old.N == 0) return null; // undefined in every replication of both
            if (Deterministic)
            {
                double scale = Math.Max(Math.Abs(Old.Mean), Math.Abs(New.Mean));
                return Math.Abs(New.Mean - Old.Mean) <= DeterministicTolerance * scale
                    ? null
                    : Invariant($"the same in every replication, but {New.Mean:R} now against {Old.Mean:R}");
            }
            if (Old.Sd == 0 || New.Sd == 0) return Invariant($"sd {Old.Sd:G4} old, {New.Sd:G4} new: constant in one engine only");
            var reasons = new List<string>();
            if (!(Math.Abs(Z) <= MaxZ)) reasons.Add(Invariant($"|z| {Math.Abs(Z):F2} > {MaxZ}"));
            if (!(SdRatio >= MinSdRatio && SdRatio <= MaxSdRatio)) reasons.Add(Invariant($"sd ratio {SdRatio:F3} outside [{MinSdRatio}, {MaxSdRatio}]"));
            return reasons.Count == 0 ? null : string.Join("; ", reasons);
        }
    }

    public static string TableHeader =>
        "| scenario | metric | n old | n new | old mean | new mean | z | old sd | new sd | sd ratio | verdict |\n" +
        "|---|---|--:|--:|--:|--:|--:|--:|--:|--:|---|";

    /// <summary>The row of a Markdown table (the one <see cref="TableHeader"/> heads).</summary>
    public string TableRow()
    {
        string newN = New is null ? "-" : New.N.ToString(CultureInfo.InvariantCulture);
        string z = double.IsNaN(Z) ? "-" : Z.ToString("F2", CultureInfo.InvariantCulture);
        string ratio = double.IsNaN(SdRatio) ? "-" : SdRatio.ToString("F3", CultureInfo.InvariantCulture);
        string verdict = Failure is { } why ? "FAIL: " + why : Deterministic ? "ok (the same in every run)" : "ok";
        return Invariant($"| {Old.Scenario} | {Old.Metric} | {Old.N} | {newN} | {Number(Old.Mean)} | {Number(New?.Mean)} | {z} | {Number(Old.Sd)} | {Number(New?.Sd)} | {ratio} | {verdict} |");
    }

    private static string Number(double? x) => x is { } v ? v.ToString("G7", CultureInfo.InvariantCulture) : "-";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
