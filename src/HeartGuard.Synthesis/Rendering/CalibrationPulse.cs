using SkiaSharp;

namespace HeartGuard.Synthesis;

/// <summary>The 1 mV x 200 ms calibration pulse at the start of a row, in undistorted page px.</summary>
public sealed record CalibrationPulse(int Row, double XStartPx, double XEndPx, double BaselineYPx, double TopYPx)
{
    public static IReadOnlyList<CalibrationPulse> Paint(SKCanvas canvas, PageGeometry g, PageSpec spec)
    {
        if (!spec.CalibrationPulses) return [];
        using var paint = new SKPaint
        {
            Color = spec.TraceColor,
            IsAntialias = true,
            Style = SKPaintStyle.Stroke,
            StrokeWidth = (float)Math.Max(1, spec.TraceWidthMm * g.PxPerMm),
            StrokeJoin = SKStrokeJoin.Miter,
        };
        var pulses = new List<CalibrationPulse>();
        var leadInPx = g.Px(PageGeometry.PulseFlatMm);
        for (var row = 0; row < g.Layout.TotalRows; row++)
        {
            var x0 = g.Px(g.PulseStartMm);
            var x1 = g.Px(g.PulseStartMm + g.PulseWidthMm);
            var baseline = g.Px(g.BaselineMm(row));
            var top = (float)(baseline - g.PxPerMv);
            using var path = new SKPath();
            path.MoveTo(x0 - leadInPx, baseline);
            path.LineTo(x0, baseline);
            path.LineTo(x0, top);
            path.LineTo(x1, top);
            path.LineTo(x1, baseline);
            path.LineTo(x1 + leadInPx, baseline);
            canvas.DrawPath(path, paint);
            pulses.Add(new CalibrationPulse(row, Math.Round(x0, 4), Math.Round(x1, 4), Math.Round(baseline, 4), Math.Round(top, 4)));
        }
        return pulses;
    }
}
