using System.Buffers;
using HeartGuard.Core;
using HeartGuard.Imaging.Cleanup;
using HeartGuard.Imaging.Layout;

namespace HeartGuard.Imaging.Traces;

public interface ITraceExtractor
{
    RowTrace Extract(InkMask ink, TraceRow row, GridCalibration scale, PaperSettings paper);
}

/// <summary>Stage 6: one row's trace as the cheapest path through the ink runs of its columns (Viterbi).
/// Moving between runs that touch is free, jumping a vertical gap costs its length, and straying far from the
/// row's own baseline costs a little, so where a neighbouring lead's QRS reaches into the band the path stays
/// on its own trace. A run that fills the whole band is a lead separator and is skipped. Each column's run is
/// then turned into sub-pixel points: a short run is one point at its centre; a long (steep) run is walked
/// from the side the trace enters to the side it leaves, through its tip when it is a peak.</summary>
public sealed class TraceExtractor : ITraceExtractor
{
    public RowTrace Extract(InkMask ink, TraceRow row, GridCalibration scale, PaperSettings paper)
    {
        int x0 = row.StartX, x1 = row.EndX, columns = x1 - x0 + 1;
        var runs = CollectRuns(ink, row, x0, columns, out var runStart);
        try
        {
            var choice = BestPath(runs, runStart, columns, row);
            var centre = new float[columns];
            var top = new float[columns];
            var bottom = new float[columns];
            for (var c = 0; c < columns; c++)
            {
                if (choice[c] < 0) { centre[c] = top[c] = bottom[c] = float.NaN; continue; }
                (top[c], bottom[c]) = SubPixelSpan(ink, x0 + c, runs[choice[c]], row);
                centre[c] = (top[c] + bottom[c]) / 2f;
            }
            var halfThickness = HalfThickness(top, bottom);
            var pulse = CalibrationPulse.Find(x0, centre, top, bottom, halfThickness, scale, paper);
            var traceStart = pulse is null ? x0 : pulse.EndX;
            var bars = SeparatorBars.Find(ink, row, scale);
            // The pulse's falling edge is never signal, even where the first samples are drawn under it
            // (a 100 Hz record's trace starts 4 px left of the edge on ecg-image-kit pages).
            var (px, py) = Points(ink, x0, centre, top, bottom, halfThickness, pulse is null ? 0 : traceStart + 1 - x0);
            var baseline = pulse?.BaselineY ?? Isoelectric(centre);
            return new RowTrace(row, x0, centre, px, py, baseline, pulse is not null, pulse?.HeightPx,
                traceStart, LastInked(x0, centre), Smoothness(top, bottom, scale, paper), FirstSample(x0, centre, pulse, halfThickness, scale),
                bars);
        }
        finally { ArrayPool<Run>.Shared.Return(runs); }
    }

    /// <summary>The run's ends refined by grey level: the pen's coverage summed over the run and the
    /// anti-aliased pixels beside it (up to <see cref="FringePx"/>, never into other ink) is the stroke's length
    /// in this column, and the coverage-weighted mean row its centre. A binary run rounds both to whole pixels,
    /// which at 200 dpi and 10 mm/mV alone is ~127 µV of error.</summary>
    private static (float Top, float Bottom) SubPixelSpan(InkMask ink, int x, Run r, TraceRow row)
    {
        var column = ink.Column(x);
        var levels = ink.Levels;
        int from = r.Top, to = r.Bottom;
        for (var k = 0; k < FringePx && from - 1 >= row.TopY && column[from - 1] == 0; k++) from--;
        for (var k = 0; k < FringePx && to + 1 <= row.BottomY && column[to + 1] == 0; k++) to++;
        float sum = 0, moment = 0;
        for (var y = from; y <= to; y++)
        {
            var w = y >= r.Top && y <= r.Bottom ? Math.Max(levels.Coverage(x, y), 0.5f) : levels.Coverage(x, y);
            sum += w;
            moment += w * y;
        }
        var centre = moment / sum;
        var half = Math.Max(0f, sum - 1) / 2f;
        return (centre - half, centre + half);
    }

