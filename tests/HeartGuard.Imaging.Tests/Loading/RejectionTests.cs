using System.Buffers.Binary;
using OpenCvSharp;

namespace HeartGuard.Imaging.Tests.Loading;

public class RejectionTests
{
    private static DigitizationException Reject(byte[] bytes) =>
        Assert.Throws<DigitizationException>(() => new Digitizer().Digitize(bytes, "x"));

    [Fact]
    public void Non_image_is_an_unsupported_format() =>
        Assert.Equal(DigitizationError.UnsupportedFormat, Reject("%PDF-1.7 not an image"u8.ToArray()).Kind);

    [Fact]
    public void Absurd_dimensions_are_refused_from_the_header()
    {
        // A valid PNG signature and IHDR claiming 100000 x 100000 px, and nothing else: refused before decoding.
        var bytes = new byte[33];
        new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G', 13, 10, 26, 10, 0, 0, 0, 13, (byte)'I', (byte)'H', (byte)'D', (byte)'R' }.CopyTo(bytes, 0);
        BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(16), 100_000);
        BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(20), 100_000);
        Assert.Equal(DigitizationError.TooLarge, Reject(bytes).Kind);
    }

    [Fact]
    public void Truncated_image_is_unreadable()
    {
        using var image = new Mat(600, 800, MatType.CV_8UC3, new Scalar(255, 255, 255));
        Cv2.Randu(image, new Scalar(0, 0, 0), new Scalar(255, 255, 255));
        Cv2.ImEncode(".png", image, out var bytes);
        Assert.Equal(DigitizationError.Unreadable, Reject(bytes[..(bytes.Length / 3)]).Kind);
    }

    [Fact]
    public void Blank_page_is_not_an_ecg()
    {
        using var image = new Mat(900, 1200, MatType.CV_8UC3, new Scalar(255, 255, 255));
        Cv2.PutText(image, "Dear patient, your appointment is on Monday.", new Point(50, 200), HersheyFonts.HersheySimplex, 1.2, Scalar.Black, 2);
        Cv2.ImEncode(".png", image, out var bytes);
        var e = Reject(bytes);
        Assert.Equal(DigitizationError.NotAnEcg, e.Kind);
        Assert.False(string.IsNullOrWhiteSpace(e.Reason));
    }
}
