namespace BrainDrainSim.Validation;

/// <summary>
/// "Did you mean" for misspelt keys and names: the known word at the smallest edit distance, when close
/// enough to be a plausible typo.
/// </summary>
public static class KeySuggestions
{
    /// <summary>The known word <paramref name="typed"/> most likely meant, or null when none is close enough to be a slip.</summary>
    public static string? Closest(string typed, IEnumerable<string> known)
    {
        // Text longer than any key is no slip of the keyboard (and the table below grows as the product of lengths).
        if (typed.Length > Shown.MaxKey) return null;
        // Hyphens, spaces or capitals for the underscores and lower case of the naming rule are one slip, however
        // many of them there are (running-cost-krw-per-gpu-year is five edits from the key).
        string plain = typed.Replace('-', '_').Replace(' ', '_').ToLowerInvariant();
        if (plain != typed && known.FirstOrDefault(k => k == plain) is { } same) return same;
        // About one slip per three letters; beyond that a "suggestion" is noise.
        int allowed = Math.Clamp(typed.Length / 3, 1, 4);
        string? best = null;
        int bestDistance = int.MaxValue, bestShared = 0;
        foreach (var k in known)
        {
            // The distance is at least the difference in length.
            if (Math.Abs(typed.Length - k.Length) > allowed) continue;
            int d = Distance(typed, k);
            // Between words as close, the one sharing more letters in order: 'mn' is 'min' with a letter dropped,
            // not 'mu' with one changed.
            int shared = d <= bestDistance ? CommonSubsequence(typed, k) : 0;
            if (d < bestDistance || (d == bestDistance && shared > bestShared))
            {
                best = k;
                bestDistance = d;
                bestShared = shared;
            }
        }
        return bestDistance <= allowed ? best : null;
    }

    /// <summary>The length of the longest common subsequence (letters of both words, in order).</summary>
    private static int CommonSubsequence(string a, string b)
    {
        Span<int> row = b.Length < 256 ? stackalloc int[b.Length + 1] : new int[b.Length + 1];
        row.Clear();
        for (int i = 1; i <= a.Length; i++)
        {
            int diagonal = 0;
            for (int j = 1; j <= b.Length; j++)
            {
                int above = row[j];
                row[j] = a[i - 1] == b[j - 1] ? diagonal + 1 : Math.Max(row[j], row[j - 1]);
                diagonal = above;
            }
        }
        return row[b.Length];
    }

    /// <summary>
    /// Optimal string alignment distance: Levenshtein plus swapping two neighbours, the commonest typo. Three rows
    /// of the table suffice, kept on the stack: a file of many unknown keys asks for many distances.
    /// </summary>
    public static int Distance(string a, string b)
    {
        int n = b.Length + 1;
        Span<int> rows = n < 256 ? stackalloc int[3 * n] : new int[3 * n];
        Span<int> before = rows[..n], previous = rows[n..(2 * n)], current = rows[(2 * n)..];
        for (int j = 0; j < n; j++) previous[j] = j;
        for (int i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (int j = 1; j < n; j++)
            {
                int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                int d = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) d = Math.Min(d, before[j - 2] + 1);
                current[j] = d;
            }
            // Rotate: the row before becomes the one to overwrite.
            var spare = before;
            before = previous;
            previous = current;
            current = spare;
        }
        return previous[b.Length];
    }
}
