namespace BrainDrainSim.Engine;

/// <summary>
/// The researchers of one replication as a structure of arrays (one array per attribute, indexed by
/// agent id), sized up front for the initial population plus every scheduled entrant, so a month
/// allocates nothing. Entity keys (KeyLo, KeyHi) name each researcher's random streams.
/// </summary>
internal sealed class Population
{
    public Population(int capacity, int initialCapacity, int peersPerResearcher)
    {
        Capacity = capacity;
        InitialCapacity = initialCapacity;
        K = peersPerResearcher;
        // 2^64 / K rounded up; K = 1 (whose reciprocal 2^64 does not fit) is the identity, marked by 0.
        _divideByK = peersPerResearcher > 1 ? ulong.MaxValue / (ulong)peersPerResearcher + 1 : 0;
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
        LnPayFactorGap = new float[capacity];
        LnAccess = new float[capacity];
        StudentEmigrationMonth = new short[capacity];
        KeyLo = new uint[capacity];
        KeyHi = new uint[capacity];
        Peers = new int[(long)capacity * peersPerResearcher];
        Utility = new double[capacity];
        Group = new byte[capacity];
        PeerState = new ushort[capacity];
        FollowerStart = new int[capacity + 1];
        FollowerList = new int[(long)initialCapacity * peersPerResearcher];
        FollowerHead = new int[capacity];
        FollowerNext = new int[(long)(capacity - initialCapacity) * peersPerResearcher];
        Array.Fill(FollowerHead, -1);
        StreamSeed = new ulong[capacity];
        HazardThreshold = new uint[capacity];
        ExitThreshold = new uint[capacity];
        AdvanceThreshold = new uint[capacity];
    }

    /// <summary>Researchers the arrays can hold (at least the initial population plus every scheduled entrant).</summary>
    public int Capacity { get; }

    /// <summary>Initial researchers the contiguous reverse edges can hold; entrants' ties use the linked ones.</summary>
    public int InitialCapacity { get; }

    /// <summary>The initial population's size, whose ties are in the contiguous reverse edges.</summary>
    public int InitialCount { get; private set; }

    // Spare populations shared by the threads of an ensemble: a replication takes one that fits instead of
    // allocating (and the garbage collector then collecting) some 160 bytes per researcher each time. The
    // spares are shared, not kept per thread: a parallel loop moves its workers between pool threads, and a
    // spare per thread held one population for every thread the loop had ever used (measured: 3 populations
    // of 1 million researchers for 2 threads), so memory no longer depended on the thread count alone. A
    // spare too small for the replication at hand is dropped, so the spares never outnumber the
    // replications that ran at once (ResourceEstimate counts on it).
    private static readonly Stack<Population> s_spares = new();

    /// <summary>A population able to hold <paramref name="capacity"/> researchers: a spare if one fits, else a new one.</summary>
    public static Population Rent(int capacity, int initialCapacity, int peersPerResearcher)
    {
        Population? spare = null;
        lock (s_spares)
        {
            while (s_spares.Count > 0)
            {
                var s = s_spares.Pop();
                if (s.Capacity >= capacity && s.InitialCapacity >= initialCapacity && s.K == peersPerResearcher
                    && s.FollowerNext.Length >= (long)(capacity - initialCapacity) * peersPerResearcher)
                {
                    spare = s;
                    break;
                }
            }
        }
        if (spare is null) return new Population(capacity, initialCapacity, peersPerResearcher);
        // Everything else is written for each researcher before it is read; reverse edges start empty.
        spare.Count = 0;
        Array.Fill(spare.FollowerHead, -1, 0, capacity);
        return spare;
    }

    /// <summary>Hands the arrays back for a later replication; the caller must not use the population afterwards.</summary>
    public static void Return(Population population)
    {
        lock (s_spares) s_spares.Push(population);
    }

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

    /// <summary>
    /// ln(offer factor) - ln(home pay factor) and ln(access), kept from the draws themselves so that a
    /// move's static utility needs no logarithm (single precision, like the factors themselves).
    /// </summary>
    public readonly float[] LnPayFactorGap;
    public readonly float[] LnAccess;

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

    /// <summary>
    /// The low 15 bits: how many of the researcher's K ties are abroad now, kept up to date as others move
    /// (K is at most 1000). The top bit (<see cref="StaleBit"/>): the researcher's
    /// <see cref="HazardThreshold"/> must be recomputed before the next sweep. One array for both, so a move
    /// that tells its followers costs one cache line per follower, not two.
    /// </summary>
    public readonly ushort[] PeerState;

    public const ushort StaleBit = 0x8000;
    public const ushort PeersMask = 0x7FFF;

