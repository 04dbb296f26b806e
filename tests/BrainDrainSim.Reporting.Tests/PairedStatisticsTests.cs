using MathNet.Numerics.Distributions;
using BrainDrainSim.Reporting.Comparisons;

namespace BrainDrainSim.Reporting.Tests;

/// <summary>PairedStatistics.Of on small arrays worked by hand.</summary>
public class PairedStatisticsTests
{
    // Hand values below are exact decimals or carry 15+ significant digits; 1e-12 only absorbs the last
    // bits of the double arithmetic (sums, a square root, the t quantile).
    private const double Tol = 1e-12;

    // Replication order matters: policy_i pairs with baseline_i. d = policy - baseline = [1, 2, 4, 0, 11].
    private static readonly double[] Baseline = [10, 20, 30, 40, 50];
    private static readonly double[] Policy = [11, 22, 34, 40, 61];

    [Fact]
    public void Mean_and_sd_of_the_paired_differences()
    {
        var s = PairedStatistics.Of(Baseline, Policy);
        Assert.Equal(5, s.N);
        Assert.Equal(5, s.Replications);
        Assert.Equal(30, s.BaselineMean, Tol);
        Assert.Equal(33.6, s.PolicyMean, Tol);
        // mean d = 18 / 5 = 3.6; deviations -2.6, -1.6, 0.4, -3.6, 7.4; squares 6.76 + 2.56 + 0.16 + 12.96
        // + 54.76 = 77.2; sd = sqrt(77.2 / 4) = sqrt(19.3) (n - 1 in the denominator).
        Assert.Equal(3.6, s.Mean, Tol);
        Assert.Equal(Math.Sqrt(19.3), s.Sd, Tol);
        Assert.Equal(PairedStatistics.StatusOk, s.Status);
    }

    [Fact]
    public void Confidence_interval_is_the_paired_t_interval()
    {
        var s = PairedStatistics.Of(Baseline, Policy);
        double t = StudentT.InvCDF(0, 1, 4, 0.975);
        // The MathNet quantile against the printed table value t(0.975, 4) = 2.7764451051977987 (R: qt(0.975, 4)).
        Assert.Equal(2.7764451051977987, t, 1e-12);
        Assert.Equal(t, PairedStatistics.TQuantile(5));
        double half = t * Math.Sqrt(19.3) / Math.Sqrt(5);
        Assert.Equal(3.6 - half, s.CiLow, Tol);
        Assert.Equal(3.6 + half, s.CiHigh, Tol);
        // 3.6 -+ 2.7764451051977987 * 4.39317652729776 / sqrt 5, worked in double precision by hand.
        Assert.Equal(-1.8548491316994746, s.CiLow, 1e-9);
        Assert.Equal(9.054849131699475, s.CiHigh, 1e-9);
        Assert.False(s.Excludes0);
    }

    [Fact]
    public void Percentiles_of_the_differences_are_type_7()
    {
        var s = PairedStatistics.Of(Baseline, Policy);
        // Sorted d = [0, 1, 2, 4, 11]; h = (n - 1) p: p05 h = 0.2 -> 0 + 0.2 (1 - 0); p50 h = 2 -> 2;
        // p95 h = 3.8 -> 4 + 0.8 (11 - 4) = 9.6.
        Assert.Equal(0.2, s.P05, Tol);
        Assert.Equal(2, s.P50, Tol);
        Assert.Equal(9.6, s.P95, Tol);
    }

    [Fact]
    public void Probability_policy_higher_counts_ties_as_one_half()
    {
        // d = [1, 2, 4, 0, 11]: four higher, one tie: (4 + 0.5) / 5.
        Assert.Equal(0.9, PairedStatistics.Of(Baseline, Policy).ProbPolicyHigher, Tol);
        // d = [-1, 0, 0, 3]: one higher, two ties, one lower: (1 + 2 * 0.5) / 4.
        Assert.Equal(0.5, PairedStatistics.Of([1, 1, 1, 1], [0, 1, 1, 4]).ProbPolicyHigher, Tol);
        Assert.Equal(0.0, PairedStatistics.Of([2, 2, 2], [1, 1, 1]).ProbPolicyHigher);
        Assert.Equal(0.5, PairedStatistics.Of([2, 2, 2], [2, 2, 2]).ProbPolicyHigher);
    }

