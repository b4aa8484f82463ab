using HeartGuard.Models;
using SkiaSharp;

namespace HeartGuard.Analysis;

/// <summary>Draws an explanation's page grid over the page: cells shaded from transparent (no influence)
/// through yellow to red (the region whose occlusion changed the decision most).</summary>
public static class HeatmapOverlay
{
    private const int MaxWidthPx = 1400;

    /// <summary>The PNG, or null when the image cannot be decoded or the explanation has no grid.</summary>
    public static byte[]? RenderPng(ReadOnlyMemory<byte> image, Explanation explanation)
    {
        if (explanation.GridRows <= 0 || explanation.GridColumns <= 0 || explanation.Heatmap.Length != explanation.GridRows * explanation.GridColumns)
            return null;
        using var source = SKBitmap.Decode(image.Span);
        if (source is null) return null;
        var scale = Math.Min(1f, MaxWidthPx / (float)source.Width);
        var info = new SKImageInfo(Math.Max(1, (int)(source.Width * scale)), Math.Max(1, (int)(source.Height * scale)));
        using var surface = SKSurface.Create(info);
        var canvas = surface.Canvas;
        canvas.DrawBitmap(source, new SKRect(0, 0, info.Width, info.Height));
        var cellW = info.Width / (float)explanation.GridColumns;
        var cellH = info.Height / (float)explanation.GridRows;
        using var fill = new SKPaint { Style = SKPaintStyle.Fill };
        for (var r = 0; r < explanation.GridRows; r++)
            for (var c = 0; c < explanation.GridColumns; c++)
            {
                var heat = Math.Clamp(explanation.Heatmap[r * explanation.GridColumns + c], 0f, 1f);
                if (heat < 0.05f) continue;
                fill.Color = Colour(heat);
                canvas.DrawRect(c * cellW, r * cellH, cellW, cellH, fill);
            }
        using var snapshot = surface.Snapshot();
        using var png = snapshot.Encode(SKEncodedImageFormat.Png, 100);
        return png.ToArray();
    }

    /// <summary>Yellow at low heat to red at full heat, more opaque as heat rises, so the trace stays readable.</summary>
    private static SKColor Colour(float heat) =>
        new(255, (byte)(220 * (1 - heat)), 0, (byte)(40 + 120 * heat));
}
