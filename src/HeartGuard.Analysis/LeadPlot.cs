using HeartGuard.Core;
using SkiaSharp;

namespace HeartGuard.Analysis;

/// <summary>Redraws a record on clean ECG paper (25 mm/s, 10 mm/mV, 1 mm and 5 mm grid) in the page's own
/// layout, so a reader checks the digitized signals the way they read the original printout.</summary>
public static class LeadPlot
{
    private const float PxPerMm = 4f;
    private const double SpeedMmPerS = 25, GainMmPerMv = 10;
    private const float LeftMarginMm = 10, TopMarginMm = 4;

    /// <param name="rPeakSamples">Detected beats (sample indices), marked above every row so a reader sees
    /// which complexes the heart rate was counted from; null draws none.</param>
    public static byte[] RenderPng(EcgRecord record, EcgLayout layout, IReadOnlyList<int>? rPeakSamples = null)
    {
        var rows = layout.TotalRows;
        var rowHeightMm = rows > 6 ? 18f : 30f;
        var durationS = layout.Placements.Max(p => p.EndS);
        var widthMm = LeftMarginMm + (float)(durationS * SpeedMmPerS) + 4;
        var heightMm = TopMarginMm + rows * rowHeightMm + 2;
        var info = new SKImageInfo((int)(widthMm * PxPerMm), (int)(heightMm * PxPerMm));
        using var surface = SKSurface.Create(info);
        var canvas = surface.Canvas;
        canvas.Clear(new SKColor(0xFF, 0xFB, 0xFA));
        DrawGrid(canvas, info.Width, info.Height);

        using var trace = new SKPaint { Color = SKColors.Black, StrokeWidth = 1.6f, IsAntialias = true, Style = SKPaintStyle.Stroke };
        using var label = new SKPaint { Color = new SKColor(0x1A, 0x3D, 0x6E), IsAntialias = true };
        using var font = new SKFont(SKTypeface.FromFamilyName("DejaVu Sans", SKFontStyle.Bold), 3.2f * PxPerMm);
        foreach (var placement in layout.Placements)
        {
            var baselineY = (TopMarginMm + (placement.Row + 0.6f) * rowHeightMm) * PxPerMm;
            var x0 = (LeftMarginMm + (float)(placement.StartS * SpeedMmPerS)) * PxPerMm;
            canvas.DrawText(placement.Lead, x0 + 1.5f * PxPerMm, baselineY - rowHeightMm * 0.38f * PxPerMm, SKTextAlign.Left, font, label);
            if (placement.Column > 0)
                canvas.DrawLine(x0, baselineY - 3 * PxPerMm, x0, baselineY + 3 * PxPerMm, trace);
            if (record.Find(placement.Lead) is { } lead)
                DrawSegment(canvas, lead, record.SamplingRateHz, placement, baselineY, trace);
            if (rPeakSamples is not null)
                DrawBeatMarks(canvas, rPeakSamples, record.SamplingRateHz, placement, baselineY - rowHeightMm * 0.5f * PxPerMm);
        }
        for (var row = 0; row < rows; row++)
            DrawCalibrationPulse(canvas, (TopMarginMm + (row + 0.6f) * rowHeightMm) * PxPerMm, trace);

        using var image = surface.Snapshot();
        using var png = image.Encode(SKEncodedImageFormat.Png, 100);
        return png.ToArray();
    }

    private static void DrawGrid(SKCanvas canvas, int widthPx, int heightPx)
    {
        using var minor = new SKPaint { Color = new SKColor(0xF6, 0xC9, 0xC9), StrokeWidth = 0.6f };
        using var major = new SKPaint { Color = new SKColor(0xE8, 0x8F, 0x8F), StrokeWidth = 1.1f };
        for (var mm = 0; mm * PxPerMm <= widthPx; mm++)
            canvas.DrawLine(mm * PxPerMm, 0, mm * PxPerMm, heightPx, mm % 5 == 0 ? major : minor);
        for (var mm = 0; mm * PxPerMm <= heightPx; mm++)
            canvas.DrawLine(0, mm * PxPerMm, widthPx, mm * PxPerMm, mm % 5 == 0 ? major : minor);
    }

    /// <summary>The lead's samples inside the placement's time window; missing samples break the line
    /// instead of being bridged, so gaps in the digitization stay visible.</summary>
    private static void DrawSegment(SKCanvas canvas, Lead lead, double samplingRateHz, LeadPlacement placement,
        float baselineY, SKPaint paint)
    {
        var first = (int)Math.Round(placement.StartS * samplingRateHz);
        var end = Math.Min(lead.Count, (int)Math.Round(placement.EndS * samplingRateHz));
        var pxPerSample = (float)(SpeedMmPerS / samplingRateHz) * PxPerMm;
        var pxPerUv = (float)(GainMmPerMv / 1000.0) * PxPerMm;
        var x0 = (LeftMarginMm + (float)(placement.StartS * SpeedMmPerS)) * PxPerMm;
        using var path = new SKPath();
        var penDown = false;
        for (var i = first; i < end; i++)
        {
            var uv = lead.SamplesUv[i];
            if (float.IsNaN(uv)) { penDown = false; continue; }
            var x = x0 + (i - first) * pxPerSample;
            var y = baselineY - uv * pxPerUv;
            if (penDown) path.LineTo(x, y); else path.MoveTo(x, y);
            penDown = true;
        }
        canvas.DrawPath(path, paint);
    }

    /// <summary>A small downward triangle above the row at each detected beat inside the placement's window.</summary>
    private static void DrawBeatMarks(SKCanvas canvas, IReadOnlyList<int> rPeakSamples, double samplingRateHz,
        LeadPlacement placement, float topY)
    {
        using var paint = new SKPaint { Color = new SKColor(0x1F, 0x6F, 0xD1), IsAntialias = true, Style = SKPaintStyle.Fill };
        foreach (var sample in rPeakSamples)
        {
            var s = sample / samplingRateHz;
            if (s < placement.StartS || s >= placement.EndS) continue;
            var x = (LeftMarginMm + (float)(s * SpeedMmPerS)) * PxPerMm;
            using var path = new SKPath();
            path.MoveTo(x - PxPerMm, topY);
            path.LineTo(x + PxPerMm, topY);
            path.LineTo(x, topY + 1.6f * PxPerMm);
            path.Close();
            canvas.DrawPath(path, paint);
        }
    }

    /// <summary>The 1 mV, 200 ms reference pulse printed at the start of every row.</summary>
    private static void DrawCalibrationPulse(SKCanvas canvas, float baselineY, SKPaint paint)
    {
        var x = 1.5f * PxPerMm;
        var top = baselineY - (float)GainMmPerMv * PxPerMm;
        using var path = new SKPath();
        path.MoveTo(x, baselineY);
        path.LineTo(x + PxPerMm, baselineY);
        path.LineTo(x + PxPerMm, top);
        path.LineTo(x + 6 * PxPerMm, top);
        path.LineTo(x + 6 * PxPerMm, baselineY);
        path.LineTo(x + 7 * PxPerMm, baselineY);
        canvas.DrawPath(path, paint);
    }
}
