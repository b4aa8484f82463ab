using HeartGuard.Core;
using SkiaSharp;

namespace HeartGuard.Synthesis;

/// <summary>One lead segment as drawn: which samples, where their time axis and zero line are, and each
/// sample's position on the undistorted page (NaN where the sample is missing and nothing was drawn).</summary>
public sealed record DrawnTrace(LeadPlacement Placement, int StartSample, int EndSample, double OriginXPx, double BaselineYPx, SKPoint[] PagePoints);

/// <summary>Draws each placement's samples as one anti-aliased polyline (broken where samples are missing):
/// x = origin + (n - start) / fs x px/s, y = baseline - µV / 1000 x px/mV.</summary>
public static class TracePainter
{
    public static IReadOnlyList<DrawnTrace> Paint(SKCanvas canvas, PageGeometry g, EcgRecord record, PageSpec spec)
    {
        using var paint = new SKPaint
        {
            Color = spec.TraceColor,
            IsAntialias = true,
            Style = SKPaintStyle.Stroke,
            StrokeWidth = (float)Math.Max(1, spec.TraceWidthMm * g.PxPerMm),
            StrokeJoin = SKStrokeJoin.Round,
            StrokeCap = SKStrokeCap.Round,
        };
        var traces = new List<DrawnTrace>();
        foreach (var placement in g.Layout.Placements)
        {
            var lead = record.Find(placement.Lead);
            if (lead is null) continue; // a record without this lead leaves its cell empty
            var fs = record.SamplingRateHz;
            var start = (int)Math.Round(placement.StartS * fs);
            var end = Math.Min(record.SampleCount, (int)Math.Round(placement.EndS * fs));
            var originX = g.Px(g.OriginMm(placement));
            var baselineY = g.Px(g.BaselineMm(placement.Row));
            var points = new SKPoint[Math.Max(0, end - start)];
            using var path = new SKPath();
            var penDown = false;
            for (var n = start; n < end; n++)
            {
                var uv = lead.SamplesUv[n];
                if (float.IsNaN(uv)) { points[n - start] = new SKPoint(float.NaN, float.NaN); penDown = false; continue; }
                var p = new SKPoint((float)(originX + (n - start) / fs * g.PxPerS), (float)(baselineY - uv / 1000.0 * g.PxPerMv));
                points[n - start] = p;
                if (penDown) path.LineTo(p); else { path.MoveTo(p); penDown = true; }
            }
            canvas.DrawPath(path, paint);
            traces.Add(new DrawnTrace(placement, start, end, originX, baselineY, points));
        }
        return traces;
    }
}
