using BrainDrainSim.Calibration.Smc;
using BrainDrainSim.Model;
using BrainDrainSim.Randomness;
using MathNet.Numerics.Distributions;

namespace BrainDrainSim.Core.Tests.Calibration;

/// <summary>
/// Models with a posterior known in closed form. The linear Gaussian model: theta has independent normal priors,
/// the K observations are y = A theta + e with e ~ N(0, s^2 I), and the distance is |y_sim - y_obs| / s. The exact
/// posterior is normal with precision P = diag(1 / tau^2) + A'A / s^2 and mean P^-1 (mu0 / tau^2 + A' y_obs / s^2).
/// A normal mean with a conjugate prior is its K = 1 case: n observations of N(theta, sigma^2) summarised by their
/// mean, whose sd is s = sigma / sqrt(n).
/// </summary>
internal sealed class LinearGaussianToy : IAbcSimulator
{
    private int simulations;

    public LinearGaussianToy(double[,] a, double s, double[] observed)
    {
        A = a;
        S = s;
        Observed = observed;
    }

    public double[,] A { get; }

    public double S { get; }

    public double[] Observed { get; }

    /// <summary>The simulations made so far (counted across threads).</summary>
    public int Simulations => Volatile.Read(ref simulations);

    /// <summary>A theta the sampler passed that its check refused, if any (the check is set by a test).</summary>
    public Func<double[], bool>? Check { get; init; }

    public int Refused => Volatile.Read(ref refused);

    private int refused;

    public AbcOutcome Simulate(ReadOnlySpan<double> theta, ulong simulationSeed)
    {
        Interlocked.Increment(ref simulations);
        if (Check is not null && !Check(theta.ToArray())) Interlocked.Increment(ref refused);
        int k = A.GetLength(0);
        var y = new double[k];
        double squares = 0;
        for (int i = 0; i < k; i++)
        {
            double mean = 0;
            for (int j = 0; j < theta.Length; j++) mean += A[i, j] * theta[j];
            y[i] = mean + S * StandardNormal(simulationSeed, i);
            double e = (y[i] - Observed[i]) / S;
            squares += e * e;
        }
        return new AbcOutcome(Math.Sqrt(squares), y);
    }

    /// <summary>The exact posterior's mean and covariance under independent normal priors N(mu0_j, tau_j^2).</summary>
    public (double[] Mean, double[,] Covariance) ExactPosterior(double[] mu0, double[] tau)
    {
        int d = mu0.Length, k = A.GetLength(0);
        var precision = MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.Dense(d, d);
        var b = MathNet.Numerics.LinearAlgebra.Vector<double>.Build.Dense(d);
        for (int j = 0; j < d; j++)
        {
            precision[j, j] = 1 / (tau[j] * tau[j]);
            b[j] = mu0[j] / (tau[j] * tau[j]);
        }
        for (int j = 0; j < d; j++)
        {
            for (int l = 0; l < d; l++)
            {
                for (int i = 0; i < k; i++) precision[j, l] += A[i, j] * A[i, l] / (S * S);
            }
            for (int i = 0; i < k; i++) b[j] += A[i, j] * Observed[i] / (S * S);
        }
        var covariance = precision.Inverse();
        return ((covariance * b).ToArray(), covariance.ToArray());
    }

    /// <summary>The normal mean toy: prior N(mu0, tau^2), n observations of N(theta, sigma^2) with mean yObserved.</summary>
    public static LinearGaussianToy NormalMean(double sigma, int n, double yObserved) =>
        new(new double[,] { { 1 } }, sigma / Math.Sqrt(n), [yObserved]);

    /// <summary>Independent normal priors, one per name.</summary>
    public static AbcPrior NormalPrior(double[] mu0, double[] tau, string[] names) =>
        new(names.Select((name, j) => new PriorParameter(name, new DistributionSpec { Dist = DistributionKind.Normal, Mean = mu0[j], Sd = tau[j] })));

    // A standard normal keyed by the simulation's seed alone, as a model's own draws would be.
    private static double StandardNormal(ulong seed, int index)
    {
        StreamKey.FromSeed(seed).Uniforms((uint)index, 0, 0, Purpose.Parameter, 0, out double u, out _, out _, out _);
        return Normal.InvCDF(0, 1, u);
    }
}
