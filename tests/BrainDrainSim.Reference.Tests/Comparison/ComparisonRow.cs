using System.Globalization;

namespace BrainDrainSim.Reference.Tests.Comparison;

/// <summary>One comparison of an engine mean with a reference mean: a metric of a scenario at a month.</summary>
public sealed record ComparisonRow(string Scenario, string Metric, int Month, int EngineRuns, double EngineMean, int ReferenceRuns,
    double ReferenceMean, double Z)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Scenario,-28} {Metric,-44} {Month,5} {EngineMean,16:G6} {ReferenceMean,16:G6} {Z,9:F2}  (runs {EngineRuns}/{ReferenceRuns})");

    public static string Header => $"{"scenario",-28} {"metric",-44} {"month",5} {"engine mean",16} {"reference mean",16} {"z",9}";
}
