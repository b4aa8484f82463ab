using System.Buffers.Binary;

namespace HeartGuard.Core.Wfdb;

/// <summary>Sample encodings of WFDB signal files: format 16 (little-endian int16) and format 212
/// (two 12-bit two's-complement samples packed into three bytes).</summary>
public static class WfdbFormats
{
    public static readonly IReadOnlyList<int> Supported = [16, 212];

    public static int MissingValue(int format) => format switch
    {
        16 => short.MinValue,
        212 => -2048,
        _ => throw Unsupported(format),
    };

    /// <summary>Decodes <paramref name="destination"/>.Length interleaved samples from <paramref name="bytes"/>.</summary>
    public static void Decode(int format, ReadOnlySpan<byte> bytes, Span<int> destination)
    {
        switch (format)
        {
            case 16:
                if (bytes.Length < destination.Length * 2) throw Truncated(destination.Length, bytes.Length);
                for (var i = 0; i < destination.Length; i++)
                    destination[i] = BinaryPrimitives.ReadInt16LittleEndian(bytes.Slice(2 * i, 2));
                break;
            case 212:
                if (bytes.Length < (destination.Length * 3 + 1) / 2) throw Truncated(destination.Length, bytes.Length);
                for (var i = 0; i < destination.Length; i++)
                {
                    var b = 3 * (i / 2);
                    var raw = (i & 1) == 0
                        ? bytes[b] | ((bytes[b + 1] & 0x0F) << 8)
                        : bytes[b + 2] | ((bytes[b + 1] & 0xF0) << 4);
                    destination[i] = raw >= 2048 ? raw - 4096 : raw;
                }
                break;
            default:
                throw Unsupported(format);
        }
    }

    /// <summary>Number of whole samples a file of <paramref name="byteCount"/> bytes holds.</summary>
    public static long SampleCapacity(int format, long byteCount) => format switch
    {
        16 => byteCount / 2,
        212 => byteCount * 2 / 3,
        _ => throw Unsupported(format),
    };

    private static NotSupportedException Unsupported(int format) =>
        new($"WFDB format {format} is not supported (supported: {string.Join(", ", Supported)}).");

    private static InvalidDataException Truncated(int samples, int bytes) =>
        new($"The signal file is too short: {samples} samples expected, only {bytes} bytes present.");
}
