using SkiaSharp;

namespace HeartGuard.Synthesis.Tests.Rendering;

/// <summary>Decoded page pixels with the questions the tests ask of them.</summary>
internal sealed class PagePixels
{
    private readonly byte[] _rgba;

    public PagePixels(byte[] encoded)
    {
        using var decoded = SKBitmap.Decode(encoded) ?? throw new InvalidDataException("The page does not decode.");
        using var rgba = decoded.Copy(SKColorType.Rgba8888);
        Width = rgba.Width;
        Height = rgba.Height;
        _rgba = rgba.GetPixelSpan().ToArray();
    }

    public int Width { get; }
    public int Height { get; }

    public (byte R, byte G, byte B) At(int x, int y)
    {
        var i = (y * Width + x) * 4;
        return (_rgba[i], _rgba[i + 1], _rgba[i + 2]);
    }

    /// <summary>Near-black and neutral: trace ink, not grid (the darkest grid, EDAN's dots, averages ~80 and is reddish).</summary>
    public bool IsInk(int x, int y)
    {
        if (x < 0 || y < 0 || x >= Width || y >= Height) return false;
        var (r, g, b) = At(x, y);
        return (r + g + b) / 3 < 70 && Math.Abs(r - g) < 30 && Math.Abs(r - b) < 30;
    }

    public bool InkWithin(double x, double y, int radiusPx)
    {
        var cx = (int)Math.Round(x);
        var cy = (int)Math.Round(y);
        for (var dy = -radiusPx; dy <= radiusPx; dy++)
            for (var dx = -radiusPx; dx <= radiusPx; dx++)
                if (IsInk(cx + dx, cy + dy)) return true;
        return false;
    }

    /// <summary>765 - (R + G + B): how much anything (grid included) darkens the pixel.</summary>
    public int Darkness(int x, int y)
    {
        var (r, g, b) = At(x, y);
        return 765 - r - g - b;
    }

    /// <summary>Fraction of the given positions (every <paramref name="step"/>-th) with ink within the radius.</summary>
    public static double InkFraction(PagePixels pixels, IEnumerable<double[]?> positions, int radiusPx, double dx = 0, double dy = 0, int step = 3)
    {
        int hits = 0, total = 0, k = 0;
        foreach (var p in positions)
        {
            if (p is null || k++ % step != 0) continue;
            total++;
            if (pixels.InkWithin(p[0] + dx, p[1] + dy, radiusPx)) hits++;
        }
        return total == 0 ? 0 : (double)hits / total;
    }
}