    [Fact]
    public void Pairs_with_an_undefined_value_are_left_out()
    {
        // Replications 1 and 2 each lack one value, replication 4 is infinite: pairs (1, 2) and (4, 6) remain.
        var s = PairedStatistics.Of([1, double.NaN, 3, 4, double.PositiveInfinity], [2, 5, double.NaN, 6, 1]);
        Assert.Equal(2, s.N);
        Assert.Equal(5, s.Replications);
        Assert.Equal(2.5, s.BaselineMean, Tol);
        Assert.Equal(4, s.PolicyMean, Tol);
        Assert.Equal(1.5, s.Mean, Tol);            // d = [1, 2]
        Assert.Equal(Math.Sqrt(0.5), s.Sd, Tol);   // (0.25 + 0.25) / 1
        double half = StudentT.InvCDF(0, 1, 1, 0.975) * Math.Sqrt(0.5) / Math.Sqrt(2);
        Assert.Equal(1.5 - half, s.CiLow, Tol);
        Assert.Equal(1.5 + half, s.CiHigh, Tol);
        Assert.Equal(1.0, s.ProbPolicyHigher);
        Assert.Equal(PairedStatistics.StatusOk, s.Status);
    }

    [Fact]
    public void Different_lengths_are_refused()
    {
        Assert.Throws<ArgumentException>(() => PairedStatistics.Of([1, 2], [1, 2, 3]));
    }

    [Fact]
    public void No_pair_leaves_everything_undefined_and_says_so()
    {
        var s = PairedStatistics.Of([double.NaN, 1], [2, double.NaN]);
        Assert.Equal(0, s.N);
        Assert.Equal(2, s.Replications);
        Assert.True(double.IsNaN(s.Mean));
        Assert.True(double.IsNaN(s.Sd));
        Assert.True(double.IsNaN(s.CiLow));
        Assert.True(double.IsNaN(s.P50));
        Assert.True(double.IsNaN(s.ProbPolicyHigher));
        Assert.Equal(PairedStatistics.StatusNoPairs, s.Status);
        Assert.Equal("undefined: no replication defines both values", s.Status);
        Assert.False(s.Excludes0);
    }

    [Fact]
    public void One_pair_has_a_mean_but_no_interval()
    {
        var s = PairedStatistics.Of([3, double.NaN], [7, 1]);
        Assert.Equal(1, s.N);
        Assert.Equal(4, s.Mean);
        Assert.Equal(4, s.P05);
        Assert.Equal(4, s.P95);
        Assert.True(double.IsNaN(s.Sd));
        Assert.True(double.IsNaN(s.CiLow));
        Assert.True(double.IsNaN(s.CiHigh));
        Assert.Equal(PairedStatistics.StatusCiUndefined, s.Status);
        Assert.Equal("ci undefined: fewer than 2 replications define both values", s.Status);
        Assert.False(s.Excludes0);
    }

    [Fact]
    public void Equal_values_give_a_zero_width_interval_at_zero()
    {
        var s = PairedStatistics.Of([0.1, 0.2, 0.3], [0.1, 0.2, 0.3]);
        Assert.Equal(0.0, s.Mean);
        Assert.Equal(0.0, s.Sd);
        Assert.Equal(0.0, s.CiLow);
        Assert.Equal(0.0, s.CiHigh);
        Assert.Equal(PairedStatistics.StatusOk, s.Status);
        Assert.False(s.Excludes0);
    }

    [Fact]
    public void Interval_away_from_zero_is_flagged()
    {
        // d = [1, 1.1, 0.9, 1]: mean 1, sd sqrt(0.02 / 3), interval 1 -+ 3.18 * 0.0408: well above zero.
        var up = PairedStatistics.Of([0, 0, 0, 0], [1, 1.1, 0.9, 1]);
        Assert.True(up.Excludes0);
        var down = PairedStatistics.Of([1, 1.1, 0.9, 1], [0, 0, 0, 0]);
        Assert.True(down.Excludes0);
        Assert.True(down.CiHigh < 0);
    }

    [Fact]
    public void A_level_that_overflows_says_so()
    {
        // Every difference is finite (0.7e308) but the baseline sum 2e308 is not.
        var s = PairedStatistics.Of([1e308, 1e308], [1.7e308, 1.7e308]);
        Assert.Equal(PairedStatistics.StatusOverflow, s.Status);
        Assert.Equal("undefined: a figure overflowed the range of double", s.Status);
        Assert.False(s.Excludes0);
    }

    [Fact]
    public void A_difference_that_overflows_says_so_rather_than_dropping_the_pair()
    {
        // Both values of replication 0 are finite but their difference, 2e308, is not. Leaving that pair out
        // of the mean while counting it in N would report mean 1 with status ok: the figure is undefined.
        var s = PairedStatistics.Of([-1e308, 0, 1], [1e308, 1, 2]);
        Assert.Equal(3, s.N);
        Assert.Equal(PairedStatistics.StatusOverflow, s.Status);
        Assert.False(double.IsFinite(s.Mean));
        Assert.False(s.Excludes0);
    }
}