    private const int FringePx = 2, MergeGapPx = 2, MinSteepPx = 4, MinFitRows = 4;
    /// <summary>Cost per px of vertical travel between touching runs: only a tie-breaker. A QRS travels 200 px
    /// and more; at 0.05/px that outweighed a 5 px jump onto the printed lead label beside it ("V" strokes).</summary>
    private const double TravelCost = 0.01;
    /// <summary>Credit per px of ink a column's chosen run covers: the path should explain the ink. Without it
    /// the travel tie-breaker, which measures centre to centre, preferred a printed lead label's glyph beside the
    /// middle of a steep QRS stroke over the stroke's own continuation towards its tip (ecg-image-kit renders put
    /// the labels where deep S waves run: aVR 13.9-16.4 -> 18.8-22.8 dB on four pages; mean 19.20 -> 19.35 dB).
    /// It is small next to a gap's cost (1 per px): leaving the trace across a gap of g px pays only for ink runs
    /// longer than 50 g px per column, and nothing got worse on Mendeley (heart rate, layouts) or the synthesizer pages.</summary>
    private const double InkReward = 0.02;

    private readonly record struct Run(short Top, short Bottom)
    {
        public float Centre => (Top + Bottom) / 2f;
    }

    private static Run[] CollectRuns(InkMask ink, TraceRow row, int x0, int columns, out int[] runStart)
    {
        runStart = new int[columns + 1];
        var runs = ArrayPool<Run>.Shared.Rent(columns * 4 + 16);
        var count = 0;
        int bandTop = row.TopY, bandBottom = row.BottomY;
        for (var c = 0; c < columns; c++)
        {
            runStart[c] = count;
            var column = ink.Column(x0 + c)[bandTop..(bandBottom + 1)];
            foreach (var (start, end) in new InkRuns(column))
            {
                // A run touching both band edges is a separator line, not a trace.
                if (start == 0 && end == column.Length - 1) continue;
                // A pixel or two lighter than the cut inside one stroke (where a steep stroke hands over to
                // the next column) must not split it: the path would pick the fragment, not the stroke.
                if (count > runStart[c] && bandTop + start - runs[count - 1].Bottom - 1 <= MergeGapPx)
                {
                    runs[count - 1] = runs[count - 1] with { Bottom = (short)(bandTop + end) };
                    continue;
                }
                if (count == runs.Length)
                {
                    var bigger = ArrayPool<Run>.Shared.Rent(runs.Length * 2);
                    runs.AsSpan(0, count).CopyTo(bigger);
                    ArrayPool<Run>.Shared.Return(runs);
                    runs = bigger;
                }
                runs[count++] = new Run((short)(bandTop + start), (short)(bandTop + end));
            }
        }
        runStart[columns] = count;
        return runs;
    }

    /// <summary>Viterbi over runs; columns without runs carry the previous states forward (missing).</summary>
    private static int[] BestPath(Run[] runs, int[] runStart, int columns, TraceRow row)
    {
        var total = runStart[columns];
        var cost = new double[total];
        var back = new int[total];
        var pitch = Math.Max(1, row.BottomY - row.TopY);
        var lastColumn = -1;
        for (var c = 0; c < columns; c++)
        {
            for (var j = runStart[c]; j < runStart[c + 1]; j++)
            {
                var r = runs[j];
                var unary = 4.0 * Math.Max(0, Math.Abs(r.Centre - row.BaselineY) / pitch - 0.15) - InkReward * (r.Bottom - r.Top + 1);
                if (lastColumn < 0) { cost[j] = unary; back[j] = -1; continue; }
                var best = double.MaxValue; var arg = -1;
                for (var i = runStart[lastColumn]; i < runStart[lastColumn + 1]; i++)
                {
                    var p = runs[i];
                    var gap = Math.Max(0, Math.Max(r.Top - p.Bottom - 1, p.Top - r.Bottom - 1));
                    var t = cost[i] + gap + TravelCost * Math.Abs(r.Centre - p.Centre);
                    if (t < best) { best = t; arg = i; }
                }
                cost[j] = best + unary;
                back[j] = arg;
            }
            if (runStart[c + 1] > runStart[c]) lastColumn = c;
        }
        var choice = new int[columns];
        Array.Fill(choice, -1);
        if (lastColumn < 0) return choice;
        var k = -1; var min = double.MaxValue;
        for (var j = runStart[lastColumn]; j < runStart[lastColumn + 1]; j++) if (cost[j] < min) { min = cost[j]; k = j; }
        var col = lastColumn;
        while (k >= 0)
        {
            while (runStart[col] > k) col--;
            choice[col] = k;
            k = back[k];
        }
        return choice;
    }

