using System.Collections.Concurrent;
using HeartGuard.Core;
using OpenCvSharp;
using SkiaSharp;

namespace HeartGuard.Imaging.Layout;

/// <summary>The twelve lead names as printed, rendered in the sans and serif faces ECG machines use (Helvetica-
/// like DejaVu Sans, always installed, and Times-like Liberation Serif where present), cropped to their ink. DejaVu
/// Serif and Liberation Sans as well read the same labels on the renders (409 of 429) and on 73 Mendeley pages
/// (49 % against 49 % right) at 1.5 times the cost, which took a 100-page batch below 25 pages/s. A glyph cluster of
/// h px is compared with every template area-resampled to h px tall: resampling a 64 px rendering gives the same
/// anti-aliased strokes as rendering at h px, and each height is made once per process, already padded and
/// smoothed as the glyphs it is compared with are (smoothing each comparison cost 6 ms per page).</summary>
public static class LabelTemplates
{
    /// <summary>One label in one face: its ink <see cref="Width"/> x <see cref="Height"/> px inside a margin of
    /// <see cref="Margin"/> px on every side; pen coverage 0..1, smoothed, row-major over the padded image.</summary>
    public sealed record Template(string Text, int Width, int Height, int Margin, float[] Coverage)
    {
        public int PaddedWidth => Width + 2 * Margin;
    }

    private const int MasterHeightPx = 64;
    private static readonly string[] Families = ["DejaVu Sans", "Liberation Serif"];
    private static readonly Lazy<IReadOnlyList<(string Text, Mat Ink)>> Masters = new(RenderMasters);
    private static readonly ConcurrentDictionary<(int, int, int), Template[]> ByHeight = new();

    public static IReadOnlyList<Template> AtHeight(int heightPx, int marginPx, int smoothPasses) =>
        ByHeight.GetOrAdd((heightPx, marginPx, smoothPasses), key => Resample(key.Item1, key.Item2, key.Item3));

    private static Template[] Resample(int heightPx, int margin, int passes)
    {
        var templates = new List<Template>();
        foreach (var (text, master) in Masters.Value)
        {
            var width = Math.Max(1, (int)Math.Round(master.Width * heightPx / (double)master.Height));
            using var small = new Mat();
            Cv2.Resize(master, small, new Size(width, heightPx), interpolation: InterpolationFlags.Area);
            var stride = width + 2 * margin;
            var coverage = new float[stride * (heightPx + 2 * margin)];
            for (var y = 0; y < heightPx; y++)
                for (var x = 0; x < width; x++) coverage[(y + margin) * stride + x + margin] = small.At<byte>(y, x) / 255f;
            Smooth(coverage, stride, heightPx + 2 * margin, passes);
            templates.Add(new Template(text, width, heightPx, margin, coverage));
        }
        return templates.ToArray();
    }

    private static IReadOnlyList<(string Text, Mat Ink)> RenderMasters()
    {
        var masters = new List<(string, Mat)>();
        var seen = new HashSet<string>();
        foreach (var family in Families)
        {
            using var typeface = SKTypeface.FromFamilyName(family);
            // A missing family falls back to the default face: render each face once.
            if (typeface is null || !seen.Add(typeface.FamilyName)) continue;
            foreach (var lead in StandardLeads.Names)
            {
                var master = Render(typeface, lead);
                if (master is null) continue;
                masters.Add((lead, master));
            }
        }
        return masters;
    }

    /// <summary>Separable [1 2 1]/4 smoothing, <paramref name="passes"/> times (σ ≈ 0.7 px per pass): strokes two
    /// pixels wide that sit a pixel or two apart (kerning, hinting, the printer's font) still overlap, where the
    /// raw correlation of a synthesizer label with its own face fell to 0.5.</summary>
    public static void Smooth(float[] image, int width, int height, int passes)
    {
        var scratch = new float[image.Length];
        for (var pass = 0; pass < passes; pass++)
        {
            for (var y = 0; y < height; y++)
                for (var x = 0; x < width; x++)
                {
                    var i = y * width + x;
                    scratch[i] = 0.5f * image[i] + 0.25f * ((x > 0 ? image[i - 1] : 0) + (x + 1 < width ? image[i + 1] : 0));
                }
            for (var y = 0; y < height; y++)
                for (var x = 0; x < width; x++)
                {
                    var i = y * width + x;
                    image[i] = 0.5f * scratch[i] + 0.25f * ((y > 0 ? scratch[i - width] : 0) + (y + 1 < height ? scratch[i + width] : 0));
                }
        }
    }

    /// <summary>The label's ink, MasterHeightPx tall (these names have no descenders: the box is the cap height).</summary>
    private static Mat? Render(SKTypeface typeface, string text)
    {
        using var probe = new SKFont(typeface, 100);
        probe.MeasureText(text, out var bounds);
        if (bounds.Height <= 0) return null;
        using var font = new SKFont(typeface, 100f * MasterHeightPx / bounds.Height) { Edging = SKFontEdging.Antialias };
        font.MeasureText(text, out bounds);
        var width = (int)Math.Ceiling(bounds.Width) + 4;
        var height = (int)Math.Ceiling(bounds.Height) + 4;
        using var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Gray8, SKAlphaType.Opaque));
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.Black);
            using var paint = new SKPaint { Color = SKColors.White, IsAntialias = true };
            canvas.DrawText(text, 2 - bounds.Left, 2 - bounds.Top, SKTextAlign.Left, font, paint);
        }
        using var page = Mat.FromPixelData(height, width, MatType.CV_8UC1, bitmap.GetPixels(), bitmap.RowBytes);
        using var points = new Mat();
        Cv2.FindNonZero(page, points);
        if (points.Empty()) return null;
        var box = Cv2.BoundingRect(points);
        return new Mat(page, box).Clone();
    }
}
