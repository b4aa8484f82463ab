using SkiaSharp;

namespace HeartGuard.Synthesis;

/// <summary>Draws the paper grid inside the page frame, starting at the frame's top-left corner: 1 mm
/// minor and 5 mm major lines, or EDAN's dotted grid (a dot at every 1 mm crossing, major lines as dots
/// every 0.5 mm, pixel-snapped single dots like the printer's raster).</summary>
public static class GridPainter
{
    public static (SKColor Minor, SKColor Major) Colors(GridStyle style) => style switch
    {
        GridStyle.Red => (new SKColor(246, 190, 190), new SKColor(228, 112, 112)),
        GridStyle.Pink => (new SKColor(252, 222, 228), new SKColor(240, 165, 182)),
        GridStyle.Green => (new SKColor(200, 232, 200), new SKColor(118, 186, 118)),
        GridStyle.Blue => (new SKColor(200, 216, 242), new SKColor(118, 158, 220)),
        GridStyle.Grey => (new SKColor(218, 218, 218), new SKColor(160, 160, 160)),
        GridStyle.Dotted => (new SKColor(112, 84, 90), new SKColor(96, 68, 74)),
        _ => (SKColors.White, SKColors.White),
    };

    public static readonly SKColor DottedFrame = new(240, 170, 170);

    public static void Paint(SKCanvas canvas, PageGeometry g, GridStyle style)
    {
        if (style == GridStyle.None) return;
        var frame = g.Px(g.FrameMm);
        var columnsMm = (int)Math.Floor(g.FrameMm.Width);
        var rowsMm = (int)Math.Floor(g.FrameMm.Height);
        var (minor, major) = Colors(style);
        if (style == GridStyle.Dotted) PaintDots(canvas, g, frame, columnsMm, rowsMm, minor, major);
        else PaintLines(canvas, g, frame, columnsMm, rowsMm, minor, major);
    }

    private static void PaintLines(SKCanvas canvas, PageGeometry g, SKRect frame, int columnsMm, int rowsMm, SKColor minor, SKColor major)
    {
        foreach (var isMajor in new[] { false, true })
        {
            using var path = new SKPath();
            for (var i = 0; i <= columnsMm; i++)
            {
                if (i % 5 == 0 != isMajor) continue;
                var x = frame.Left + g.Px(i);
                path.MoveTo(x, frame.Top);
                path.LineTo(x, frame.Top + g.Px(rowsMm));
            }
            for (var j = 0; j <= rowsMm; j++)
            {
                if (j % 5 == 0 != isMajor) continue;
                var y = frame.Top + g.Px(j);
                path.MoveTo(frame.Left, y);
                path.LineTo(frame.Left + g.Px(columnsMm), y);
            }
            using var paint = new SKPaint
            {
                Color = isMajor ? major : minor,
                IsAntialias = true,
                Style = SKPaintStyle.Stroke,
                StrokeWidth = (float)Math.Max(1, (isMajor ? 0.2 : 0.1) * g.PxPerMm),
            };
            canvas.DrawPath(path, paint);
        }
    }

    private static void PaintDots(SKCanvas canvas, PageGeometry g, SKRect frame, int columnsMm, int rowsMm, SKColor minor, SKColor major)
    {
        var minorDots = new List<SKPoint>();
        var majorDots = new List<SKPoint>();
        // Half-millimetre steps: every crossing of 1 mm lines is a minor dot, every half-mm along a 5 mm line a major dot.
        for (var i = 0; i <= 2 * columnsMm; i++)
            for (var j = 0; j <= 2 * rowsMm; j++)
            {
                var onMajorX = i % 10 == 0;
                var onMajorY = j % 10 == 0;
                var crossing = i % 2 == 0 && j % 2 == 0;
                if (!(onMajorX || onMajorY || crossing)) continue;
                var point = new SKPoint(MathF.Round(frame.Left + g.Px(i / 2.0)), MathF.Round(frame.Top + g.Px(j / 2.0)));
                (onMajorX || onMajorY ? majorDots : minorDots).Add(point);
            }
        var dotPx = (float)Math.Max(1, Math.Round(0.13 * g.PxPerMm));
        foreach (var (dots, color) in new[] { (minorDots, minor), (majorDots, major) })
        {
            using var paint = new SKPaint { Color = color, IsAntialias = false, StrokeWidth = dotPx, StrokeCap = SKStrokeCap.Square };
            canvas.DrawPoints(SKPointMode.Points, dots.ToArray(), paint);
        }
        using var framePaint = new SKPaint { Color = DottedFrame, IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = (float)Math.Max(1, 0.35 * g.PxPerMm) };
        canvas.DrawRect(frame, framePaint);
    }
}
