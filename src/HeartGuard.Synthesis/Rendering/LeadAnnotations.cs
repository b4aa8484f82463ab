using SkiaSharp;

namespace HeartGuard.Synthesis;

/// <summary>Lead labels at the start of each segment and the vertical separators between lead columns
/// (the EDAN report's short bars tying one column's end to the next one's start).</summary>
public static class LeadAnnotations
{
    public static SKTypeface Typeface(GridStyle style) =>
        SKTypeface.FromFamilyName(style == GridStyle.Dotted ? "Liberation Serif" : "DejaVu Sans") ?? SKTypeface.Default;

    /// <summary>Draws the labels; returns each label's box in undistorted page px, keyed by placement.</summary>
    public static IReadOnlyDictionary<HeartGuard.Core.LeadPlacement, SKRect> PaintLabels(SKCanvas canvas, PageGeometry g, PageSpec spec, HeartGuard.Core.EcgRecord record)
    {
        var boxes = new Dictionary<HeartGuard.Core.LeadPlacement, SKRect>();
        if (!spec.LeadLabels) return boxes;
        using var font = new SKFont(Typeface(spec.Grid), g.Px(3.5));
        using var paint = new SKPaint { Color = spec.TraceColor, IsAntialias = true };
        foreach (var p in g.Layout.Placements)
        {
            if (record.Find(p.Lead) is null) continue; // an empty cell gets no label
            var x = g.Px(g.OriginMm(p) + 0.3);
            var y = g.Px(g.BaselineMm(p.Row) - 1.2);
            canvas.DrawText(p.Lead, x, y, SKTextAlign.Left, font, paint);
            font.MeasureText(p.Lead, out var bounds);
            bounds.Offset(x, y);
            boxes[p] = bounds;
        }
        return boxes;
    }

    public static void PaintSeparators(SKCanvas canvas, PageGeometry g, PageSpec spec)
    {
        if (!spec.Separators || g.Layout.Columns < 2) return;
        using var paint = new SKPaint
        {
            Color = spec.TraceColor,
            IsAntialias = true,
            Style = SKPaintStyle.Stroke,
            StrokeWidth = (float)Math.Max(1, 0.25 * g.PxPerMm),
        };
        var top = g.Px(g.BaselineMm(0) - 0.18 * g.RowPitchMm);
        var bottom = g.Px(g.BaselineMm(g.Layout.Rows - 1) + 0.18 * g.RowPitchMm);
        var segmentS = g.ShownDurationS / g.Layout.Columns;
        for (var c = 1; c < g.Layout.Columns; c++)
        {
            var x = g.Px(g.TraceStartMm + c * segmentS * spec.SpeedMmPerS);
            canvas.DrawLine(x, top, x, bottom, paint);
        }
    }
}
