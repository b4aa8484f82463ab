using HeartGuard.Core;

namespace HeartGuard.Imaging.Layout;

/// <summary>Layout cross-check from the signals themselves: a rhythm strip repeats, over its first segment,
/// exactly the short segment of the same lead. That tells 3x4+3 from 6x2 (same six rows), and which lead a
/// 3x4+1 page's strip really shows (II on most machines, but not all).</summary>
public static class RhythmStripMatcher
{
    private const double SameSignal = 0.75;
    /// <summary>Fewer samples present in both than this compare nothing.</summary>
    private const int MinPairs = 20;

    /// <param name="rowSegment">µV of a row over [t0, t1) s.</param>
    public static EcgLayout Resolve(EcgLayout layout, Func<int, double, double, float[]> rowSegment, List<string> warnings)
    {
        var segment = layout.Placements.First(p => !p.IsRhythmStrip).DurationS;
        if (layout.Name == "6x2")
        {
            // In 3x4+3 row 4 is the lead II strip, repeating row 1's first segment.
            var same = Similarity(rowSegment(4, 0, segment / 2), rowSegment(1, 0, segment / 2));
            return same >= SameSignal ? EcgLayout.Standard("3x4+3", layout.Placements.Max(p => p.EndS)) : layout;
        }
        var strip = layout.Placements.FirstOrDefault(p => p.IsRhythmStrip);
        if (layout.Name != "3x4+1" || strip is null) return layout;
        var stripStart = rowSegment(strip.Row, 0, segment);
        var scores = layout.Placements.Where(p => !p.IsRhythmStrip && p.Column == 0)
            .Select(p => (p.Lead, R: Similarity(stripStart, rowSegment(p.Row, 0, segment)))).ToList();
        var best = scores.MaxBy(s => s.R);
        var current = scores.FirstOrDefault(s => s.Lead == strip.Lead).R;
        if (best.Lead == strip.Lead || best.R < SameSignal || best.R - current < 0.05) return layout;
        warnings.Add($"the rhythm strip shows lead {best.Lead}, not {strip.Lead} (similarity {best.R:0.00} with the {best.Lead} segment)");
        var placements = layout.Placements.Select(p => p.IsRhythmStrip ? p with { Lead = best.Lead } : p).ToList();
        return layout with { Placements = placements };
    }

    /// <summary>1 for the same trace printed twice; lower for different leads, which may still correlate
    /// strongly (II and aVF) but differ in amplitude: correlation less the relative RMS difference.</summary>
    private static double Similarity(float[] a, float[] b)
    {
        var r = Pearson.Of(a, b, MinPairs);
        double diff = 0, energy = 0; var n = 0;
        double meanA = 0, meanB = 0;
        for (var i = 0; i < Math.Min(a.Length, b.Length); i++)
            if (!float.IsNaN(a[i]) && !float.IsNaN(b[i])) { meanA += a[i]; meanB += b[i]; n++; }
        if (n < MinPairs) return 0;
        meanA /= n; meanB /= n;
        for (var i = 0; i < Math.Min(a.Length, b.Length); i++)
        {
            if (float.IsNaN(a[i]) || float.IsNaN(b[i])) continue;
            var d = (a[i] - meanA) - (b[i] - meanB);
            diff += d * d;
            energy += (b[i] - meanB) * (b[i] - meanB);
        }
        return energy <= 0 ? 0 : r - Math.Sqrt(diff / energy);
    }
}
