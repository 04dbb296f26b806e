namespace BrainDrainSim.Engine;

/// <summary>
/// One kind of event (candidate decisions, exits or advancements) by the month it falls due: a list of
/// researchers per month. A month's step reads only its own list, so its work grows with its events, not
/// with the population. Lists grow by doubling and keep their arrays from one replication to the next (the
/// calendar travels with its <see cref="Population"/>'s spares). Entries are never removed: an event moved or
/// cancelled leaves a stale entry that the reader recognises (<see cref="ResearcherState.NextDecision"/>).
/// </summary>
internal sealed class Calendar
{
    private readonly int[][] _due;
    private readonly int[] _count;

    public Calendar(int months)
    {
        _due = new int[months][];
        _count = new int[months];
        for (int t = 0; t < months; t++) _due[t] = [];
    }

    /// <summary>The months the calendar can hold.</summary>
    public int Months => _due.Length;

    /// <summary>Schedules researcher <paramref name="i"/> in month <paramref name="t"/> (a month beyond the calendar is ignored: it never comes).</summary>
    public void Add(int t, int i)
    {
        if (t >= _due.Length) return;
        ref var list = ref _due[t];
        int n = _count[t];
        if (n == list.Length) Array.Resize(ref list, Math.Max(16, n * 2));
        list[n] = i;
        _count[t] = n + 1;
    }

    /// <summary>The researchers scheduled in month <paramref name="t"/>, stale entries included, in the order they were added.</summary>
    public ReadOnlySpan<int> Due(int t) => _due[t].AsSpan(0, _count[t]);

    /// <summary>Empties every month, keeping the arrays.</summary>
    public void Clear() => Array.Clear(_count);

    /// <summary>Entries held over all months and the bytes their arrays take (for the resource estimate's measurement).</summary>
    public (long Entries, long Bytes) Size()
    {
        long entries = 0, bytes = 0;
        for (int t = 0; t < _due.Length; t++)
        {
            entries += _count[t];
            bytes += (long)_due[t].Length * sizeof(int);
        }
        return (entries, bytes);
    }
}
