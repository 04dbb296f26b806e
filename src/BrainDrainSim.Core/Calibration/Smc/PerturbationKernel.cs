using MathNet.Numerics.Distributions;
using MathNet.Numerics.LinearAlgebra;

namespace BrainDrainSim.Calibration.Smc;

/// <summary>
/// The proposal of a generation after the first: a particle of the previous population drawn by its weight, moved
/// by a Gaussian with covariance Sigma = scale x the population's weighted covariance (Beaumont et al. 2009), and
/// the denominator of the new importance weights, sum_j W_j K(theta | theta_j). Sigma's Cholesky factor L turns
/// both into plain arithmetic: a move is L z for standard normals z, and the kernel's exponent is
/// |L^-1 theta - L^-1 theta_j|^2, with L^-1 theta_j computed once per previous particle.
/// </summary>
internal sealed class PerturbationKernel
{
    private readonly int dimension;
    private readonly double[,] lower;
    private readonly double[][] centres;
    private readonly double[][] whitenedCentres;
    private readonly double[] weights;
    private readonly double[] logWeights;
    private readonly double[] cumulative;

    private PerturbationKernel(double[,] lower, AbcPopulation previous)
    {
        this.lower = lower;
        dimension = lower.GetLength(0);
        int n = previous.Particles.Count;
        centres = previous.Particles.Select(p => p.Theta.ToArray()).ToArray();
        whitenedCentres = centres.Select(c => Whiten(c)).ToArray();
        weights = previous.Weights();
        logWeights = weights.Select(w => Math.Log(w)).ToArray();
        cumulative = MonteCarlo.WeightedDraw.Cumulative(weights);
    }

    /// <summary>
    /// The kernel of a population, or null when its scaled weighted covariance is not positive definite (the
    /// weight sits on too few distinct particles to span every parameter).
    /// </summary>
    internal static PerturbationKernel? TryCreate(AbcPopulation previous, double scale)
    {
        int d = previous.Particles[0].Theta.Count, n = previous.Particles.Count;
        var w = previous.Weights();
        // Weight on d points or fewer spans no more than d - 1 dimensions. Rounding can still leave such a covariance
        // a hair above 0 (the mean of equal values need not equal them), so count the points rather than trust it.
        var distinct = new HashSet<IReadOnlyList<double>>(SameBits.Instance);
        for (int i = 0; i < n && distinct.Count <= d; i++)
        {
            if (w[i] > 0) distinct.Add(previous.Particles[i].Theta);
        }
        if (distinct.Count <= d) return null;
        var mean = new double[d];
        for (int k = 0; k < d; k++)
        {
            double m = 0;
            for (int i = 0; i < n; i++) m += w[i] * previous.Particles[i].Theta[k];
            mean[k] = m;
        }
        var covariance = new double[d, d];
        for (int k = 0; k < d; k++)
        {
            for (int l = 0; l <= k; l++)
            {
                double c = 0;
                for (int i = 0; i < n; i++)
                {
                    var t = previous.Particles[i].Theta;
                    c += w[i] * (t[k] - mean[k]) * (t[l] - mean[l]);
                }
                covariance[k, l] = covariance[l, k] = scale * c;
            }
        }
        for (int k = 0; k < d; k++)
        {
            if (!(covariance[k, k] > 0 && double.IsFinite(covariance[k, k]))) return null;
        }
        Matrix<double> factor;
        try
        {
            factor = Matrix<double>.Build.DenseOfArray(covariance).Cholesky().Factor;
        }
        catch (ArgumentException)
        {
            // MathNet's message for a matrix that is not positive definite.
            return null;
        }
        var lower = factor.ToArray();
        for (int k = 0; k < d; k++)
        {
            if (!(lower[k, k] > 0 && double.IsFinite(lower[k, k]))) return null;
        }
        return new PerturbationKernel(lower, previous);
    }

    /// <summary>
    /// A proposal into <paramref name="theta"/>: uniform 0 of the attempt picks the previous particle by the inverse
    /// of the cumulative weights, uniforms 1 .. d become standard normals by the inverse CDF.
    /// </summary>
    internal void Propose(AbcStream stream, Span<double> theta)
    {
        Span<double> z = stackalloc double[dimension];
        int j = 0;
        for (int block = 0; 2 * block <= dimension; block++)
        {
            stream.Uniforms((uint)block, out double u0, out double u1);
            if (block == 0) j = Resample(u0);
            else z[2 * block - 1] = Normal.InvCDF(0, 1, u0);
            if (2 * block < dimension) z[2 * block] = Normal.InvCDF(0, 1, u1);
        }
        var centre = centres[j];
        for (int k = 0; k < dimension; k++)
        {
            double move = 0;
            for (int l = 0; l <= k; l++) move += lower[k, l] * z[l];
            theta[k] = centre[k] + move;
        }
    }

    /// <summary>
    /// log sum_j W_j exp(-|L^-1 (theta - theta_j)|^2 / 2): the log of the kernel mixture's density at theta up to a
    /// constant, which the normalisation of the weights removes. Summed in j's order after subtracting the largest
    /// term, so it neither underflows nor depends on threads.
    /// </summary>
    internal double LogMixtureDensity(ReadOnlySpan<double> theta)
    {
        var y = Whiten(theta.ToArray());
        int n = centres.Length;
        var terms = new double[n];
        double max = double.NegativeInfinity;
        for (int j = 0; j < n; j++)
        {
            var c = whitenedCentres[j];
            double q = 0;
            for (int k = 0; k < dimension; k++)
            {
                double e = y[k] - c[k];
                q += e * e;
            }
            terms[j] = logWeights[j] - 0.5 * q;
            if (terms[j] > max) max = terms[j];
        }
        if (double.IsNegativeInfinity(max)) return max;
        double sum = 0;
        for (int j = 0; j < n; j++) sum += Math.Exp(terms[j] - max);
        return max + Math.Log(sum);
    }

    // The first particle whose cumulative weight exceeds u of the total; one of weight 0 is never chosen.
    private int Resample(double u) => MonteCarlo.WeightedDraw.Index(weights, cumulative, u);

    // L^-1 x by forward substitution.
    private double[] Whiten(double[] x)
    {
        var y = new double[dimension];
        for (int k = 0; k < dimension; k++)
        {
            double s = x[k];
            for (int l = 0; l < k; l++) s -= lower[k, l] * y[l];
            y[k] = s / lower[k, k];
        }
        return y;
    }

    private sealed class SameBits : IEqualityComparer<IReadOnlyList<double>>
    {
        internal static readonly SameBits Instance = new();

        public bool Equals(IReadOnlyList<double>? x, IReadOnlyList<double>? y) =>
            x is not null && y is not null && x.Count == y.Count && x.Select(BitConverter.DoubleToInt64Bits).SequenceEqual(y.Select(BitConverter.DoubleToInt64Bits));

        public int GetHashCode(IReadOnlyList<double> obj)
        {
            var hash = new HashCode();
            foreach (double v in obj) hash.Add(BitConverter.DoubleToInt64Bits(v));
            return hash.ToHashCode();
        }
    }
}
