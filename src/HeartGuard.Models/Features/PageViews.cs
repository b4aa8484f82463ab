using OpenCvSharp;

namespace HeartGuard.Models.Features;

/// <summary>Decodes a page and cuts it into the views an <see cref="ImageFeatureSpec"/> asks for.</summary>
public static class PageViews
{
    public const int InputSizePx = 224;

    /// <summary>The decoded page as 3-channel BGR; throws <see cref="InvalidDataException"/> for bytes that are no image.</summary>
    public static Mat Decode(ReadOnlySpan<byte> imageBytes, bool grayscale)
    {
        var decoded = Cv2.ImDecode(imageBytes, grayscale ? ImreadModes.Grayscale : ImreadModes.Color);
        if (decoded.Empty())
        {
            decoded.Dispose();
            throw new InvalidDataException("The file is not a readable image (JPEG, PNG, BMP, TIFF or WebP).");
        }
        if (!grayscale) return decoded;
        var bgr = new Mat();
        Cv2.CvtColor(decoded, bgr, ColorConversionCodes.GRAY2BGR);
        decoded.Dispose();
        return bgr;
    }

    /// <summary>View rectangles in page pixels: the spec's crop area first (if asked), then tiles of it row by row.</summary>
    public static Rect[] Rectangles(Mat page, ImageFeatureSpec spec)
    {
        var area = TraceArea.Find(page, spec.Crop);
        var rects = new List<Rect>(spec.ViewCount);
        if (spec.WholePage) rects.Add(area);
        for (var r = 0; r < spec.TileRows; r++)
            for (var c = 0; c < spec.TileColumns; c++)
                rects.Add(Cell(area, spec.TileRows, spec.TileColumns, r, c));
        return [.. rects];
    }

    /// <summary>Cell (r, c) of a rows x columns grid over an area of the page, in page pixels.</summary>
    public static Rect Cell(Rect area, int rows, int columns, int r, int c)
    {
        int x0 = area.X + area.Width * c / columns, x1 = area.X + area.Width * (c + 1) / columns;
        int y0 = area.Y + area.Height * r / rows, y1 = area.Y + area.Height * (r + 1) / rows;
        return new Rect(x0, y0, x1 - x0, y1 - y0);
    }

    /// <summary>Writes one view, resized to 224x224 (area interpolation), as planar B, G, R values 0..255 minus
    /// <paramref name="meanBgr"/> (planar, same layout): what the ResNet network takes.</summary>
    public static unsafe void ToPlanarBgrMinusMean(Mat page, Rect view, ReadOnlySpan<float> meanBgr, Span<float> destination)
    {
        const int plane = InputSizePx * InputSizePx;
        if (meanBgr.Length != 3 * plane || destination.Length != 3 * plane)
            throw new ArgumentException($"Mean and destination must hold 3 x {InputSizePx} x {InputSizePx} values.");
        using var roi = new Mat(page, view);
        using var resized = new Mat();
        Cv2.Resize(roi, resized, new Size(InputSizePx, InputSizePx), 0, 0, InterpolationFlags.Area);
        if (resized.Type() != MatType.CV_8UC3 || !resized.IsContinuous())
            throw new InvalidDataException("Page views must be continuous 8-bit BGR images.");
        var bgr = new ReadOnlySpan<byte>((void*)resized.Data, 3 * plane);
        for (var i = 0; i < plane; i++)
        {
            destination[i] = bgr[3 * i] - meanBgr[i];
            destination[plane + i] = bgr[3 * i + 1] - meanBgr[plane + i];
            destination[2 * plane + i] = bgr[3 * i + 2] - meanBgr[2 * plane + i];
        }
    }
}
