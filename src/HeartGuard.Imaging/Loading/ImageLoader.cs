using OpenCvSharp;

namespace HeartGuard.Imaging.Loading;

public interface IImageLoader
{
    PageImage Load(ReadOnlyMemory<byte> bytes);
}

/// <summary>Stage 1: checks the header (format, pixel budget, minimal size) and decodes to grey. Grey decoding
/// of a progressive JPEG is ~5x faster than colour, and most pages need no hue.</summary>
public sealed class ImageLoader(DigitizerOptions options) : IImageLoader
{
    public PageImage Load(ReadOnlyMemory<byte> bytes)
    {
        var header = ImageHeader.TryRead(bytes.Span)
            ?? throw new DigitizationException(DigitizationError.UnsupportedFormat,
                "not a supported image (JPEG, PNG, BMP, TIFF or WebP expected)");
        if ((long)header.WidthPx * header.HeightPx > options.MaxPixels || header.WidthPx <= 0 || header.HeightPx <= 0)
            throw new DigitizationException(DigitizationError.TooLarge,
                $"image of {header.WidthPx}x{header.HeightPx} px exceeds the limit of {options.MaxPixels / 1_000_000} megapixels");
        if (Math.Min(header.WidthPx, header.HeightPx) < options.MinSidePx)
            throw new DigitizationException(DigitizationError.NotAnEcg,
                $"image of {header.WidthPx}x{header.HeightPx} px is too small to hold a readable ECG");
        var gray = Decode(bytes, ImreadModes.Grayscale);
        return new PageImage(gray, header, () => Decode(bytes, ImreadModes.Color));
    }

    private static Mat Decode(ReadOnlyMemory<byte> bytes, ImreadModes mode)
    {
        Mat mat;
        try { mat = Cv2.ImDecode(bytes.Span, mode); }
        catch (OpenCVException e) { throw new DigitizationException(DigitizationError.Unreadable, $"the image could not be decoded ({e.Message})"); }
        if (mat.Empty())
        {
            mat.Dispose();
            throw new DigitizationException(DigitizationError.Unreadable, "the image is damaged or truncated and could not be decoded");
        }
        return mat;
    }
}
