using HeartGuard.Imaging;
using HeartGuard.Models;
using SkiaSharp;

namespace HeartGuard.Analysis;

/// <summary>Shades the page where the model's decision came from, from transparent (no influence) through
/// yellow to red (most influence): the image model's occlusion grid, or the signal model's lead boxes.</summary>
public static class HeatmapOverlay
{
    private const int MaxWidthPx = 1400;

    /// <summary>The image model's occlusion grid over the whole page; null when the image cannot be decoded or
    /// the explanation has no grid (a signal-only model).</summary>
    public static byte[]? RenderPng(ReadOnlyMemory<byte> image, Explanation explanation)
    {
        if (explanation.GridRows <= 0 || explanation.GridColumns <= 0 || explanation.Heatmap.Length != explanation.GridRows * explanation.GridColumns)
            return null;
        return Render(image, (canvas, width, height, fill) =>
        {
            var cellW = width / explanation.GridColumns;
            var cellH = height / explanation.GridRows;
            for (var r = 0; r < explanation.GridRows; r++)
                for (var c = 0; c < explanation.GridColumns; c++)
                    Shade(canvas, fill, explanation.Heatmap[r * explanation.GridColumns + c], new SKRect(c * cellW, r * cellH, (c + 1) * cellW, (r + 1) * cellH));
        });
    }

    /// <summary>The signal model's per-lead contributions drawn on the boxes the leads were read from (a lead
    /// shown twice, in its cell and a rhythm strip, is shaded in both): heat = the drop of the predicted class's
    /// probability without that lead, relative to the largest drop. Leads that argued against the decision stay
    /// clear. Null when no lead raised the decision or the image cannot be decoded.</summary>
    public static byte[]? RenderLeadsPng(ReadOnlyMemory<byte> image, DigitizationResult page, IReadOnlyList<LeadContribution> contributions)
    {
        var max = contributions.Select(c => c.ProbabilityChange).DefaultIfEmpty(0).Max();
        if (max <= 0) return null;
        var heat = contributions.ToDictionary(c => c.Lead, c => (float)(c.ProbabilityChange / max));
        return Render(image, (canvas, width, height, fill) =>
        {
            var scale = width / page.WidthPx;
            // Lead boxes live in the deskewed, perspective-corrected page; turn them back onto the page as it was
            // photographed or scanned.
            canvas.Scale(scale);
            var toPicture = page.PictureToPage().Invert();
            canvas.Concat(ref toPicture);
            foreach (var trace in page.Traces)
                if (heat.TryGetValue(trace.Lead, out var h))
                    Shade(canvas, fill, h, Band(trace, page.Traces));
        });
    }

    /// <summary>A lead's box cut to the band around its baseline that no other lead shares: the boxes leave room
    /// for tall complexes and overlap their neighbours above and below, so shading whole boxes would stack.</summary>
    private static SKRect Band(LeadTrace trace, IReadOnlyList<LeadTrace> all)
    {
        var half = trace.Box.Height / 2.0;
        foreach (var other in all)
        {
            var sharesColumns = other.Box.X < trace.Box.X + trace.Box.Width && trace.Box.X < other.Box.X + other.Box.Width;
            var distance = Math.Abs(other.BaselineY - trace.BaselineY);
            if (!ReferenceEquals(other, trace) && sharesColumns && distance > 0) half = Math.Min(half, distance / 2);
        }
        return new SKRect(trace.Box.X, (float)(trace.BaselineY - half), trace.Box.X + trace.Box.Width, (float)(trace.BaselineY + half));
    }

    private static byte[]? Render(ReadOnlyMemory<byte> image, Action<SKCanvas, float, float, SKPaint> shade)
    {
        using var source = SKBitmap.Decode(image.Span);
        if (source is null) return null;
        var scale = Math.Min(1f, MaxWidthPx / (float)source.Width);
        var info = new SKImageInfo(Math.Max(1, (int)(source.Width * scale)), Math.Max(1, (int)(source.Height * scale)));
        using var surface = SKSurface.Create(info);
        var canvas = surface.Canvas;
        canvas.DrawBitmap(source, new SKRect(0, 0, info.Width, info.Height));
        using var fill = new SKPaint { Style = SKPaintStyle.Fill };
        shade(canvas, info.Width, info.Height, fill);
        using var snapshot = surface.Snapshot();
        using var png = snapshot.Encode(SKEncodedImageFormat.Png, 100);
        return png.ToArray();
    }

    private static void Shade(SKCanvas canvas, SKPaint fill, float heat, SKRect area)
    {
        heat = Math.Clamp(heat, 0f, 1f);
        if (heat < 0.05f) return;
        fill.Color = Colour(heat);
        canvas.DrawRect(area, fill);
    }

    /// <summary>Yellow at low heat to red at full heat, more opaque as heat rises, so the trace stays readable.</summary>
    private static SKColor Colour(float heat) =>
        new(255, (byte)(220 * (1 - heat)), 0, (byte)(40 + 120 * heat));
}
