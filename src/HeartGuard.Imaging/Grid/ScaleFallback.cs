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
}
