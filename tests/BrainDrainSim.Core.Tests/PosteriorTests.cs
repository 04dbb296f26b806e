using BrainDrainSim.Model;
using BrainDrainSim.Model.Levers;
using BrainDrainSim.MonteCarlo;
using BrainDrainSim.Randomness;
using BrainDrainSim.Validation;

namespace BrainDrainSim.Core.Tests;

/// <summary>
/// Issue 12: a scenario draws whole rows of a calibration's posterior, one keyed uniform per replication, so the
/// fitted quantities keep their correlations and two scenarios run with one seed draw the same row.
/// </summary>
public sealed class PosteriorTests
{
    private static PosteriorSample Sample(double[] weights, params (string Path, double[] Values)[] columns) =>
        new("posterior.csv", columns.Select(c => c.Path),
            Enumerable.Range(0, weights.Length).Select(i => columns.Select(c => c.Values[i])), weights);

    private static StreamKey Key(int replication) => StreamKey.FromSeed(StreamKey.ReplicationSeed(42, replication));

    [Fact]
    public void One_row_of_weight_1_runs_exactly_as_the_scenario_with_its_values_set()
    {
        var plain = TestScenarios.Small(months: 24);
        var withPosterior = plain with
        {
            Posterior = Sample([1.0], ("coefficients.b0", [-4.2]), ("population.at_home", [2_700.4]), ("coefficients.b_gpu", [0.35])),
        };
        var direct = ScenarioPath.With(ScenarioPath.With(ScenarioPath.With(plain, "coefficients.b0", -4.2), "population.at_home", 2_700), "coefficients.b_gpu", 0.35);

        for (int r = 0; r < 3; r++)
        {
            var a = MonteCarloRunner.RunOne(withPosterior.Validate(), 7, r);
            var b = MonteCarloRunner.RunOne(direct.Validate(), 7, r);
            Assert.Equal(b.Series.Length, a.Series.Length);
            for (int m = 0; m < a.Series.Length; m++)
                Assert.Equal(b.Series[m].Select(BitConverter.DoubleToInt64Bits), a.Series[m].Select(BitConverter.DoubleToInt64Bits));
            // The count is recorded as the run used it (rounded), and the row as drawn.
            Assert.Equal(new KeyValuePair<string, double>[] { new("coefficients.b0", -4.2), new("population.at_home", 2_700), new("coefficients.b_gpu", 0.35), new(PosteriorSample.RowKey, 0) },
                a.Parameters.ToArray());
        }
    }

    [Fact]
    public void Rows_are_drawn_as_often_as_their_weights_say_and_a_row_of_weight_0_never()
    {
        // 4,000 draws: each row's count must lie within 4 binomial sd of N w (sd = sqrt(N w (1 - w)), 4 sd about
        // 61 for w = 0.3). The draws are keyed, so the test is deterministic; the bound says the picking is right.
        double[] weights = [0.1, 0, 0.3, 0.6, 0];
        var sc = TestScenarios.Small() with { Posterior = Sample(weights, ("coefficients.b0", [-4, -3.9, -3.8, -3.7, -3.6])) };
        const int n = 4_000;
        var counts = new int[weights.Length];
        for (int r = 0; r < n; r++)
        {
            var drawn = UncertaintySampler.Apply(sc, Key(r), out var values);
            int row = (int)values.Single(v => v.Key == PosteriorSample.RowKey).Value;
            counts[row]++;
            Assert.Equal(sc.Posterior!.Rows[row][0], drawn.Coefficients.B0);
        }
        Assert.Equal(0, counts[1]);
        Assert.Equal(0, counts[4]);
        for (int i = 0; i < weights.Length; i++)
        {
            double expected = n * weights[i], sd = Math.Sqrt(n * weights[i] * (1 - weights[i]));
            Assert.InRange(counts[i], expected - 4 * sd, expected + 4 * sd);
        }
    }

    [Fact]
    public void Weights_need_not_sum_to_1_and_pick_by_cumulative_weight()
    {
        var p = Sample([2, 0, 6], ("coefficients.b0", [-4, -3, -2]));
        Assert.Equal(0, p.Pick(0));
        Assert.Equal(0, p.Pick(0.2499));
        Assert.Equal(2, p.Pick(0.25));
        Assert.Equal(2, p.Pick(Math.BitDecrement(1.0)));
    }

