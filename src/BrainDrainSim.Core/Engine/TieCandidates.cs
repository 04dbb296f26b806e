namespace BrainDrainSim.Engine;

/// <summary>
/// The researchers an entrant may tie to (everyone not exited), overall and by sector, kept up to date
/// by O(1) swap-removal instead of being rebuilt every month. The order of the lists depends only on the
/// sequence of additions and removals, which is itself deterministic.
/// </summary>
internal sealed class TieCandidates
{
    private readonly int[] _posAll;
    private readonly int[] _posSector;

    public TieCandidates(int sectors, int capacity)
    {
        All = new List<int>(capacity);
        BySector = new List<int>[sectors];
        for (int s = 0; s < sectors; s++) BySector[s] = [];
        _posAll = new int[capacity];
        _posSector = new int[capacity];
    }

    // Spares shared by the threads of an ensemble, as Population's are (a spare per thread held one for
    // every pool thread a parallel loop had used); one that does not fit is dropped.
    private static readonly Stack<TieCandidates> s_spares = new();

    /// <summary>Empty candidate lists for <paramref name="capacity"/> researchers: a spare if one fits, else new ones.</summary>
    public static TieCandidates Rent(int sectors, int capacity)
    {
        TieCandidates? spare = null;
        lock (s_spares)
        {
            while (s_spares.Count > 0)
            {
                var s = s_spares.Pop();
                if (s.BySector.Length == sectors && s._posAll.Length >= capacity)
                {
                    spare = s;
                    break;
                }
            }
        }
        if (spare is null) return new TieCandidates(sectors, capacity);
        spare.All.Clear();
        foreach (var list in spare.BySector) list.Clear();
        return spare;
    }

    public static void Return(TieCandidates candidates)
    {
        lock (s_spares) s_spares.Push(candidates);
    }

    public List<int> All { get; }
    public List<int>[] BySector { get; }

    public void Add(int i, int sector)
    {
        _posAll[i] = All.Count;
        All.Add(i);
        _posSector[i] = BySector[sector].Count;
        BySector[sector].Add(i);
    }

    public void Remove(int i, int sector)
    {
        SwapRemove(All, _posAll, i);
        SwapRemove(BySector[sector], _posSector, i);
    }

    private static void SwapRemove(List<int> list, int[] pos, int i)
    {
        int at = pos[i];
        int last = list[^1];
        list[at] = last;
        pos[last] = at;
        list.RemoveAt(list.Count - 1);
    }
}