    private static float HalfThickness(float[] top, float[] bottom)
    {
        var lengths = new List<float>();
        for (var c = 0; c < top.Length; c += 3) if (!float.IsNaN(top[c])) lengths.Add(bottom[c] - top[c] + 1);
        if (lengths.Count == 0) return 1;
        lengths.Sort();
        return lengths[lengths.Count / 2] / 2f;
    }

    /// <summary>The path as sub-pixel points, sorted by x. A shallow column gives one point at its centre: the
    /// coverage-weighted centre of a stroke's ink in a column is where the line crosses the column's middle.
    /// A steep stroke is read the other way round: in each of its pixel rows the coverage-weighted x across
    /// the column and its neighbours is where the line crosses that row (a near-vertical QRS stroke 2-3 px
    /// wide spreads over three columns, and a column centre says little about its time). A column whose ink
    /// reaches past both neighbours' is a peak: its tip, half a stroke inside the ink's edge, at the x where a
    /// parabola through the three columns' extremes peaks. A column counts as steep once its ink is longer than
    /// 1.5 stroke widths + 1 px (about 1 px of travel per column): with straightened crossings the row reading
    /// beats the column centre there too (renders, steep from 12 px down to this: 18.71 -> 19.03 dB).</summary>
    private static (double[] X, double[] Y) Points(InkMask ink, int x0, float[] centre, float[] top, float[] bottom, float h,
        int firstColumn)
    {
        var xs = new List<double>(centre.Length * 2);
        var ys = new List<double>(centre.Length * 2);
        var steep = Math.Max(3 * h + 1, MinSteepPx);
        for (var c = firstColumn; c < centre.Length; c++)
        {
            if (float.IsNaN(centre[c])) continue;
            var x = x0 + c;
            if (bottom[c] - top[c] + 1 <= steep) { xs.Add(x + 0.5); ys.Add(centre[c]); continue; }
            int prev = c > 0 && !float.IsNaN(centre[c - 1]) ? c - 1 : c, next = c + 1 < centre.Length && !float.IsNaN(centre[c + 1]) ? c + 1 : c;
            var tipped = false;
            if (IsPeak(top[prev], top[c], top[next], -1, centre[prev], centre[next], h))
            {
                xs.Add(x + 0.5 + Vertex(top[prev], top[c], top[next])); ys.Add(top[c] + h - 0.5);
                tipped = true;
            }
            if (IsPeak(bottom[prev], bottom[c], bottom[next], +1, centre[prev], centre[next], h))
            {
                xs.Add(x + 0.5 + Vertex(bottom[prev], bottom[c], bottom[next])); ys.Add(bottom[c] - h + 0.5);
                tipped = true;
            }
            // A tip is the column's reading at its x; the run's centre beside it, half-way down the stroke, lies on
            // no trace (E07514 V4-V6, QRS tips merged with a separator bar: 10.7-13.8 -> 18.4-19.6 dB).
            if (RowCrossings(ink, x, c, top, bottom, xs, ys) == 0 && !tipped) { xs.Add(x + 0.5); ys.Add(centre[c]); }
        }
        var px = xs.ToArray();
        var py = ys.ToArray();
        Array.Sort(px, py);
        return (px, py);
    }

