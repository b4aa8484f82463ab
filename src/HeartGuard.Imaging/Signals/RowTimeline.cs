using HeartGuard.Core;
using HeartGuard.Imaging.Traces;

namespace HeartGuard.Imaging.Signals;

/// <summary>Where t = 0 lies on the page and how many px one second takes: every row of a printed ECG shares
/// one time origin, found from the rows' right ends (a full row shows exactly the record's duration), or from
/// their starts after the calibration pulse when rows are shorter than that.</summary>
public sealed record RowTimeline(double OriginX, double PxPerS, double DurationS)
{
    public double X(double tS) => OriginX + tS * PxPerS;

    /// <summary>True for an x (page px) within 1 mm of a lead change of a <paramref name="columns"/>-column layout,
    /// where separator marks are printed.</summary>
    public bool AtLeadChange(double x, int columns, GridCalibration scale) =>
        LeadChange(x, OriginX, DurationS * PxPerS / columns, columns, scale) is not null;

    private static int? LeadChange(double x, double originX, double segmentPx, int columns, GridCalibration scale)
    {
        var k = (int)Math.Round((x - originX) / segmentPx);
        return k >= 1 && k < columns && Math.Abs(x - originX - k * segmentPx) < scale.PxPerMmX ? k : null;
    }

    public static RowTimeline Fit(IReadOnlyList<RowTrace> rows, GridCalibration scale, PaperSettings paper,
        double durationS, int columns, List<string> warnings)
    {
        var pxPerS = scale.PxPerMmX * paper.SpeedMmPerS;
        var full = durationS * pxPerS;
        var median = RowTrace.MedianSpanPx(rows);
        if (median >= 0.93 * full && median <= 1.07 * full)
        {
            // The last sample is drawn at the centre of the row's last inked column: a row's end is sharper than
            // its start (the pulse's edge, a gap after it). But a mark printed after the trace (ecg-image-kit
            // draws one on some pages) pushes the end out; then the row starts after the pulses decide.
            var ends = rows.Select(r => r.TraceEndX + 0.5).OrderBy(v => v).ToList();
            var fromEnd = ends[ends.Count / 2] - full;
            var firsts = rows.Where(r => r.FirstSampleX is not null).Select(r => r.FirstSampleX!.Value).OrderBy(v => v).ToList();
            var fromStart = firsts.Count * 2 > rows.Count ? firsts[firsts.Count / 2] : fromEnd;
            var origin = Math.Abs(fromStart - fromEnd) > MaxEndDisagreementMm * scale.PxPerMmX ? fromStart : fromEnd;
            // The last sample is drawn one sample interval before the record ends: 0.4 px at 500 Hz, but 2 px for a
            // 100 Hz record. Separator marks printed at the lead changes do not depend on the sampling rate, so
            // when they disagree with the row ends by more than a pixel they decide (their middles sit within
            // 0.4 px of the true boundary on ecg-image-kit pages, and within 0.4 px of the row ends at 500 Hz).
            if (FromSeparators(rows, origin, full / columns, columns, scale) is { } fromMarks && Math.Abs(fromMarks - origin) > 1)
                origin = fromMarks;
            return new RowTimeline(origin, pxPerS, durationS);
        }
        var starts = rows.Select(r => (double)r.TraceStartX).OrderBy(v => v).ToList();
        var shown = Math.Round(median / pxPerS, 2);
        warnings.Add($"rows span {shown:0.##} s instead of {durationS:0.##} s; time measured from the row starts");
        return new RowTimeline(starts[starts.Count / 2], pxPerS, durationS);
    }

    /// <summary>t = 0 from the separator marks between lead segments (column k begins at k·<paramref name="segmentPx"/>),
    /// from the marks within 1 mm of where <paramref name="guess"/> puts a boundary; null with fewer than
    /// <see cref="MinSeparators"/> of them.</summary>
    private static double? FromSeparators(IReadOnlyList<RowTrace> rows, double guess, double segmentPx, int columns, GridCalibration scale)
    {
        var origins = new List<double>();
        foreach (var row in rows)
            foreach (var bar in row.Separators)
                if (LeadChange(bar.CentreX, guess, segmentPx, columns, scale) is { } k) origins.Add(bar.CentreX - k * segmentPx);
        if (origins.Count < MinSeparators) return null;
        origins.Sort();
        return origins[origins.Count / 2];
    }