    [Fact]
    public void A_policy_extending_the_baseline_draws_the_same_row_in_each_replication()
    {
        var baseline = TestScenarios.Small() with
        {
            Posterior = Sample([0.2, 0.5, 0.3], ("coefficients.b0", [-4, -3.5, -3]), ("coefficients.b_wage", [1, 1.2, 1.4])),
            Uncertainty = [new UncertainParameter("coefficients.b_gpu", new DistributionSpec { Dist = DistributionKind.Normal, Mean = 0.2, Sd = 0.05 })],
        };
        var policy = baseline with { Levers = [new VisaPolicy { At = new YearMonth(2026, 1), FeeUsd = 1 }] };
        for (int r = 0; r < 200; r++)
        {
            UncertaintySampler.Apply(baseline, Key(r), out var a);
            UncertaintySampler.Apply(policy, Key(r), out var b);
            Assert.Equal(a, b);
        }
        // The other draws are keyed by their own paths: adding the posterior leaves the b_gpu draw as it was.
        UncertaintySampler.Apply(baseline with { Posterior = null }, Key(3), out var without);
        UncertaintySampler.Apply(baseline, Key(3), out var with);
        Assert.Equal(without.Single(v => v.Key == "coefficients.b_gpu"), with.Single(v => v.Key == "coefficients.b_gpu"));
    }

    [Fact]
    public void A_scenario_built_in_code_meets_the_posterior_rules()
    {
        static IEnumerable<string> Errors(PosteriorSample p, params UncertainParameter[] u) =>
            ScenarioValidator.Check(TestScenarios.Small() with { Posterior = p, Uncertainty = u }).Errors.Select(e => $"{e.Path}: {e.Message}");
        const string at = "uncertainty.posterior.file";

        Assert.Empty(Errors(Sample([1, 0], ("coefficients.b0", [-4, -3]))));
        Assert.Equal([$"{at}: posterior.csv, row 2: the weight -1 must be a finite number of at least 0"], Errors(Sample([1, -1], ("coefficients.b0", [-4, -3]))));
        Assert.Equal([$"{at}: the weights of posterior.csv are all 0, so no row can be drawn"], Errors(Sample([0, 0], ("coefficients.b0", [-4, -3]))));
        Assert.Equal([$"{at}: posterior.csv has no parameter columns: besides particle, weight, distance, summary.* and simulation_seed, " +
                      "each column is headed by the path of a quantity of the scenario (coefficients.b0)"], Errors(Sample([1])));
        Assert.Equal([$"{at}: posterior.csv, row 2, column 'visa.selection_rate': 1.5 is outside the valid range [0, 1] of visa.selection_rate"],
            Errors(Sample([1, 1], ("visa.selection_rate", [0.5, 1.5]))));
        Assert.Equal([$"{at}: posterior.csv, column 'sectors[0].share': 'sectors[0].share' is one of the shares of sectors, which must sum to 1, so a posterior cannot set it on its own"],
            Errors(Sample([1], ("sectors[0].share", [0.3]))));
        Assert.StartsWith($"{at}: posterior.csv, column 'coefficients.bx': not a quantity of the scenario: ", Errors(Sample([1], ("coefficients.bx", [1]))).Single());
        Assert.Equal(["uncertainty.coefficients.b0: 'coefficients.b0' is a column of the posterior posterior.csv: a path may not be both in the posterior " +
                      "and drawn on its own (remove this entry or the column)"],
            Errors(Sample([1], ("coefficients.b0", [-4])), new UncertainParameter("coefficients.b0", new DistributionSpec { Dist = DistributionKind.Normal, Mean = -4, Sd = 0.1 })));
    }

    [Fact]
    public void The_resource_estimate_takes_the_largest_count_of_the_rows_that_can_be_drawn()
    {
        var sc = TestScenarios.Small() with { Posterior = Sample([0.5, 0.5, 0], ("population.at_home", [2_000, 4_000, 9_000])) };
        var size = ResourceEstimate.ScenarioSize.Of(sc);
        Assert.Equal(4_000 + 315 + 235, size.InitialAgents);
        Assert.True(size.Uncertain);
    }
}
