using BrainDrainSim.Reference.Tests.Comparison;

namespace BrainDrainSim.Reference.Tests;

/// <summary>
/// The rule of <see cref="EngineEquivalenceTests"/> on made-up statistics, so that each way to fail is seen to fail
/// (the real comparison takes half an hour and, on the old engine, passes).
/// </summary>
public class EngineEquivalenceRuleTests
{
    private static FinalStatistics Stats(double mean, double sd, int n = 1000) => new("s.yaml", "m", n, mean, sd);

    private static string? Failure(FinalStatistics old, FinalStatistics? now) => new EngineEquivalenceRow(old, now).Failure;

    [Fact]
    public void Means_within_3_combined_standard_errors_and_sds_within_10_percent_pass()
    {
        // Combined standard error sqrt(2 x 100^2 / 1000) = 4.47: a difference of 13 is 2.9 of them.
        Assert.Null(Failure(Stats(1000, 100), Stats(1013, 100)));
        Assert.Null(Failure(Stats(1000, 100), Stats(987, 109)));
        Assert.Null(Failure(Stats(1000, 100), Stats(1000, 91)));
    }

    [Fact]
    public void A_mean_off_by_more_than_3_standard_errors_fails_with_its_z()
    {
        var row = new EngineEquivalenceRow(Stats(1000, 100), Stats(1014, 100));
        Assert.Equal(3.13, row.Z, 2);
        Assert.Equal("|z| 3.13 > 3", row.Failure);
    }

    [Fact]
    public void An_sd_ratio_outside_0_9_to_1_1_fails()
    {
        Assert.Equal("sd ratio 1.120 outside [0.9, 1.1]", Failure(Stats(1000, 100), Stats(1000, 112)));
        Assert.Equal("sd ratio 0.880 outside [0.9, 1.1]", Failure(Stats(1000, 100), Stats(1000, 88)));
    }

    [Fact]
    public void Deterministic_metrics_must_agree_to_1e_9_relative()
    {
        Assert.Null(Failure(Stats(2336000000000.003, 0), Stats(2336000000000, 0)));
        Assert.Null(Failure(Stats(0, 0), Stats(0, 0)));
        Assert.NotNull(Failure(Stats(417, 0), Stats(418, 0)));
        Assert.True(new EngineEquivalenceRow(Stats(417, 0), Stats(417, 0)).Deterministic);
    }

    [Fact]
    public void An_sd_of_0_in_one_engine_only_fails()
    {
        Assert.NotNull(Failure(Stats(417, 0), Stats(417, 0.5)));
        Assert.NotNull(Failure(Stats(417, 0.5), Stats(417, 0)));
    }

    [Fact]
    public void A_metric_defined_in_a_different_number_of_runs_or_missing_fails()
    {
        Assert.NotNull(Failure(Stats(0.5, 0.1), Stats(0.5, 0.1, n: 999)));
        Assert.NotNull(Failure(Stats(double.NaN, double.NaN, n: 0), Stats(0.5, 0.1)));
        Assert.Null(Failure(Stats(double.NaN, double.NaN, n: 0), Stats(double.NaN, double.NaN, n: 0)));
        Assert.Equal("the engine under test has no such metric", Failure(Stats(1, 1), null));
    }

    [Fact]
    public void Final_statistics_give_sd_0_exactly_when_every_value_is_the_same()
    {
        // A thousand copies of 0.1 sum to 99.9999999999986, not 100: the mean would not be 0.1 and the sd not 0.
        var same = FinalStatistics.Of("s.yaml", "m", Enumerable.Repeat(0.1, 1000).ToArray());
        Assert.Equal(0.1, same.Mean);
        Assert.Equal(0, same.Sd);
        var spread = FinalStatistics.Of("s.yaml", "m", [1, 2, 3, 4]);
        Assert.Equal(2.5, spread.Mean);
        Assert.Equal(Math.Sqrt(5.0 / 3), spread.Sd, 12);
    }

    [Fact]
    public void A_line_of_the_record_round_trips()
    {
        var s = new FinalStatistics("scenarios/baseline.yaml", "compute_per_home_researcher.academia", 1000, 0.1 + 0.2, double.NaN);
        string line = EngineRecord.Line(s);
        Assert.Equal("scenarios/baseline.yaml,compute_per_home_researcher.academia,1000,0.30000000000000004,NaN", line);
        Assert.Equal(s, EngineRecord.Parse(line, "test", 1));
    }
}
