using SkiaSharp;

namespace HeartGuard.Web.Tests;

/// <summary>Small inputs made on the fly: a real PNG, a PNG whose header claims a huge size, non-images.</summary>
internal static class TestImages
{
    public static byte[] Png(int widthPx = 64, int heightPx = 48)
    {
        using var bitmap = new SKBitmap(widthPx, heightPx);
        bitmap.Erase(SKColors.White);
        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    /// <summary>A valid PNG signature and IHDR announcing <paramref name="widthPx"/> x <paramref name="heightPx"/>,
    /// followed by junk: a decompression-bomb stand-in that must be refused before any decode.</summary>
    public static byte[] PngHeaderClaiming(int widthPx, int heightPx)
    {
        var bytes = Png();
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(16), widthPx);
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(20), heightPx);
        return bytes;
    }

    public static byte[] Pdf => "%PDF-1.7\n1 0 obj\n<<>>\nendobj\n"u8.ToArray();
    public static byte[] Text => "patient: nobody\nthis is not an image\n"u8.ToArray();
}
