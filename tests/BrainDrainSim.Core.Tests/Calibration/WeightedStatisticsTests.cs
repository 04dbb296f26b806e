using BrainDrainSim.Calibration.Smc;

namespace BrainDrainSim.Core.Tests.Calibration;

public sealed class WeightedStatisticsTests
{
    [Fact]
    public void Equal_weights_give_the_plain_statistics()
    {
        double[] x = [3, 1, 4, 1, 5, 9, 2, 6];
        double[] w = [.. Enumerable.Repeat(0.125, 8)];
        Assert.Equal(31.0 / 8, WeightedStatistics.Mean(x, w), 14);
        double mean = x.Average();
        Assert.Equal(Math.Sqrt(x.Sum(v => (v - mean) * (v - mean)) / 8), WeightedStatistics.StandardDeviation(x, w), 14);
        // Type 1 on the sorted values 1 1 2 3 4 5 6 9: the smallest value whose cumulative share reaches p.
        Assert.Equal(3, WeightedStatistics.Quantile(x, w, 0.5));
        Assert.Equal(4, WeightedStatistics.Quantile(x, w, 0.51));
        Assert.Equal(1, WeightedStatistics.Quantile(x, w, 0.05));
        Assert.Equal(1, WeightedStatistics.Quantile(x, w, 0));
        Assert.Equal(9, WeightedStatistics.Quantile(x, w, 1));
        Assert.Equal(8, WeightedStatistics.EffectiveSampleSize(w), 12);
    }

    [Fact]
    public void Weights_count_as_repetitions()
    {
        // Weights 1, 2, 1 on 10, 20, 30 are the sample 10, 20, 20, 30.
        double[] x = [10, 20, 30];
        double[] w = [1, 2, 1];
        Assert.Equal(20, WeightedStatistics.Mean(x, w), 14);
        Assert.Equal(Math.Sqrt(50), WeightedStatistics.StandardDeviation(x, w), 12);
        Assert.Equal(10, WeightedStatistics.Quantile(x, w, 0.25));
        Assert.Equal(20, WeightedStatistics.Quantile(x, w, 0.26));
        Assert.Equal(30, WeightedStatistics.Quantile(x, w, 0.76));
        Assert.Equal(16.0 / 6, WeightedStatistics.EffectiveSampleSize(w), 14);
        // A value of weight 0 is never a quantile, and one particle with all the weight is an ESS of 1.
        Assert.Equal(20, WeightedStatistics.Quantile(x, [0, 1, 0], 0));
        Assert.Equal(1, WeightedStatistics.EffectiveSampleSize([0, 1, 0]));
        Assert.Throws<ArgumentException>(() => WeightedStatistics.Mean(x, [0, 0, 0]));
        Assert.Throws<ArgumentException>(() => WeightedStatistics.Mean(x, [1, -1, 1]));
        Assert.Throws<ArgumentException>(() => WeightedStatistics.Mean(x, [1, 1]));
    }
}
