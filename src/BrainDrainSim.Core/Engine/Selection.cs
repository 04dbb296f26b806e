namespace BrainDrainSim.Engine;

/// <summary>Order statistics without a full sort.</summary>
internal static class Selection
{
    /// <summary>
    /// The k-th smallest value (0-based) of <paramref name="values"/>, rearranging it so that everything
    /// left of k is no larger and everything right of k no smaller (Hoare's quickselect, median-of-three
    /// pivots; expected linear time). The value is the one a full sort would put at k.
    /// </summary>
    public static double Smallest(Span<double> values, int k)
    {
        int left = 0, right = values.Length - 1;
        while (right > left)
        {
            int mid = left + (right - left) / 2;
            // Median of three as the pivot value.
            double a = values[left], b = values[mid], c = values[right];
            double pivot = Math.Max(Math.Min(a, b), Math.Min(Math.Max(a, b), c));
            int i = left, j = right;
            while (i <= j)
            {
                while (values[i] < pivot) i++;
                while (values[j] > pivot) j--;
                if (i <= j)
                {
                    (values[i], values[j]) = (values[j], values[i]);
                    i++;
                    j--;
                }
            }
            if (k <= j) right = j;
            else if (k >= i) left = i;
            else return values[k];
        }
        return values[k];
    }
}
