namespace BrainDrainSim.Engine;

/// <summary>
/// The researchers of one replication as a structure of arrays (one array per attribute, indexed by
/// agent id), sized up front for the initial population plus every scheduled entrant, so a month
/// allocates nothing. Entity keys (KeyLo, KeyHi) name each researcher's random draws. Besides the
/// model's state variables (model.md 1.2) a researcher holds only the months of its next candidate
/// decision, exit and advancement (docs/model.md 3.3.8); the calendar that finds them is
/// <see cref="Calendar"/>.
/// </summary>
internal sealed class Population
{
    /// <summary>The month of an event that will not happen within the horizon (a rate of 0, or a wait beyond the last month).</summary>
    public const short Never = short.MaxValue;

    public Population(int capacity, int peersPerResearcher, int months)
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
        LnAccess = new float[capacity];
        Attachment = new float[capacity];
        StudentEmigrationMonth = new short[capacity];
        KeyLo = new uint[capacity];
        KeyHi = new uint[capacity];
        Peers = new int[(long)capacity * peersPerResearcher];
        NextDecision = new short[capacity];
        NextExit = new short[capacity];
        NextAdvance = new short[capacity];
        Decisions = new Calendar(months);
        Exits = new Calendar(months);
        Advances = new Calendar(months);
    }

    /// <summary>Researchers the arrays can hold (at least the initial population plus every scheduled entrant).</summary>
    public int Capacity { get; }

    // Spare populations shared by the threads of an ensemble: a replication takes one that fits instead of
    // allocating (and the garbage collector then collecting) some 80 bytes per researcher each time. The
    // spares are shared, not kept per thread: a parallel loop moves its workers between pool threads, and a
    // spare per thread held one population for every thread the loop had ever used, so memory no longer
    // depended on the thread count alone. A spare too small for the replication at hand is dropped, so the
    // spares never outnumber the replications that ran at once (ResourceEstimate counts on it).
    private static readonly Stack<Population> s_spares = new();

    /// <summary>A population able to hold <paramref name="capacity"/> researchers over <paramref name="months"/> months: a spare if one fits, else a new one.</summary>
    public static Population Rent(int capacity, int peersPerResearcher, int months)
    {
        Population? spare = null;
        lock (s_spares)
        {
            while (s_spares.Count > 0)
            {
                var s = s_spares.Pop();
                if (s.Capacity >= capacity && s.K == peersPerResearcher && s.Decisions.Months >= months)
                {
                    spare = s;
                    break;
                }
            }
        }
        if (spare is null) return new Population(capacity, peersPerResearcher, months);
        // Everything else is written for each researcher before it is read; the calendars start empty.
        spare.Count = 0;
        spare.Decisions.Clear();
        spare.Exits.Clear();
        spare.Advances.Clear();
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

    /// <summary>Personal multipliers (mean 1): home pay and the offer abroad (talent premium included).</summary>
    public readonly float[] HomePayFactor;
    public readonly float[] OfferFactor;

    /// <summary>ln(access), the personal share of the sector's compute, kept as its log because only the log enters dU.</summary>
    public readonly float[] LnAccess;

    public readonly float[] Attachment;

    /// <summary>Month index of the last emigration as a student, or -1.</summary>
    public readonly short[] StudentEmigrationMonth;

    public readonly uint[] KeyLo;
    public readonly uint[] KeyHi;

    /// <summary>Researcher i's K ties are Peers[i K .. i K + K - 1]: one-way, fixed for life.</summary>
    public readonly int[] Peers;

    /// <summary>
    /// The month of the researcher's next candidate decision (emigration at home, return abroad), exit and
    /// advancement, or <see cref="Never"/>. A calendar entry for researcher i in month t is live only while the
    /// matching month here is still t: an event rescheduled or made impossible (a move, an exit) leaves its old
    /// entry behind, and the month step skips it.
    /// </summary>
    public readonly short[] NextDecision;
    public readonly short[] NextExit;
    public readonly short[] NextAdvance;

    /// <summary>Who has a candidate decision, an exit or an advancement due in each month.</summary>
    public readonly Calendar Decisions;
    public readonly Calendar Exits;
    public readonly Calendar Advances;

    /// <summary>Bytes per researcher of the arrays above (the calendars' entries not counted; see <see cref="Calendar"/>).</summary>
    public static int BytesPerResearcher(int peersPerResearcher) =>
        sizeof(byte) * 5 + sizeof(float) * 5 + sizeof(short) * 4 + sizeof(uint) * 2 + sizeof(int) * peersPerResearcher;
}
