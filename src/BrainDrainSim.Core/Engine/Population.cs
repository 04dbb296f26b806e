namespace BrainDrainSim.Engine;

/// <summary>
/// The researchers of one replication as a structure of arrays (one array per attribute, indexed by
/// agent id), sized up front for the initial population plus every scheduled entrant, so a month
/// allocates nothing. Entity keys (KeyLo, KeyHi) name each researcher's random streams.
/// </summary>
internal sealed class Population
{
    public Population(int capacity, int peersPerResearcher)
    {
        Capacity = capacity;
        K = peersPerResearcher;
        Location = new byte[capacity];
        Sector = new byte[capacity];
        Stage = new byte[capacity];
        Degree = new byte[capacity];
        Flags = new byte[capacity];
        Talent = new float[capacity];
        HomePayFactor = new float[capacity];
        OfferFactor = new float[capacity];
        Access = new float[capacity];
        Attachment = new float[capacity];
        StudentEmigrationMonth = new short[capacity];
        KeyLo = new uint[capacity];
        KeyHi = new uint[capacity];
        Peers = new int[(long)capacity * peersPerResearcher];
    }

    public int Capacity { get; }
    public int Count { get; set; }

    /// <summary>Peers per researcher; a tie of -1 means no one could be drawn (a population of one).</summary>
    public int K { get; }

    public readonly byte[] Location;
    public readonly byte[] Sector;
    public readonly byte[] Stage;
    public readonly byte[] Degree;
    public readonly byte[] Flags;
    public readonly float[] Talent;

    /// <summary>Personal multipliers (mean 1): home pay, the offer abroad (talent premium included), compute access.</summary>
    public readonly float[] HomePayFactor;
    public readonly float[] OfferFactor;
    public readonly float[] Access;
    public readonly float[] Attachment;

    /// <summary>Month index of the last emigration as a student, or -1.</summary>
    public readonly short[] StudentEmigrationMonth;

    public readonly uint[] KeyLo;
    public readonly uint[] KeyHi;
    public readonly int[] Peers;
}
