namespace BrainDrainSim.Model;

/// <summary>The families an uncertain coefficient can be drawn from (MathNet.Numerics samples them).</summary>
public enum DistributionKind { Normal, Lognormal, Uniform, Beta, Triangular, Gamma }
