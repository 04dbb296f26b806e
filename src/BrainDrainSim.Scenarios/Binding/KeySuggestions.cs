namespace BrainDrainSim.Scenarios;

/// <summary>
/// "Did you mean" for misspelt keys and names: the known word at the smallest edit distance, when close
/// enough to be a plausible typo.
/// </summary>
internal static class KeySuggestions
{
    public static string? Closest(string typed, IEnumerable<string> known)
    {
        // Text longer than any key is no slip of the keyboard (and the table below grows as the product of lengths).
        if (typed.Length > Shown.MaxKey) return null;
        // About one slip per three letters; beyond that a "suggestion" is noise.
        int allowed = Math.Clamp(typed.Length / 3, 1, 4);
        string? best = null;
        int bestDistance = int.MaxValue;
        foreach (var k in known)
        {
            // The distance is at least the difference in length.
            if (Math.Abs(typed.Length - k.Length) > allowed) continue;
            int d = Distance(typed, k);
            if (d < bestDistance)
            {
                best = k;
                bestDistance = d;
            }
        }
        return bestDistance <= allowed ? best : null;
    }

    /// <summary>Optimal string alignment distance: Levenshtein plus swapping two neighbours, the commonest typo.</summary>
    public static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (int i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (int j = 0; j <= b.Length; j++) d[0, j] = j;
        for (int i = 1; i <= a.Length; i++)
            for (int j = 1; j <= b.Length; j++)
            {
                int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
            }
        return d[a.Length, b.Length];
    }
}