    public int AbroadPeers(int i) => PeerState[i] & PeersMask;

    /// <summary>Sets the count of peers abroad, keeping the stale flag.</summary>
    public void SetAbroadPeers(int i, int count) => PeerState[i] = (ushort)((PeerState[i] & StaleBit) | count);

    public bool IsStale(int i) => (PeerState[i] & StaleBit) != 0;

    public void SetStale(int i, bool stale) =>
        PeerState[i] = (ushort)(stale ? PeerState[i] | StaleBit : PeerState[i] & PeersMask);

    /// <summary>
    /// Reverse edges, so that a move of j updates only its followers. The initial population's ties are
    /// contiguous (compressed rows): FollowerList[FollowerStart[j] .. FollowerStart[j + 1]) are the
    /// researchers with a tie to j, so a walk issues its loads independently. Entrants' ties, added month
    /// by month, are linked: FollowerHead[j] is the first such tie (an index into Peers) pointing at j and
    /// FollowerNext[e - InitialCount * K] the next; the follower of tie e is e / K.
    /// </summary>
    public readonly int[] FollowerStart;
    public readonly int[] FollowerList;
    public readonly int[] FollowerHead;
    public readonly int[] FollowerNext;

    /// <summary>The seed of the researcher's monthly draws (<see cref="Randomness.MonthStream"/>).</summary>
    public readonly ulong[] StreamSeed;

    /// <summary>
    /// The researcher's monthly hazard (emigration at home, return abroad, 0 once exited) as a 24-bit
    /// threshold (<see cref="Randomness.MonthStream.Threshold"/>), kept from month to month and recomputed
    /// only when it can have changed: the researcher is stale (<see cref="PeerState"/>: it moved, advanced or joined,
    /// or a peer moved) or its group's month term changed.
    /// </summary>
    public readonly uint[] HazardThreshold;

    /// <summary>Monthly probabilities of exiting and of advancing for the researcher's stage and location, as 20-bit thresholds (0 once exited).</summary>
    public readonly uint[] ExitThreshold;
    public readonly uint[] AdvanceThreshold;

    /// <summary>
    /// Bytes per researcher of the arrays the monthly kernel reads or writes: the stream seed, the hazard,
    /// exit and advance thresholds, location, group, stage, the peer state (peers abroad and the stale flag)
    /// and, when recomputing a hazard, the utility (the peer network not counted).
    /// </summary>
    public const int HotBytesPerResearcher = sizeof(ulong) + sizeof(uint) * 3 + sizeof(byte) * 3
        + sizeof(double) + sizeof(ushort);

    /// <summary>Bytes per initial researcher of the peer network (ties, reverse edges, their offsets and the entrants' list heads).</summary>
    public int NetworkBytesPerResearcher => K * (sizeof(int) + sizeof(int)) + sizeof(int) * 2;

    private readonly ulong _divideByK;

    /// <summary>
    /// The researcher who holds tie e, e / K, by multiplying with a precomputed reciprocal (Lemire,
    /// "Faster remainder by direct computation", 2019: exact for every 32-bit e): the follower walk
    /// divides once per visit, and a hardware division costs ten times as much.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public int HolderOfTie(int e) => _divideByK == 0 ? e : (int)Math.BigMul(_divideByK, (ulong)(uint)e, out _);

    /// <summary>
    /// Builds the contiguous reverse edges of the initial population's ties (researchers 0 .. n-1): count
    /// each target's followers, turn the counts into end offsets, then place each tie's holder by
    /// decrementing its target's offset, which leaves the offsets at the start of each target's run.
    /// </summary>
    public void BuildInitialReverseEdges(int n)
    {
        InitialCount = n;
        var start = FollowerStart;
        Array.Clear(start, 0, Capacity + 1);
        long ties = (long)n * K;
        for (long e = 0; e < ties; e++)
        {
            int target = Peers[e];
            if (target >= 0) start[target]++;
        }
        for (int j = 1; j <= Capacity; j++) start[j] += start[j - 1];
        // Holder by holder (not tie by tie), so the holder is the loop's index rather than a division.
        long tie = 0;
        for (int holder = 0; holder < n; holder++)
            for (int j = 0; j < K; j++, tie++)
            {
                int target = Peers[tie];
                if (target >= 0) FollowerList[--start[target]] = holder;
            }
    }

    /// <summary>Links an entrant's tie e (researcher e / K to Peers[e]) into the reverse edges of its target.</summary>
    public void LinkEntrantTie(long e)
    {
        int target = Peers[e];
        if (target < 0) return;
        FollowerNext[e - (long)InitialCount * K] = FollowerHead[target];
        FollowerHead[target] = (int)e;
    }
}
