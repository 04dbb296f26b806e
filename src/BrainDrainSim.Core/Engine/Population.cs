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
        Utility = new double[capacity];
        Group = new byte[capacity];
        AbroadPeers = new ushort[capacity];
        FollowerHead = new int[capacity];
        FollowerNext = new int[(long)capacity * peersPerResearcher];
        Array.Fill(FollowerHead, -1);
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

    /// <summary>
    /// The researcher's own part of the utility it weighs where it is: emigration (pay and offer
    /// factors, access, talent, attachment) at home, return abroad; minus infinity once exited, so the
    /// decision kernel gives exited researchers p = 0 without a branch on location.
    /// </summary>
    public readonly double[] Utility;

    /// <summary>(sector * 4 + stage) * 2 + top talent: indexes the month's group terms and top-ups.</summary>
    public readonly byte[] Group;

    /// <summary>How many of the researcher's K ties are abroad now, kept up to date as others move.</summary>
    public readonly ushort[] AbroadPeers;

    /// <summary>
    /// Reverse edges: FollowerHead[j] is the first tie (an index into Peers) that points at j, and
    /// FollowerNext[e] the next; the follower of tie e is e / K. A move of j updates only its followers.
    /// </summary>
    public readonly int[] FollowerHead;
    public readonly int[] FollowerNext;

    /// <summary>Bytes per researcher of the arrays the monthly kernel touches (the peer network not counted).</summary>
    public const int HotBytesPerResearcher = sizeof(double) + sizeof(byte) * 4 + sizeof(ushort) + sizeof(uint) * 2;

    /// <summary>Bytes per researcher of the peer network (ties and their reverse edges).</summary>
    public int NetworkBytesPerResearcher => K * (sizeof(int) + sizeof(int)) + sizeof(int);

    /// <summary>Links tie e (researcher e / K to Peers[e]) into the reverse edges of its target.</summary>
    public void LinkFollower(long e)
    {
        int target = Peers[e];
        if (target < 0) return;
        FollowerNext[e] = FollowerHead[target];
        FollowerHead[target] = (int)e;
    }
}
