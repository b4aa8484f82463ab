using HeartGuard.Core;
using HeartGuard.Imaging.Traces;

namespace HeartGuard.Imaging.Grid;

/// <summary>Second source of scale: when the grid gave none, the calibration pulses' height (1 mV =
/// gain mm) gives px/mm vertically, and square pixels give it horizontally.</summary>
public static class ScaleFallback
{
    public static GridCalibration FromPulses(GridCalibration scale, IReadOnlyList<RowTrace> rows, PaperSettings paper, double? dpi, List<string> warnings)
    {
        var heights = rows.Where(r => r.PulseHeightPx is not null).Select(r => r.PulseHeightPx!.Value).OrderBy(h => h).ToList();
        if (heights.Count == 0)
        {
            if (scale.Source != ScaleSource.Grid) warnings.Add("no calibration pulse found");
            return scale;
        }
        var pulsePxPerMm = heights[heights.Count / 2] / paper.GainMmPerMv;
        if (scale.Source == ScaleSource.Grid)
        {
            if (Math.Abs(pulsePxPerMm / scale.PxPerMmY - 1) <= 0.1) return scale;
            // Pulse and DPI agreeing against the grid: the "grid" was some other periodic pattern.
            if (dpi is > 50 and < 2400 && Math.Abs(pulsePxPerMm / GridCalibration.PxPerMmFromDpi(dpi.Value) - 1) < 0.03)
            {
                warnings.Add($"grid period ({scale.PxPerMmY:0.00} px/mm) contradicts both the calibration pulse and the DPI; using the DPI");
                var fromDpi = GridCalibration.PxPerMmFromDpi(dpi.Value);
                return new GridCalibration(fromDpi, fromDpi, ScaleSource.Dpi, 0.8);
            }
            if (dpi is > 50 and < 2400)
            {
                warnings.Add($"calibration pulse implies {pulsePxPerMm:0.00} px/mm but the grid {scale.PxPerMmY:0.00}: gain may not be {paper.GainMmPerMv} mm/mV");
                return scale;
            }
            // No DPI to arbitrate: the pulse is an explicit 1 mV mark, a periodic pattern is only a guess.
            warnings.Add($"grid period ({scale.PxPerMmY:0.00} px/mm) contradicts the calibration pulse; using the pulse");
            return new GridCalibration(pulsePxPerMm, pulsePxPerMm, ScaleSource.CalibrationPulse, 0.6);
        }
        return new GridCalibration(pulsePxPerMm, pulsePxPerMm, ScaleSource.CalibrationPulse, heights.Count >= 2 ? 0.7 : 0.5);
    }

    /// <summary>A pulse measures height only, and an assumed scale nothing: horizontally, a printed row shows the
    /// record's whole duration, so when the rows' median span at the horizontal scale in use is 0.8-1.25 times
    /// that duration (but not within 3 %), the span sets px/mm x (and, for an assumed scale, y: square pixels).
    /// A photo whose weak grid lost to its pulse (ecg00033, ecg00040: rows 10.8 and 11.6 s long) otherwise put
    /// its lead boundaries 8-14 % early.</summary>
    public static GridCalibration FromRowSpans(GridCalibration scale, IReadOnlyList<RowTrace> rows, PaperSettings paper, double durationS, List<string> warnings)
    {
        if (scale.Source is not (ScaleSource.CalibrationPulse or ScaleSource.Assumed) || rows.Count == 0) return scale;
        var median = RowTrace.MedianSpanPx(rows);
        var ratio = median / (scale.PxPerMmX * paper.SpeedMmPerS) / durationS;
        if (ratio < MinSpanRatio || ratio > 1 / MinSpanRatio || Math.Abs(ratio - 1) <= 0.03) return scale;
        var x = median / (durationS * paper.SpeedMmPerS);
        warnings.Add($"px/mm x {x:0.00} from the rows' {durationS:0.##} s span (the {scale.Source} gave {scale.PxPerMmX:0.00})");
        return scale with { PxPerMmX = x, PxPerMmY = scale.Source == ScaleSource.Assumed ? x : scale.PxPerMmY };
    }

    private const double MinSpanRatio = 0.8;
}
