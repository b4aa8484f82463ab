using HeartGuard.Core;
using HeartGuard.Imaging.Traces;

namespace HeartGuard.Imaging.Grid;

/// <summary>Second source of scale: when the grid gave none, the calibration pulses' height (1 mV =
/// gain mm) gives px/mm vertically, and square pixels give it horizontally.</summary>
public static class ScaleFallback
{
    public static GridCalibration FromPulses(GridCalibration scale, IReadOnlyList<RowTrace> rows, PaperSettings paper, List<string> warnings)
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
            if (Math.Abs(pulsePxPerMm / scale.PxPerMmY - 1) > 0.1)
                warnings.Add($"calibration pulse implies {pulsePxPerMm:0.00} px/mm but the grid {scale.PxPerMmY:0.00}: gain may not be {paper.GainMmPerMv} mm/mV");
            return scale;
        }
        return new GridCalibration(pulsePxPerMm, pulsePxPerMm, ScaleSource.CalibrationPulse, heights.Count >= 2 ? 0.7 : 0.5);
    }
}
