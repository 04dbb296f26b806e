namespace BrainDrainSim.Reporting.Tests;

public class CrossRunStatisticsTests
{
    private const double Tol = 1e-12;

    [Fact]
    public void Percentiles_are_type_7_as_computed_by_hand()
    {
        // Given out of order: the statistic must sort. Type 7: h = (n - 1) p, interpolate between order statistics.
        var s = CrossRunStatistics.Of([10, 1, 3, 2, 4]);
        Assert.Equal(5, s.N);
        Assert.Equal(1.2, s.P05, Tol);  // h = 0.2: 1 + 0.2 * (2 - 1)
        Assert.Equal(2, s.P25, Tol);    // h = 1
        Assert.Equal(3, s.P50, Tol);    // h = 2
        Assert.Equal(4, s.P75, Tol);    // h = 3
        Assert.Equal(8.8, s.P95, Tol);  // h = 3.8: 4 + 0.8 * (10 - 4)
        Assert.Equal(4, s.Mean, Tol);
    }

    [Fact]
    public void Percentiles_of_an_even_count_interpolate_as_numpy_does()
    {
        // numpy.percentile([3, 1, 2, 4], [5, 25, 50, 75, 95]) = [1.15, 1.75, 2.5, 3.25, 3.85]
        var s = CrossRunStatistics.Of([3, 1, 2, 4]);
        Assert.Equal([1.15, 1.75, 2.5, 3.25, 3.85], s.Percentiles.Select(p => Math.Round(p, 12)));
    }

    [Fact]
    public void Type_7_differs_from_MathNets_default_type_8()
    {
        // Guards against a switch to Statistics.Quantile (type 8), which gives p05 = 1 for this vector.
        Assert.Equal(1.2, CrossRunStatistics.QuantileType7([1, 2, 3, 4, 10], 0.05), Tol);
        Assert.NotEqual(1.2, MathNet.Numerics.Statistics.Statistics.Quantile([1.0, 2, 3, 4, 10], 0.05), Tol);
    }

    [Fact]
    public void Sd_divides_by_n_minus_1()
    {
        // Deviations from the mean 5: squares sum to 32; population sd would be 2, sample sd sqrt(32/7).
        var s = CrossRunStatistics.Of([2, 4, 4, 4, 5, 5, 7, 9]);
        Assert.Equal(5, s.Mean, Tol);
        Assert.Equal(Math.Sqrt(32.0 / 7), s.Sd, Tol);
        Assert.Equal(Math.Sqrt(12.5), CrossRunStatistics.Of([1, 2, 3, 4, 10]).Sd, Tol);
    }

    [Fact]
    public void Constant_values_have_sd_exactly_zero()
    {
        var s = CrossRunStatistics.Of([0.1, 0.1, 0.1]);
        // sum / n would give 0.10000000000000002 and sd 1.7e-17 here.
        Assert.Equal(0.1, s.Mean);
        Assert.Equal(0.0, s.Sd);
        Assert.Equal(0.1, s.P95);
    }

    [Fact]
    public void Undefined_values_are_left_out_and_counted()
    {
        var s = CrossRunStatistics.Of([1, double.NaN, 3, double.PositiveInfinity]);
        Assert.Equal(2, s.N);
        Assert.Equal(4, s.Replications);
        Assert.Equal(2, s.Mean, Tol);
        Assert.Equal(Math.Sqrt(2), s.Sd, Tol);
        Assert.Equal(CrossRunStatistics.StatusOk, s.Status);
    }

    [Fact]
    public void One_value_has_no_sd_and_says_so()
    {
        var s = CrossRunStatistics.Of([double.NaN, 5]);
        Assert.Equal(1, s.N);
        Assert.Equal(5, s.Mean);
        Assert.True(double.IsNaN(s.Sd));
        Assert.All(s.Percentiles, p => Assert.Equal(5, p));
        Assert.Equal(CrossRunStatistics.StatusSdUndefined, s.Status);
    }

    [Fact]
    public void No_defined_value_leaves_everything_undefined()
    {
        var s = CrossRunStatistics.Of([double.NaN, double.NaN]);
        Assert.Equal(0, s.N);
        Assert.True(double.IsNaN(s.Mean));
        Assert.All(s.Percentiles, p => Assert.True(double.IsNaN(p)));
        Assert.Equal(CrossRunStatistics.StatusNoValues, s.Status);
    }

    [Fact]
    public void The_same_values_in_the_same_order_give_the_same_bits()
    {
        var rng = new Random(7);
        var values = Enumerable.Range(0, 1001).Select(_ => rng.NextDouble() * 1e6).ToArray();
        var a = CrossRunStatistics.Of(values);
        var b = CrossRunStatistics.Of(values.ToArray());
        Assert.Equal(BitConverter.DoubleToInt64Bits(a.Mean), BitConverter.DoubleToInt64Bits(b.Mean));
        Assert.Equal(BitConverter.DoubleToInt64Bits(a.Sd), BitConverter.DoubleToInt64Bits(b.Sd));
        Assert.Equal(a, b);
    }
}
