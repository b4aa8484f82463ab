using HeartGuard.Core;

namespace HeartGuard.Imaging.Traces;

/// <summary>The 1 mV calibration pulse printed at a row's start: a rising edge, a plateau, a falling edge.
/// Its foot is the row's 0 mV line and its height gives px per mm vertically when the grid cannot.</summary>
public sealed record CalibrationPulse(double BaselineY, double HeightPx, int StartX, int EndX, double FallX)
{
    private const double SearchMm = 20, MaxWidthMm = 10;

    /// <summary>The pulse among the first columns of a row path (arrays indexed from <paramref name="x0"/>), or null.</summary>
    public static CalibrationPulse? Find(int x0, float[] centre, float[] top, float[] bottom, float halfThickness,
        GridCalibration scale, PaperSettings paper)
    {
        var expected = paper.GainMmPerMv * scale.PxPerMmY;
        var limit = Math.Min(centre.Length, (int)(SearchMm * scale.PxPerMmX));
        bool Tall(int c) => !float.IsNaN(top[c]) && bottom[c] - top[c] >= 0.5 * expected;
        var rise = -1;
        for (var c = 0; c < limit; c++) if (Tall(c)) { rise = c; break; }
        if (rise < 0) return null;
        var riseEnd = rise;
        while (riseEnd + 1 < centre.Length && Tall(riseEnd + 1)) riseEnd++;
        var fall = -1;
        var maxWidth = (int)(MaxWidthMm * scale.PxPerMmX);
        for (var c = riseEnd + 1; c < Math.Min(centre.Length, riseEnd + maxWidth); c++) if (Tall(c)) { fall = c; break; }
        if (fall < 0) return null;
        var fallFirst = fall;
        while (fall + 1 < centre.Length && Tall(fall + 1)) fall++;
        var foot = bottom[rise] - halfThickness + 0.5;
        var plateau = new List<float>();
        for (var c = riseEnd + 1; c < fall; c++) if (!float.IsNaN(centre[c]) && bottom[c] - top[c] < 4 * halfThickness) plateau.Add(centre[c]);
        var plateauY = plateau.Count > 0 ? plateau.Average() : top[rise] + halfThickness - 0.5;
        var height = foot - plateauY;
        if (height < 0.6 * expected || height > 1.6 * expected) return null;
        // The plateau is a horizontal line whose centre is sharp to a fraction of a pixel; the foot's end
        // depends on the pen's cap. With a measured scale, 0 mV is exactly one gain below the plateau.
        var baseline = scale.Source is ScaleSource.Grid or ScaleSource.Dpi ? plateauY + expected : foot;
        return new CalibrationPulse(baseline, height, x0 + rise, x0 + fall, x0 + (fallFirst + fall) / 2.0 + 0.5);
    }
}
