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
                var r = runs[choice[c]];
                top[c] = r.Top; bottom[c] = r.Bottom; centre[c] = (r.Top + r.Bottom) / 2f;
            }
            var halfThickness = HalfThickness(top, bottom);
            var (px, py) = Points(x0, centre, top, bottom, halfThickness);
            var pulse = CalibrationPulse.Find(x0, centre, top, bottom, halfThickness, scale, paper);
            var baseline = pulse?.BaselineY ?? Isoelectric(centre);
            var traceStart = pulse is null ? x0 : pulse.EndX;
            return new RowTrace(row, x0, centre, px, py, baseline, pulse is not null, pulse?.HeightPx,
                traceStart, LastInked(x0, centre), Smoothness(top, bottom, scale));
        }
        finally { ArrayPool<Run>.Shared.Return(runs); }
    }

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
            var y = 0;
            while (y < column.Length)
            {
                var start = column[y..].IndexOfAnyExcept((byte)0);
                if (start < 0) break;
                start += y;
                var len = column[start..].IndexOf((byte)0);
                var end = len < 0 ? column.Length - 1 : start + len - 1;
                y = end + 1;
                // A run touching both band edges is a separator line, not a trace.
                if (start == 0 && end == column.Length - 1) continue;
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
                var unary = 4.0 * Math.Max(0, Math.Abs(r.Centre - row.BaselineY) / pitch - 0.15);
                if (lastColumn < 0) { cost[j] = unary; back[j] = -1; continue; }
                var best = double.MaxValue; var arg = -1;
                for (var i = runStart[lastColumn]; i < runStart[lastColumn + 1]; i++)
                {
                    var p = runs[i];
                    var gap = Math.Max(0, Math.Max(r.Top - p.Bottom - 1, p.Top - r.Bottom - 1));
                    var t = cost[i] + gap + 0.05 * Math.Abs(r.Centre - p.Centre);
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

    private static (double[] X, double[] Y) Points(int x0, float[] centre, float[] top, float[] bottom, float h)
    {
        var xs = new List<double>(centre.Length * 2);
        var ys = new List<double>(centre.Length * 2);
        for (var c = 0; c < centre.Length; c++)
        {
            if (float.IsNaN(centre[c])) continue;
            var x = x0 + c;
            float lo = top[c] + h - 0.5f, hi = bottom[c] - h + 0.5f;
            if (hi - lo <= 1.5f) { xs.Add(x + 0.5); ys.Add(centre[c]); continue; }
            var before = Neighbour(centre, c, -1);
            var after = Neighbour(centre, c, +1);
            var entry = Math.Clamp(float.IsNaN(before) ? centre[c] : before, lo, hi);
            var exit = Math.Clamp(float.IsNaN(after) ? centre[c] : after, lo, hi);
            xs.Add(x + 0.1); ys.Add(entry);
            var upTip = lo < Math.Min(entry, exit) - 1;
            var downTip = hi > Math.Max(entry, exit) + 1;
            if (upTip && downTip)
            {
                // Both tips in one column: visit the one nearer the entry first.
                var upFirst = entry - lo < hi - entry;
                xs.Add(x + 0.37); ys.Add(upFirst ? lo : hi);
                xs.Add(x + 0.63); ys.Add(upFirst ? hi : lo);
            }
            else if (upTip) { xs.Add(x + 0.5); ys.Add(lo); }
            else if (downTip) { xs.Add(x + 0.5); ys.Add(hi); }
            xs.Add(x + 0.9); ys.Add(exit);
        }
        return (xs.ToArray(), ys.ToArray());
    }

    private static float Neighbour(float[] centre, int c, int step)
    {
        for (int i = c + step, k = 0; k < 3 && i >= 0 && i < centre.Length; i += step, k++)
            if (!float.IsNaN(centre[i])) return centre[i];
        return float.NaN;
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

    private static int LastInked(int x0, float[] centre)
    {
        for (var c = centre.Length - 1; c >= 0; c--) if (!float.IsNaN(centre[c])) return x0 + c;
        return x0;
    }

    /// <summary>1 for a connected trace; lower for each place where the path leaps a gap of more than 1 mm
    /// between neighbouring columns (ink it could not follow).</summary>
    private static double Smoothness(float[] top, float[] bottom, GridCalibration scale)
    {
        int jumps = 0, steps = 0, prev = -1;
        for (var c = 0; c < top.Length; c++)
        {
            if (float.IsNaN(top[c])) continue;
            if (prev >= 0)
            {
                steps++;
                var gap = Math.Max(top[c] - bottom[prev], top[prev] - bottom[c]);
                if (gap > scale.PxPerMmY) jumps++;
            }
            prev = c;
        }
        return steps == 0 ? 0 : 1 - Math.Min(1, 50.0 * jumps / steps);
    }
}
