using BrainDrainSim.Core.Tests;
using BrainDrainSim.Model;
using BrainDrainSim.MonteCarlo;
using Xunit.Abstractions;
using BrainDrainSim.Reporting.Comparisons;

namespace BrainDrainSim.Reporting.Tests;

/// <summary>The paired t interval covers the closed-form effect as often as it claims to.</summary>
public class CoverageTests(ITestOutputHelper output)
{
    [Fact]
    public void Paired_95_percent_interval_covers_the_closed_form_difference()
    {
        // Two closed-form scenarios (model.md; tests/BrainDrainSim.Core.Tests/InvariantTests.ClosedFormZ) that
        // differ only in b0, so each has one hazard for everyone: p1 (b0 = -1) in the baseline, p2 (b0 = -1.5)
        // in the "policy". The value at month index t follows t + 1 monthly steps, so the expected difference
        // in the home stock at the horizon (index months - 1) is N ((1 - p2)^months - (1 - p1)^months).
        const int n = 1000, months = 24, runs = 10, seeds = 200;
        var baseline = TestScenarios.ClosedForm(n, months);
        var policy = TestScenarios.ClosedForm(n, months, b0: -1.5) with { Name = "closed-form-b0" };
        double p1 = TestScenarios.ClosedFormHazard(baseline), p2 = TestScenarios.ClosedFormHazard(policy);
        double truth = n * (Math.Pow(1 - p2, months) - Math.Pow(1 - p1, months));

        int covered = 0, above = 0, below = 0;
        double sumMean = 0;
        for (int k = 0; k < seeds; k++)
        {
            // 200 independent master seeds, each a paired ensemble of 10 replications of both scenarios.
            ulong seed = 1_000_003UL * (ulong)(k + 1);
            var eb = MonteCarloRunner.Run(baseline.Validate(), runs, seed, threads: 2);
            var ep = MonteCarloRunner.Run(policy.Validate(), runs, seed, threads: 2);
            var c = Comparison.Build(eb, [ep]);
            var s = c.Policies[0].AtHorizon(c.MetricIndex(MetricCatalog.Home));
            Assert.Equal(PairedStatistics.StatusOk, s.Status);
            sumMean += s.Mean;
            if (truth < s.CiLow) below++;
            else if (truth > s.CiHigh) above++;
            else covered++;
        }
        double coverage = (double)covered / seeds;
        output.WriteLine($"p1 = {p1:F6}, p2 = {p2:F6}; expected difference at month {months - 1} (after {months} steps) = {truth:F3} researchers; " +
            $"mean of the {seeds} estimates {sumMean / seeds:F3}");
        output.WriteLine($"coverage of the paired 95% interval: {covered} of {seeds} = {coverage:P1} " +
            $"(truth below the interval {below}, above {above})");

        // Acceptance 90-99%: with the nominal 95%, the count covered out of 200 independent seeds is binomial
        // (200, 0.95), sd sqrt(200 * 0.95 * 0.05) = 3.1 seeds = 1.5 points. 90% is 3.2 sd below 95% and 99%
        // 2.6 sd above, so a correct interval fails this test with a probability well under 1%, while an
        // interval with the unpaired spread (about twice as wide here: near 100%) or with sd / n in place of
        // sd / sqrt n (about 50%) fails it. (A normal 1.96 in place of t(0.975, 9) = 2.26 would cover about
        // 92% and is not what this test can tell apart; PairedStatisticsTests pins the quantile.) The seeds
        // are fixed, so the test is deterministic; the range says why the fixed outcome is not luck.
        Assert.InRange(coverage, 0.90, 0.99);
    }
}
