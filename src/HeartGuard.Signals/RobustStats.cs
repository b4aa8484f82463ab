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
            var present = buffer.AsSpan(0, count);
            present.Sort();
            return present[(int)Math.Round(Math.Clamp(fraction, 0, 1) * (count - 1))];
        }
        finally
        {
            ArrayPool<float>.Shared.Return(buffer);
        }
    }

    public static float Median(ReadOnlySpan<float> values) => Quantile(values, 0.5);

    public static double Median(IReadOnlyList<double> values)
    {
        if (values.Count == 0) return double.NaN;
        var sorted = values.Order().ToArray();
        var mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
