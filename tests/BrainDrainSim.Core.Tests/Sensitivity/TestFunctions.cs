using BrainDrainSim.Sensitivity;

namespace BrainDrainSim.Core.Tests.Sensitivity;

/// <summary>The standard test functions of global sensitivity analysis, with their analytic indices.</summary>
internal static class TestFunctions
{
    /// <summary>Every row of the design run through <paramref name="model"/>, in row order.</summary>
    public static double[] Run(SaltelliDesign design, Func<SaltelliRow, double> model) =>
        Enumerable.Range(0, (int)design.RowCount).Select(i => model(design.Row(i))).ToArray();

    /// <summary>Every row of the design run through <paramref name="model"/>, in row order.</summary>
    public static double[] Run(MorrisDesign design, Func<IReadOnlyList<double>, double> model) =>
        Enumerable.Range(0, design.RowCount).Select(i => model(design.Row(i).Coordinates)).ToArray();

    /// <summary>Ishigami and Homma (1990): sin x1 + a sin^2 x2 + b x3^4 sin x1, inputs uniform on [-pi, pi].</summary>
    public static double Ishigami(IReadOnlyList<double> u, double a = 7, double b = 0.1)
    {
        double x1 = -Math.PI + 2 * Math.PI * u[0], x2 = -Math.PI + 2 * Math.PI * u[1], x3 = -Math.PI + 2 * Math.PI * u[2];
        double s2 = Math.Sin(x2);
        return Math.Sin(x1) + a * s2 * s2 + b * Math.Pow(x3, 4) * Math.Sin(x1);
    }

    /// <summary>The Ishigami function's first-order and total indices from its closed form (Sobol and Levitan 1999).</summary>
    public static (double[] First, double[] Total) IshigamiIndices(double a = 7, double b = 0.1)
    {
        double pi4 = Math.Pow(Math.PI, 4), pi8 = Math.Pow(Math.PI, 8);
        double v1 = 0.5 * Math.Pow(1 + b * pi4 / 5, 2);
        double v2 = a * a / 8;
        double v13 = b * b * pi8 * (1.0 / 18 - 1.0 / 50);
        double v = v1 + v2 + v13;
        return ([v1 / v, v2 / v, 0], [(v1 + v13) / v, v2 / v, v13 / v]);
    }

    /// <summary>Sobol's G-function: the product of (|4 x_i - 2| + a_i) / (1 + a_i), inputs uniform on [0, 1].</summary>
    public static double G(IReadOnlyList<double> u, double[] a)
    {
        double f = 1;
        for (int i = 0; i < a.Length; i++) f *= (Math.Abs(4 * u[i] - 2) + a[i]) / (1 + a[i]);
        return f;
    }

    /// <summary>
    /// The G-function's indices from its closed form: V_i = 1 / (3 (1 + a_i)^2), V = prod(1 + V_i) - 1,
    /// S_i = V_i / V, ST_i = V_i prod_(j != i)(1 + V_j) / V.
    /// </summary>
    public static (double[] First, double[] Total) GIndices(double[] a)
    {
        var vi = a.Select(x => 1 / (3 * (1 + x) * (1 + x))).ToArray();
        double product = vi.Aggregate(1.0, (p, x) => p * (1 + x));
        double v = product - 1;
        return (vi.Select(x => x / v).ToArray(), vi.Select(x => x * product / (1 + x) / v).ToArray());
    }
}
