using BrainDrainSim.Model;
using BrainDrainSim.Reference.Tests.ReferenceModel;

namespace BrainDrainSim.Reference.Tests.Comparison;

/// <summary>
/// The statistical equivalence of the engine and the reference model: R replications of each with
/// independent seeds, every metric's mean compared at three months fixed in advance (a third, two thirds and
/// all of the horizon; flows cumulated from the first month) with a Welch z.
/// <para>
/// The threshold is |z| &lt; <see cref="Threshold"/>. The suite makes about <see cref="ComparisonsInSuite"/>
/// comparisons (8 library scenarios, <see cref="RandomSets"/> random lever sets and the US PhD pipeline of
/// CalibrationMetricEquivalenceTests, each about 24 metrics at 3 months, plus the share of runs defining a ratio
/// where some do not; counted: 577 + 14,400 + 75). With at least 80 replications a side the Welch z has at
/// least 158 degrees of freedom, and under a true null P(|t| &gt; 5) is at most 1.5e-6 (5.7e-7 for a normal z),
/// so by Bonferroni the chance that any comparison of the suite fails falsely is at most 15,100 x 1.5e-6 =
/// 0.023, whatever the correlations between comparisons. A ratio some runs leave undefined is compared over
/// fewer (at least <see cref="EnsembleComparison.MinimumDefinedRuns"/> a side): the library's student stay rate
/// at its last month, about 26 runs a side (P(|t| &gt; 5) about 7e-6 at 50 degrees of freedom), in 8 rows.
/// The tests are deterministic given their seeds, so a threshold that expected a false failure somewhere would
/// be a test that fails for ever; this one is expected to fail falsely in fewer than 1 of 40 choices of seeds.
/// It still catches a 15% error in the intent hazard (the power tests show it).
/// </para>
/// </summary>
internal static class Equivalence
{
    public const double Threshold = 5;

    public const int RandomSets = 200;

    public const int ComparisonsInSuite = 15_100;

    /// <summary>The months compared: the ends of the first and second thirds of the horizon, and its last month.</summary>
    public static int[] Months(Scenario scenario) =>
        scenario.Months >= 3 ? [scenario.Months / 3 - 1, 2 * scenario.Months / 3 - 1, scenario.Months - 1] : [scenario.Months - 1];

    /// <summary>Runs both models (independent seeds) and compares them.</summary>
    public static List<ComparisonRow> Compare(Scenario scenario, int runs, ulong engineSeed, ulong referenceSeed,
        ReferencePerturbation? perturbation = null)
    {
        var engine = EngineUnderTest.Run(scenario, runs, engineSeed);
        var reference = ReferenceUnderTest.Run(scenario, runs, referenceSeed, perturbation);
        return EnsembleComparison.Compare(scenario.Name, engine, reference, Months(scenario));
    }

    public static bool Fails(IEnumerable<ComparisonRow> rows) => rows.Any(r => !(Math.Abs(r.Z) < Threshold));

    /// <summary>The table of the <paramref name="count"/> largest |z|, and every row at or over the threshold.</summary>
    public static string Table(IEnumerable<ComparisonRow> rows, int count = 15)
    {
        var sorted = rows.OrderByDescending(r => double.IsNaN(r.Z) ? double.PositiveInfinity : Math.Abs(r.Z)).ToList();
        var shown = sorted.Where((r, i) => i < count || !(Math.Abs(r.Z) < Threshold));
        return ComparisonRow.Header + "\n" + string.Join("\n", shown);
    }
}
