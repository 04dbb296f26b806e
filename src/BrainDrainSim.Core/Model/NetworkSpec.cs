namespace BrainDrainSim.Model;

/// <summary>Each researcher's K fixed peers, drawn with sector homophily.</summary>
public sealed record NetworkSpec
{
    /// <summary>Ties per researcher (K), fixed for the run.</summary>
    [Plausible(0, 100, Why = "more than 100 close peers each")]
    [Bounds(0, 1000), Unit("ties")] public int PeersPerResearcher { get; init; } = 10;

    /// <summary>Probability that a tie is drawn within the researcher's own sector, else over everyone.</summary>
    [Plausible(0, 1)]
    [Bounds(0, 1)] public double Homophily { get; init; } = 0.7;
}