    /// <summary>True when <paramref name="here"/> (a column's top or bottom) reaches past both neighbours' in
    /// direction <paramref name="sign"/> (-1 up, +1 down), beyond their centres by more than two stroke widths (a bend of a flat stretch is no peak).</summary>
    private static bool IsPeak(float before, float here, float after, int sign, float centreBefore, float centreAfter, float h)
    {
        var reach = sign * here;
        return reach >= sign * before && reach >= sign * after && (reach > sign * before || reach > sign * after)
            && sign * (here - sign * h) > Math.Max(sign * centreBefore, sign * centreAfter) + 4 * h;
    }

    /// <summary>Where, within ±0.5 column, a parabola through three neighbouring values has its vertex.</summary>
    private static double Vertex(float before, float here, float after)
    {
        var curvature = before - 2 * here + after;
        return Math.Abs(curvature) < 1e-3 ? 0 : Math.Clamp(0.5 * (before - after) / curvature, -0.5, 0.5);
    }

    /// <summary>Adds, for each pixel row of steep column <paramref name="c"/>, the coverage-weighted x of the
    /// stroke over this column and the neighbours whose path ink covers that row, when it falls inside this
    /// column (each row is then claimed by exactly one column).</summary>
    private static int RowCrossings(InkMask ink, int x, int c, float[] top, float[] bottom, List<double> xs, List<double> ys)
    {
        var added = 0;
        var levels = ink.Levels;
        for (var y = (int)Math.Ceiling(top[c]); y <= (int)bottom[c]; y++)
        {
            var here = levels.Coverage(x, y);
            var left = Side(levels, ink.Width, x, -1, y, c, top, bottom, here);
            var right = Side(levels, ink.Width, x, +1, y, c, top, bottom, here);
            if (here <= 0 || float.IsNaN(left) || float.IsNaN(right)) continue;
            var offset = (right - left) / (left + here + right);
            if (offset < -0.5f || offset >= 0.5f) continue;
            xs.Add(x + 0.5 + offset);
            ys.Add(y);
            added++;
        }
        if (added >= MinFitRows) StraightenCrossings(xs, ys, xs.Count - added, added);
        return added;
    }

    /// <summary>Within one column a steep stroke is straight, but each row's crossing x, read from two or three
    /// grey levels, scatters by a tenth of a pixel or more: on a 25 px/column QRS stroke that is 2-3 px of zigzag.
    /// The least-squares line x(y) through the column's crossings keeps their mean and slope and drops the
    /// scatter (renders 18.17 -> 18.71 dB).</summary>
    private static void StraightenCrossings(List<double> xs, List<double> ys, int from, int count)
    {
        double my = 0, mx = 0;
        for (var i = from; i < from + count; i++) { my += ys[i]; mx += xs[i]; }
        my /= count; mx /= count;
        double sxy = 0, syy = 0;
        for (var i = from; i < from + count; i++) { sxy += (ys[i] - my) * (xs[i] - mx); syy += (ys[i] - my) * (ys[i] - my); }
        var b = syy > 0 ? sxy / syy : 0;
        for (var i = from; i < from + count; i++) xs[i] = mx + b * (ys[i] - my);
    }

    /// <summary>The weight the neighbour on one side adds to a row's crossing at column x, or NaN when the row
    /// is not a narrow crossing peaking here: the neighbour is darker (its own column claims the row), or the
    /// ink runs on past it (a shallow stretch). A neighbour that is a valley before another stroke (the two
    /// sides of a narrow spike, 1-2 px apart) is shared half and half.</summary>
    private static float Side(InkLevels levels, int width, int x, int step, int y, int c, float[] top, float[] bottom, float here)
    {
        int n = c + step, nx = x + step, far = x + 2 * step;
        if (n < 0 || n >= top.Length || nx < 0 || nx >= width || float.IsNaN(top[n]) || y < top[n] - 1 || y > bottom[n] + 1) return 0;
        var next = levels.Coverage(nx, y);
        if (next > here) return float.NaN;
        var beyond = far >= 0 && far < width ? levels.Coverage(far, y) : 0;
        if (beyond > next) return next / 2;
        return beyond > 0.25f ? float.NaN : next;
    }

