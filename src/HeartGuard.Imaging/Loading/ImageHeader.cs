using System.Buffers.Binary;

namespace HeartGuard.Imaging.Loading;

public enum ImageFormat { Jpeg, Png, Bmp, Tiff, WebP }

/// <summary>Format, pixel dimensions and resolution read from the first bytes of a file, so absurd images are
/// refused before any pixel is decoded.</summary>
public sealed record ImageHeader(ImageFormat Format, int WidthPx, int HeightPx, double? Dpi)
{
    /// <summary>The header, or null when the bytes are not one of the supported formats.</summary>
    public static ImageHeader? TryRead(ReadOnlySpan<byte> b)
    {
        try
        {
            if (b.Length >= 24 && b[0] == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G') return Png(b);
            if (b.Length >= 4 && b[0] == 0xFF && b[1] == 0xD8) return Jpeg(b);
            if (b.Length >= 54 && b[0] == 'B' && b[1] == 'M') return Bmp(b);
            if (b.Length >= 8 && ((b[0] == 'I' && b[1] == 'I' && b[2] == 42) || (b[0] == 'M' && b[1] == 'M' && b[3] == 42))) return Tiff(b);
            if (b.Length >= 30 && b[..4].SequenceEqual("RIFF"u8) && b[8..12].SequenceEqual("WEBP"u8)) return WebP(b);
        }
        catch (ArgumentOutOfRangeException) { return null; }
        catch (IndexOutOfRangeException) { return null; }
        return null;
    }

    private static ImageHeader? Png(ReadOnlySpan<byte> b)
    {
        var w = BinaryPrimitives.ReadInt32BigEndian(b[16..]);
        var h = BinaryPrimitives.ReadInt32BigEndian(b[20..]);
        double? dpi = null;
        for (var pos = 8; pos + 8 <= b.Length;)
        {
            var len = BinaryPrimitives.ReadInt32BigEndian(b[pos..]);
            var type = b.Slice(pos + 4, 4);
            if (type.SequenceEqual("IDAT"u8) || len < 0) break;
            if (type.SequenceEqual("pHYs"u8) && len >= 9 && b[pos + 16] == 1)
                dpi = BinaryPrimitives.ReadInt32BigEndian(b[(pos + 8)..]) * 0.0254;
            pos += 12 + len;
        }
        return new ImageHeader(ImageFormat.Png, w, h, dpi);
    }

    private static ImageHeader? Jpeg(ReadOnlySpan<byte> b)
    {
        double? dpi = null;
        var pos = 2;
        while (pos + 4 <= b.Length)
        {
            if (b[pos] != 0xFF) return null;
            var marker = b[pos + 1];
            if (marker == 0xFF) { pos++; continue; }
            var len = BinaryPrimitives.ReadUInt16BigEndian(b[(pos + 2)..]);
            if (marker == 0xE0 && len >= 14 && b.Slice(pos + 4, 5).SequenceEqual("JFIF\0"u8))
            {
                var units = b[pos + 11];
                var density = BinaryPrimitives.ReadUInt16BigEndian(b[(pos + 12)..]);
                if (units == 1 && density > 1) dpi = density;
                else if (units == 2 && density > 1) dpi = density * 2.54;
            }
            var isFrame = marker is >= 0xC0 and <= 0xCF && marker is not (0xC4 or 0xC8 or 0xCC);
            if (isFrame)
                return new ImageHeader(ImageFormat.Jpeg, BinaryPrimitives.ReadUInt16BigEndian(b[(pos + 7)..]),
                    BinaryPrimitives.ReadUInt16BigEndian(b[(pos + 5)..]), dpi);
            pos += 2 + len;
        }
        return null;
    }

    private static ImageHeader Bmp(ReadOnlySpan<byte> b)
    {
        var ppm = BinaryPrimitives.ReadInt32LittleEndian(b[38..]);
        return new ImageHeader(ImageFormat.Bmp, BinaryPrimitives.ReadInt32LittleEndian(b[18..]),
            Math.Abs(BinaryPrimitives.ReadInt32LittleEndian(b[22..])), ppm > 100 ? ppm * 0.0254 : null);
    }

    private static ImageHeader? Tiff(ReadOnlySpan<byte> b)
    {
        var little = b[0] == 'I';
        var ifd = (int)U32(b, 4, little);
        var count = U16(b, ifd, little);
        int w = 0, h = 0;
        for (var i = 0; i < count; i++)
        {
            var e = ifd + 2 + 12 * i;
            var tag = U16(b, e, little);
            var value = U16(b, e + 2, little) == 3 ? U16(b, e + 8, little) : (int)U32(b, e + 8, little);
            if (tag == 256) w = value;
            else if (tag == 257) h = value;
        }
        return w > 0 && h > 0 ? new ImageHeader(ImageFormat.Tiff, w, h, null) : null;
    }

    private static uint U32(ReadOnlySpan<byte> b, int o, bool little) =>
        little ? BinaryPrimitives.ReadUInt32LittleEndian(b[o..]) : BinaryPrimitives.ReadUInt32BigEndian(b[o..]);

    private static ushort U16(ReadOnlySpan<byte> b, int o, bool little) =>
        little ? BinaryPrimitives.ReadUInt16LittleEndian(b[o..]) : BinaryPrimitives.ReadUInt16BigEndian(b[o..]);

    private static ImageHeader? WebP(ReadOnlySpan<byte> b)
    {
        var chunk = b.Slice(12, 4);
        if (chunk.SequenceEqual("VP8X"u8))
            return new ImageHeader(ImageFormat.WebP, 1 + (b[24] | b[25] << 8 | b[26] << 16), 1 + (b[27] | b[28] << 8 | b[29] << 16), null);
        if (chunk.SequenceEqual("VP8L"u8))
        {
            var bits = BinaryPrimitives.ReadUInt32LittleEndian(b[21..]);
            return new ImageHeader(ImageFormat.WebP, 1 + (int)(bits & 0x3FFF), 1 + (int)((bits >> 14) & 0x3FFF), null);
        }
        if (chunk.SequenceEqual("VP8 "u8))
            return new ImageHeader(ImageFormat.WebP, BinaryPrimitives.ReadUInt16LittleEndian(b[26..]) & 0x3FFF,
                BinaryPrimitives.ReadUInt16LittleEndian(b[28..]) & 0x3FFF, null);
        return null;
    }
}
