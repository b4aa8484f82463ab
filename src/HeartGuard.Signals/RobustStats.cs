using System.Buffers;

namespace HeartGuard.Signals;

/// <summary>Order statistics that ignore NaN: digitized leads are mostly missing outside their cell.</summary>
public static class RobustStats
{
    /// <summary>The <paramref name="fraction"/> quantile (0..1) of the present values of
    /// <paramref name="values"/> after applying |x| when <paramref name="absolute"/>; NaN if none present.</summary>
    public static float Quantile(ReadOnlySpan<float> values, double fraction, bool absolute = false)
    {
        var buffer = ArrayPool<float>.Shared.Rent(Math.Max(1, values.Length));
        try
        {
            var count = 0;
            foreach (var v in values)
                if (!float.IsNaN(v)) buffer[count++] = absolute ? Math.Abs(v) : v;
            if (count == 0) return float.NaN;
            return Select(buffer.AsSpan(0, count), (int)Math.Round(Math.Clamp(fraction, 0, 1) * (count - 1)));
        }
        finally
        {
            ArrayPool<float>.Shared.Return(buffer);
        }
    }

    /// <summary>The k-th smallest value (Hoare's quickselect, O(n)); reorders <paramref name="values"/>.</summary>
    private static float Select(Span<float> values, int k)
    {
        int lo = 0, hi = values.Length - 1;
        while (lo < hi)
        {
            var pivot = values[(lo + hi) >>> 1];
            int i = lo, j = hi;
            while (i <= j)
            {
                while (values[i] < pivot) i++;
                while (values[j] > pivot) j--;
                if (i > j) break;
                (values[i], values[j]) = (values[j], values[i]);
                i++;
                j--;
            }
            if (k <= j) hi = j;
            else if (k >= i) lo = i;
            else break;
        }
        return values[k];
    }

    public static double Median(IReadOnlyList<double> values)
    {
        if (values.Count == 0) return double.NaN;
        var sorted = values.Order().ToArray();
        var mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
