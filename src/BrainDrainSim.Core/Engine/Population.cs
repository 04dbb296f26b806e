namespace BrainDrainSim.Engine;

/// <summary>
/// The researchers of one replication, indexed by agent id and sized up front for the initial population
/// plus every scheduled entrant, so a month allocates nothing. A month visits only the researchers with an
/// event due, in no order a cache can guess, so what one event reads is packed together: the location
/// alone (peers read it), the changing state in 16 bytes, the traits in 20. Besides the model's state
/// variables (model.md 1.2) a researcher holds only the months of its next candidate decision, exit and
/// advancement (docs/model.md 3.3.8), found through the <see cref="Calendar"/>s.
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
        State = new ResearcherState[capacity];
        Traits = new ResearcherTraits[capacity];
        Peers = new int[(long)capacity * peersPerResearcher];
        _entrantsFrom = new int[months];
        Array.Fill(_entrantsFrom, int.MaxValue);
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
        spare.InitialCount = 0;
        Array.Fill(spare._entrantsFrom, int.MaxValue);
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

    /// <summary>
    /// Where each researcher is (a <see cref="Model.Location"/>), apart from the rest of its state: a decision reads
    /// the locations of K peers, and one byte per researcher keeps them in the nearest cache (118 KB nationally).
    /// </summary>
    public readonly byte[] Location;

    /// <summary>What changes over a researcher's life, 16 bytes together, so that an event reads one cache line.</summary>
    public readonly ResearcherState[] State;

    /// <summary>What is drawn once and read where a decision is weighed, 20 bytes together.</summary>
    public readonly ResearcherTraits[] Traits;

    /// <summary>Researcher i's K ties are Peers[i K .. i K + K - 1]: one-way, fixed for life.</summary>
    public readonly int[] Peers;

    /// <summary>Researchers present at the start (entity keys (i, 0)); entrants follow, month by month.</summary>
    public int InitialCount { get; set; }

    // The index of the first entrant of each month, int.MaxValue for months whose entrants have not joined yet.
    private readonly int[] _entrantsFrom;

    /// <summary>Records that the entrants of <paramref name="month"/> start at index <paramref name="first"/> (called in month order).</summary>
    public void MarkEntrants(int month, int first) => _entrantsFrom[month] = first;

    /// <summary>
    /// The entity key of researcher i, which names its random draws: (i, 0) for an initial researcher, (rank
    /// within its month, entry month + 1) for an entrant (docs/model.md 3.3.8). Computed, not stored.
    /// </summary>
    public (uint Lo, uint Hi) Entity(int i)
    {
        if (i < InitialCount) return ((uint)i, 0);
        // The entry month is the last whose first entrant is at or before i (months with no entrants share the next one's start).
        int lo = 0, hi = _entrantsFrom.Length - 1;
        while (lo < hi)
        {
            int mid = (lo + hi + 1) >> 1;
            if (_entrantsFrom[mid] <= i) lo = mid;
            else hi = mid - 1;
        }
        return ((uint)(i - _entrantsFrom[lo]), (uint)(lo + 1));
    }

    /// <summary>
    /// The entity keys of researchers <paramref name="first"/> .. + lo.Length - 1, for batched draws: a range that
    /// stays within the initial researchers or within one month's entrants has consecutive ranks.
    /// </summary>
    public void EntityKeys(int first, Span<uint> lo, Span<uint> hi)
    {
        var (lo0, hi0) = Entity(first);
        for (int j = 0; j < lo.Length; j++)
        {
            lo[j] = lo0 + (uint)j;
            hi[j] = hi0;
        }
    }

    /// <summary>Who has a candidate decision, an exit or an advancement due in each month.</summary>
    public readonly Calendar Decisions;
    public readonly Calendar Exits;
    public readonly Calendar Advances;

    /// <summary>Bytes per researcher of the arrays above (the calendars' entries not counted; see <see cref="Calendar"/>).</summary>
    public static int BytesPerResearcher(int peersPerResearcher) =>
        sizeof(byte) + ResearcherState.Bytes + ResearcherTraits.Bytes + sizeof(int) * peersPerResearcher;
}
