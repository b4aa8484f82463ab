using HeartGuard.Core;
using HeartGuard.Imaging.Cleanup;
using HeartGuard.Imaging.Layout;

namespace HeartGuard.Imaging.Traces;

/// <summary>Solid vertical bars in a row's band: three or more neighbouring columns whose ink holds one long
/// run with the same top and bottom (within 1 px). ecg-image-kit draws such a bar (6 px wide at 200 dpi)
/// across each boundary between lead segments. A pen stroke rarely looks like that (its run moves by several
/// px from column to column unless it is short), but a step in the signal drawn at 500 Hz does; so a bar is
/// only taken for a separator where it stands at a lead change (<see cref="WithoutSeparators"/>).</summary>
public static class SeparatorBars
{
    public readonly record struct Bar(int Left, int Right, int Top, int Bottom)
    {
        /// <summary>The bar's middle in page px, pixel x covering [x, x + 1).</summary>
        public double CentreX => (Left + Right + 1) / 2.0;

        /// <summary>True for a point (x at column centre + offset, as the extractor gives them) on the bar or
        /// on the anti-aliased column on either side of it.</summary>
        public bool Covers(double x, double y) => x >= Left - 1 && x <= Right + 2 && y >= Top - 1 && y <= Bottom + 1;
    }

    /// <summary>The row without the path points on the bars that <paramref name="atLeadChange"/> accepts (x in page
    /// px): a bar's columns give one point at its middle, and the column where the trace runs into the bar's end
    /// gives one between the two.</summary>
    public static RowTrace WithoutSeparators(RowTrace row, Func<double, bool> atLeadChange)
    {
        var marks = row.Separators.Where(b => atLeadChange(b.CentreX)).ToList();
        if (marks.Count == 0) return row;
        var xs = new List<double>(row.PointX.Length);
        var ys = new List<double>(row.PointY.Length);
        for (var i = 0; i < row.PointX.Length; i++)
        {
            if (marks.Any(b => b.Covers(row.PointX[i], row.PointY[i]))) continue;
            xs.Add(row.PointX[i]);
            ys.Add(row.PointY[i]);
        }
        return row with { PointX = xs.ToArray(), PointY = ys.ToArray() };
    }

    private const double MinLengthMm = 1.5;
    private const int MinColumns = 3;

    public static List<Bar> Find(InkMask ink, TraceRow row, GridCalibration scale)
    {
        var minLength = (int)Math.Ceiling(MinLengthMm * scale.PxPerMmY);
        var bars = new List<Bar>();
        int runLeft = -1, runTop = 0, runBottom = 0;
        for (var x = row.StartX; x <= row.EndX + 1; x++)
        {
            var match = x <= row.EndX ? LongRunLike(ink, x, row, minLength, runLeft < 0 ? null : (runTop, runBottom)) : null;
            if (match is not null && runLeft >= 0) continue;
            if (runLeft >= 0 && x - runLeft >= MinColumns) bars.Add(new Bar(runLeft, x - 1, runTop, runBottom));
            runLeft = -1;
            if (match is { } first) (runLeft, runTop, runBottom) = (x, first.Top, first.Bottom);
        }
        return bars;
    }

    /// <summary>A run of at least <paramref name="minLength"/> px in column x, the one matching
    /// <paramref name="like"/> (same top and bottom within 1 px) when given.</summary>
    private static (int Top, int Bottom)? LongRunLike(InkMask ink, int x, TraceRow row, int minLength, (int Top, int Bottom)? like)
    {
        foreach (var (start, end) in new InkRuns(ink.Column(x)[row.TopY..(row.BottomY + 1)]))
        {
            if (end - start + 1 < minLength) continue;
            int top = row.TopY + start, bottom = row.TopY + end;
            if (like is not { } l || Math.Abs(top - l.Top) <= 1 && Math.Abs(bottom - l.Bottom) <= 1) return (top, bottom);
        }
        return null;
    }
}
