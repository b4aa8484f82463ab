using SkiaSharp;

namespace HeartGuard.Imaging;

/// <summary>Debug picture: the page with each extracted trace drawn in colour, its box, its baseline and its
/// lead name, so a person can see at a glance what the digitizer followed.</summary>
public static class Overlay
{
    private static readonly SKColor[] Palette =
    [
        new(230, 25, 75), new(60, 180, 75), new(0, 130, 200), new(245, 130, 48), new(145, 30, 180), new(70, 240, 240),
        new(240, 50, 230), new(128, 128, 0), new(0, 128, 128), new(170, 110, 40), new(128, 0, 0), new(0, 0, 128),
    ];

    public static byte[] RenderPng(ReadOnlyMemory<byte> imageBytes, DigitizationResult r)
    {
        using var source = SKBitmap.Decode(imageBytes.Span)
            ?? throw new DigitizationException(DigitizationError.Unreadable, "the image could not be decoded for the overlay");
        using var surface = SKSurface.Create(new SKImageInfo(r.WidthPx, r.HeightPx, SKColorType.Rgba8888, SKAlphaType.Premul));
        var canvas = surface.Canvas;
        canvas.Clear(SKColors.White);
        canvas.Save();
        // Traces live in the deskewed (and perspective-corrected) page: transform the original the same way under them.
        var toPage = r.PictureToPage();
        canvas.Concat(ref toPage);
        using (var faded = new SKPaint { ColorFilter = SKColorFilter.CreateBlendMode(new SKColor(255, 255, 255, 110), SKBlendMode.SrcOver) })
            canvas.DrawBitmap(source, 0, 0, faded);
        canvas.Restore();
        var stroke = Math.Max(1.5f, r.WidthPx / 1200f);
        using var font = new SKFont(SKTypeface.Default, Math.Max(14, r.WidthPx / 90f));
        for (var i = 0; i < r.Traces.Count; i++)
        {
            var t = r.Traces[i];
            var color = Palette[Core.StandardLeads.IndexOf(t.Lead) is var k and >= 0 ? k : i % Palette.Length];
            using var line = new SKPaint { Color = color, StrokeWidth = stroke, IsStroke = true, IsAntialias = true };
            using var box = new SKPaint { Color = color.WithAlpha(90), StrokeWidth = 1, IsStroke = true };
            using var text = new SKPaint { Color = color, IsAntialias = true };
            canvas.DrawRect(t.Box.X, t.Box.Y, t.Box.Width, t.Box.Height, box);
            canvas.DrawLine(t.Box.X, (float)t.BaselineY, t.Box.X + t.Box.Width, (float)t.BaselineY, box);
            using var path = new SKPath();
            var open = false;
            for (var c = 0; c < t.PathY.Length; c++)
            {
                var y = t.PathY[c];
                if (float.IsNaN(y)) { open = false; continue; }
                if (open) path.LineTo(t.PathStartX + c + 0.5f, y); else path.MoveTo(t.PathStartX + c + 0.5f, y);
                open = true;
            }
            canvas.DrawPath(path, line);
            canvas.DrawText($"{t.Lead} q={t.Quality:0.00}", t.Box.X + 4, t.Box.Y + font.Size, font, text);
        }
        using var image = surface.Snapshot();
        using var png = image.Encode(SKEncodedImageFormat.Png, 90);
        return png.ToArray();
    }
}
