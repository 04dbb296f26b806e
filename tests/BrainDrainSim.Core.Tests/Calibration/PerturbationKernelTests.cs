using BrainDrainSim.Calibration.Smc;
using MathNet.Numerics.LinearAlgebra;

namespace BrainDrainSim.Core.Tests.Calibration;

/// <summary>
/// The kernel of Beaumont et al. (2009) in two dimensions, against formulas written out here: its covariance is
/// twice the population's weighted covariance, its mixture density is sum_j W_j N(theta; theta_j, Sigma), and its
/// proposals (a particle drawn by weight, then moved) have the population's covariance plus Sigma.
/// </summary>
public sealed class PerturbationKernelTests
{
    // A population with unequal weights and correlated coordinates.
    private static AbcPopulation Population()
    {
        var random = new Random(3);
        var particles = new AbcParticle[400];
        double total = 0;
        var raw = new double[particles.Length];
        for (int i = 0; i < particles.Length; i++) total += raw[i] = 0.2 + random.NextDouble();
        for (int i = 0; i < particles.Length; i++)
        {
            double a = random.NextDouble() * 2 - 1, b = 0.6 * a + 0.3 * (random.NextDouble() - 0.5);
            particles[i] = new AbcParticle([1 + a, -2 + b], raw[i] / total, 0, [], 0);
        }
        return new AbcPopulation(1, 1, particles);
    }

    private static Matrix<double> WeightedCovariance(AbcPopulation population)
    {
        var w = population.Weights();
        var mean = new double[2];
        for (int k = 0; k < 2; k++) mean[k] = WeightedStatistics.Mean(population.Values(k), w);
        var c = Matrix<double>.Build.Dense(2, 2);
        for (int i = 0; i < w.Length; i++)
        {
            var t = population.Particles[i].Theta;
            for (int k = 0; k < 2; k++)
                for (int l = 0; l < 2; l++) c[k, l] += w[i] * (t[k] - mean[k]) * (t[l] - mean[l]);
        }
        return c;
    }

    [Fact]
    public void The_mixture_density_is_the_weighted_sum_of_gaussians_with_twice_the_covariance()
    {
        var population = Population();
        var kernel = PerturbationKernel.TryCreate(population, 2)!;
        var sigma = 2 * WeightedCovariance(population);
        var inverse = sigma.Inverse();
        double norm = 1 / (2 * Math.PI * Math.Sqrt(sigma.Determinant()));
        double Direct(double[] theta)
        {
            double sum = 0;
            foreach (var p in population.Particles)
            {
                var e = Vector<double>.Build.Dense([theta[0] - p.Theta[0], theta[1] - p.Theta[1]]);
                sum += p.Weight * norm * Math.Exp(-0.5 * (e * inverse * e));
            }
            return Math.Log(sum);
        }
        // LogMixtureDensity leaves out the Gaussian's constant: differences between points must agree exactly.
        double[][] points = [[1, -2], [1.5, -1.6], [0.2, -2.5], [2.5, -3], [-1, 0]];
        double offset = Direct(points[0]) - kernel.LogMixtureDensity(points[0]);
        Assert.Equal(Math.Log(norm), offset, 10);
        foreach (var theta in points) Assert.Equal(Direct(theta), kernel.LogMixtureDensity(theta) + offset, 10);
    }

    /// <summary>
    /// 40,000 proposals: their covariance is the population's (from drawing a particle by weight) plus Sigma (from
    /// the move), 3 times the population's. The relative standard error of a covariance entry from 40,000 draws is
    /// about 1% for the variances and 2% for the covariance, so 5% of the variances' scale is 4 or more of them.
    /// </summary>
    [Fact]
    public void Proposals_have_the_populations_covariance_plus_the_kernels()
    {
        var population = Population();
        var kernel = PerturbationKernel.TryCreate(population, 2)!;
        var expected = 3 * WeightedCovariance(population);
        const int n = 40_000;
        var draws = new double[n][];
        for (int i = 0; i < n; i++)
        {
            draws[i] = new double[2];
            kernel.Propose(new AbcStream(AbcSmcSampler.DrawSeed(11, 1, i, 0)), draws[i]);
        }
        var mean = new double[2];
        for (int k = 0; k < 2; k++) mean[k] = draws.Average(d => d[k]);
        var weights = population.Weights();
        for (int k = 0; k < 2; k++)
            Assert.Equal(WeightedStatistics.Mean(population.Values(k), weights), mean[k], 0.02);
        for (int k = 0; k < 2; k++)
        {
            for (int l = 0; l < 2; l++)
            {
                double c = draws.Sum(d => (d[k] - mean[k]) * (d[l] - mean[l])) / n;
                double scale = Math.Sqrt(expected[k, k] * expected[l, l]);
                Assert.True(Math.Abs(c - expected[k, l]) < 0.05 * scale, $"covariance [{k}, {l}]: {c} against {expected[k, l]}");
            }
        }
    }

    [Fact]
    public void A_particle_of_weight_zero_is_never_resampled()
    {
        var population = Population();
        var particles = population.Particles.Select((p, i) => p with { Weight = i == 0 ? 1 : 0, Theta = i == 0 ? p.Theta : [p.Theta[0] + 100, p.Theta[1]] }).ToArray();
        // One particle with all the weight spans nothing: the kernel is refused.
        Assert.Null(PerturbationKernel.TryCreate(population with { Particles = particles }, 2));
        // Nor do two: in two dimensions the weight must sit on three points not on one line.
        particles[1] = particles[1] with { Weight = 0.5, Theta = [1.3, -2.2] };
        particles[2] = particles[2] with { Weight = 0.5, Theta = [0.4, -1.9] };
        particles[0] = particles[0] with { Weight = 0 };
        Assert.Null(PerturbationKernel.TryCreate(population with { Particles = particles }, 2));
        particles[1] = particles[1] with { Weight = 0.25 };
        particles[3] = particles[3] with { Weight = 0.25, Theta = [0.9, -2.6] };
        var kernel = PerturbationKernel.TryCreate(population with { Particles = particles }, 2)!;
        var theta = new double[2];
        for (int i = 0; i < 2000; i++)
        {
            kernel.Propose(new AbcStream(AbcSmcSampler.DrawSeed(5, 1, i, 0)), theta);
            Assert.True(theta[0] < 50, "a particle of weight 0, 100 away, was moved from");
        }
    }
}
