namespace HeartGuard.Imaging.Layout;

/// <summary>Pearson correlation of two series read index by index, over the indices where both have a value
/// (NaN = none): a rhythm strip against a short segment, a glyph against a label template.</summary>
internal static class Pearson
{
    /// <summary>0 when fewer than <paramref name="minPairs"/> pairs are present or either side is constant.</summary>
    public static double Of(ReadOnlySpan<float> a, ReadOnlySpan<float> b, int minPairs = 2)
    {
        double sa = 0, sb = 0, saa = 0, sbb = 0, sab = 0; var n = 0;
        for (var i = 0; i < Math.Min(a.Length, b.Length); i++)
        {
            if (float.IsNaN(a[i]) || float.IsNaN(b[i])) continue;
            sa += a[i]; sb += b[i]; saa += a[i] * a[i]; sbb += b[i] * b[i]; sab += a[i] * b[i]; n++;
        }
        if (n < minPairs) return 0;
        var cov = sab - sa * sb / n;
        var va = saa - sa * sa / n;
        var vb = sbb - sb * sb / n;
        return va <= 0 || vb <= 0 ? 0 : cov / Math.Sqrt(va * vb);
    }
}
