using HeartGuard.Core;

namespace HeartGuard.Imaging.Traces;

/// <summary>The 1 mV calibration pulse printed at a row's start: a rising edge, a plateau, a falling edge.
/// Its foot is the row's 0 mV line and its height gives px per mm vertically when the grid cannot.</summary>
public sealed record CalibrationPulse(double BaselineY, double HeightPx, int StartX, int EndX)
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
        while (riseEnd + 1 < centre.Length && Tall(riseEnd + 1) && Math.Abs(bottom[riseEnd + 1] - bottom[rise]) < 2) riseEnd++;
        var fall = -1;
        var maxWidth = (int)(MaxWidthMm * scale.PxPerMmX);
        for (var c = riseEnd + 1; c < Math.Min(centre.Length, riseEnd + maxWidth); c++) if (Tall(c)) { fall = c; break; }
        if (fall < 0) return null;
        while (fall + 1 < centre.Length && Tall(fall + 1)) fall++;
        var baseline = bottom[rise] - halfThickness + 0.5;
        var plateau = new List<float>();
        for (var c = riseEnd + 1; c < fall; c++) if (!float.IsNaN(centre[c])) plateau.Add(centre[c]);
        plateau.Sort();
        var plateauY = plateau.Count > 0 ? plateau[plateau.Count / 2] : top[rise] + halfThickness - 0.5;
        var height = baseline - plateauY;
        if (height < 0.6 * expected || height > 1.6 * expected) return null;
        return new CalibrationPulse(baseline, height, x0 + rise, x0 + fall);
    }
}
