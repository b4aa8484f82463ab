using System.Buffers.Binary;

namespace HeartGuard.Web;

/// <summary>An image's format and size read from its first bytes only, so that non-images are refused
/// by content (not by file name or declared type) and oversized images before any pixel is decoded.</summary>
public readonly record struct ImageHeader(string Format, int WidthPx, int HeightPx)
{
    public long PixelCount => (long)WidthPx * HeightPx;

    private static ReadOnlySpan<byte> PngSignature => [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>The header of a PNG, JPEG, BMP, TIFF or WebP image, or null when the bytes are none of
    /// these (or their header is cut short).</summary>
    public static ImageHeader? TryRead(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < 12) return null;
        if (bytes[..8].SequenceEqual(PngSignature)) return Png(bytes);
        if (bytes[0] == 0xFF && bytes[1] == 0xD8 && bytes[2] == 0xFF) return Jpeg(bytes);
        if (bytes[0] == 'B' && bytes[1] == 'M') return Bmp(bytes);
        if (bytes[..4].SequenceEqual("II*\0"u8)) return Tiff(bytes, littleEndian: true);
        if (bytes[..4].SequenceEqual("MM\0*"u8)) return Tiff(bytes, littleEndian: false);
        if (bytes[..4].SequenceEqual("RIFF"u8) && bytes[8..12].SequenceEqual("WEBP"u8)) return WebP(bytes);
        return null;
    }

    /// <summary>A short name for a recognisable non-image upload, to make the 415 message useful.</summary>
    public static string? KnownNonImage(ReadOnlySpan<byte> bytes) =>
        bytes.StartsWith("%PDF"u8) ? "a PDF document" :
        bytes.StartsWith("GIF8"u8) ? "a GIF image" :
        bytes.StartsWith("PK\x03\x04"u8) ? "a ZIP archive or Office document" :
        bytes.StartsWith("DICM"u8) || (bytes.Length > 132 && bytes[128..132].SequenceEqual("DICM"u8)) ? "a DICOM file" :
        null;

    private static ImageHeader? Png(ReadOnlySpan<byte> b) =>
        b.Length >= 24 && b[12..16].SequenceEqual("IHDR"u8)
            ? Make("png", BinaryPrimitives.ReadInt32BigEndian(b[16..]), BinaryPrimitives.ReadInt32BigEndian(b[20..]))
            : null;

    private static ImageHeader? Jpeg(ReadOnlySpan<byte> b)
    {
        var i = 2;
        while (i + 9 < b.Length)
        {
            if (b[i] != 0xFF) return null;
            var marker = b[i + 1];
            if (marker == 0xFF) { i++; continue; }
            if (marker is 0xD8 or 0x01 or (>= 0xD0 and <= 0xD7)) { i += 2; continue; }
            var length = BinaryPrimitives.ReadUInt16BigEndian(b[(i + 2)..]);
            // Start-of-frame markers (baseline, progressive, lossless, arithmetic) carry the size; C4, C8, CC do not.
            if (marker is >= 0xC0 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC)
                return Make("jpeg", BinaryPrimitives.ReadUInt16BigEndian(b[(i + 7)..]), BinaryPrimitives.ReadUInt16BigEndian(b[(i + 5)..]));
            if (marker == 0xDA || length < 2) return null;
            i += 2 + length;
        }
        return null;
    }

    private static ImageHeader? Bmp(ReadOnlySpan<byte> b) =>
        b.Length >= 26 ? Make("bmp", BinaryPrimitives.ReadInt32LittleEndian(b[18..]), Math.Abs(BinaryPrimitives.ReadInt32LittleEndian(b[22..]))) : null;

    private static ImageHeader? Tiff(ReadOnlySpan<byte> b, bool littleEndian)
    {
        var ifd = U32(b, 4, littleEndian);
        if (ifd + 2 > b.Length) return null;
        int width = 0, height = 0;
        var count = U16(b, (int)ifd, littleEndian);
        for (var k = 0; k < count; k++)
        {
            var entry = (int)ifd + 2 + 12 * k;
            if (entry + 12 > b.Length) return null;
            var tag = U16(b, entry, littleEndian);
            // Width and height are SHORT (type 3) or LONG values stored inline in the entry.
            var value = U16(b, entry + 2, littleEndian) == 3 ? U16(b, entry + 8, littleEndian) : (int)Math.Min(U32(b, entry + 8, littleEndian), int.MaxValue);
            if (tag == 256) width = value;
            else if (tag == 257) height = value;
        }
        return Make("tiff", width, height);
    }

    private static uint U32(ReadOnlySpan<byte> b, int at, bool littleEndian) =>
        littleEndian ? BinaryPrimitives.ReadUInt32LittleEndian(b[at..]) : BinaryPrimitives.ReadUInt32BigEndian(b[at..]);

    private static ushort U16(ReadOnlySpan<byte> b, int at, bool littleEndian) =>
        littleEndian ? BinaryPrimitives.ReadUInt16LittleEndian(b[at..]) : BinaryPrimitives.ReadUInt16BigEndian(b[at..]);

    private static ImageHeader? WebP(ReadOnlySpan<byte> b)
    {
        if (b.Length < 30) return null;
        var chunk = b[12..16];
        if (chunk.SequenceEqual("VP8X"u8))
            return Make("webp", 1 + (b[24] | b[25] << 8 | b[26] << 16), 1 + (b[27] | b[28] << 8 | b[29] << 16));
        if (chunk.SequenceEqual("VP8L"u8))
        {
            var bits = BinaryPrimitives.ReadUInt32LittleEndian(b[21..]);
            return Make("webp", 1 + (int)(bits & 0x3FFF), 1 + (int)((bits >> 14) & 0x3FFF));
        }
        if (chunk.SequenceEqual("VP8 "u8))
            return Make("webp", BinaryPrimitives.ReadUInt16LittleEndian(b[26..]) & 0x3FFF, BinaryPrimitives.ReadUInt16LittleEndian(b[28..]) & 0x3FFF);
        return null;
    }

    private static ImageHeader? Make(string format, int width, int height) =>
        width > 0 && height > 0 ? new ImageHeader(format, width, height) : null;
}