    /// <summary>The isoelectric level: the most visited y of the trace (the baseline between beats).</summary>
    private static double Isoelectric(float[] centre)
    {
        var ys = centre.Where(v => !float.IsNaN(v)).ToArray();
        if (ys.Length == 0) return double.NaN;
        int lo = (int)ys.Min(), hi = (int)ys.Max();
        var hist = new int[hi - lo + 1];
        foreach (var y in ys) hist[(int)y - lo]++;
        int best = 0, bestCount = -1;
        for (var i = 0; i < hist.Length; i++)
        {
            var s = 0;
            for (var j = Math.Max(0, i - 2); j <= Math.Min(hist.Length - 1, i + 2); j++) s += hist[j];
            if (s > bestCount) { bestCount = s; best = i; }
        }
        double sum = 0; var n = 0;
        foreach (var y in ys) if (Math.Abs(y - (lo + best)) <= 2.5) { sum += y; n++; }
        return sum / n;
    }

    /// <summary>Where the row's first sample lies: a trace drawn on from the pulse's falling edge starts at that
    /// edge's centre; one drawn after a gap (some printers leave a flat foot and a few mm blank) starts half a
    /// stroke inside its first inked column.</summary>
    private static double? FirstSample(int x0, float[] centre, CalibrationPulse? pulse, float h, GridCalibration scale)
    {
        if (pulse is null) return null;
        var c = pulse.EndX - x0 + 1;
        var limit = Math.Min(centre.Length, c + (int)(PulseGapSearchMm * scale.PxPerMmX));
        while (c < limit && !float.IsNaN(centre[c])) c++;
        if (c == limit) return pulse.FallX;
        while (c < centre.Length && float.IsNaN(centre[c])) c++;
        return c < centre.Length ? x0 + c + h : null;
    }

    private const double PulseGapSearchMm = 8;

    private static int LastInked(int x0, float[] centre)
    {
        for (var c = centre.Length - 1; c >= 0; c--) if (!float.IsNaN(centre[c])) return x0 + c;
        return x0;
    }

    /// <summary>1 for a connected trace; lower for each place where the path leaps a vertical gap longer than a
    /// QRS stroke travels in that many columns (ink it could not follow). A thin pen (90 dpi GE scans, 3.4 px/mm)
    /// breaks on every QRS stroke at the ink cut, and counting every gap over 1 mm gave quality 0 to traces
    /// followed end to end. Gaps the faint ink seems to fill were tried as well: on photos the grid and shadows
    /// "fill" leaps between rows.</summary>
    private static double Smoothness(float[] top, float[] bottom, GridCalibration scale, PaperSettings paper)
    {
        // µV/ms = mV/s: times mm/mV over mm/s gives mm of y per mm of x; one column is 1/(px/mm x) mm of x.
        var strokePx = MaxStrokeUvPerMs * scale.PxPerMmY * paper.GainMmPerMv / (scale.PxPerMmX * paper.SpeedMmPerS);
        var leapPx = Math.Max(scale.PxPerMmY, strokePx);
        int jumps = 0, steps = 0, prev = -1;
        for (var c = 0; c < top.Length; c++)
        {
            if (float.IsNaN(top[c])) continue;
            if (prev >= 0)
            {
                steps++;
                var gap = Math.Max(top[c] - bottom[prev], top[prev] - bottom[c]);
                if (gap > leapPx * (c - prev)) jumps++;
            }
            prev = c;
        }
        return steps == 0 ? 0 : 1 - Math.Min(1, LeapPenalty * jumps);
    }

    /// <summary>What one leap costs: a path that leaves its trace and comes back five times in a row is not to be trusted.
    /// (Gaps over 1 mm were once charged 50 / column count each, 0.02-0.05 per gap, because steep strokes made many.)</summary>
    private const double LeapPenalty = 0.1;

    /// <summary>The fastest QRS strokes run at ~150 µV/ms (1.5 mV in 10 ms); a gap such a stroke crosses within the
    /// columns it spans is a broken stroke (at 50 µV/ms the strokes of a 12 px/mm scan still counted as leaps).</summary>
    private const double MaxStrokeUvPerMs = 150;
}
