namespace BrainDrainSim.Engine;

/// <summary>The logistic function of the random-utility logit (Grogger and Hanson 2011).</summary>
public static class Logistic
{
    public static double Of(double x) => 1.0 / (1.0 + Math.Exp(-x));
}