    private const int MinSeparators = 3;

    /// <summary>Samples of a row's path in microvolts for t in [t0, t1) at <paramref name="rateHz"/>;
    /// NaN where the path has no ink within 2 mm. Ink within <see cref="EdgeMarginMm"/> of the window's ends
    /// is ignored (pulse edges, lead separator marks; not at the record's end) and the nearest inner value held instead, up to
    /// <see cref="MaxHoldMm"/> beyond it.</summary>
    public float[] Sample(RowTrace row, double t0S, double t1S, double rateHz, GridCalibration scale, PaperSettings paper)
    {
        var first = (int)Math.Round(t0S * rateHz);
        var count = (int)Math.Round(t1S * rateHz) - first;
        var values = new float[Math.Max(0, count)];
        var uvPerPx = 1000.0 / (scale.PxPerMmY * paper.GainMmPerMv);
        var maxGap = 2 * scale.PxPerMmX;
        var margin = Math.Max(2, EdgeMarginMm * scale.PxPerMmX);
        var hold = Math.Max(2, MaxHoldMm * scale.PxPerMmX) + 1.5;
        var px = row.PointX;
        var py = row.PointY;
        // The record's end is no lead change: there is no mark after the last sample to keep clear of, and a QRS
        // drawn into the row's last millimetre was held flat (renders E07512 V4-V6 10.8-14.1 -> 17.0-21.5 dB).
        var endMargin = t1S >= DurationS - 1e-9 ? -hold : margin;
        int lo = LowerBound(px, X(t0S) + margin), hi = LowerBound(px, X(t1S) - endMargin) - 1;
        var k = lo;
        for (var i = 0; i < values.Length; i++)
        {
            var x = X((first + i) / rateHz);
            while (k <= hi && px[k] < x) k++;
            double y;
            if (hi < lo) y = double.NaN;
            else if (k == lo) y = px[lo] - x <= hold ? py[lo] : double.NaN;
            else if (k > hi) y = x - px[hi] <= hold ? py[hi] : double.NaN;
            else
            {
                var span = px[k] - px[k - 1];
                y = span > maxGap ? double.NaN : py[k - 1] + (py[k] - py[k - 1]) * (x - px[k - 1]) / span;
            }
            values[i] = double.IsNaN(y) ? float.NaN : (float)((row.BaselineY - y) * uvPerPx);
        }
        return values;
    }

    /// <summary>Ink this close to a window's ends is not read: a thin separator line or a pulse edge. Solid
    /// separator bars are taken out of the path's points before (<see cref="Traces.SeparatorBars"/>); when they
    /// were not, half a bar plus its anti-aliasing needed 0.45 mm (0.35 mm let the bar's edge pull the first
    /// samples: renders 14.5 vs 16.5 dB), which held the first and last 9 ms of every segment constant and cost
    /// most where a QRS meets a boundary (renders 19.35/19.65 -> 19.43/19.84 dB with the bars removed and 0.2 mm).</summary>
    private const double EdgeMarginMm = 0.2;

    /// <summary>How far beyond the first or last point the nearest value is held: across a removed bar.</summary>
    private const double MaxHoldMm = 0.45;

    /// <summary>Row starts and ends may disagree by a sample interval and a pen width; more is an extra mark.</summary>
    private const double MaxEndDisagreementMm = 1;

    private static int LowerBound(double[] sorted, double value)
    {
        int a = 0, b = sorted.Length;
        while (a < b)
        {
            var m = (a + b) >> 1;
            if (sorted[m] < value) a = m + 1; else b = m;
        }
        return a;
    }
}
