using HeartGuard.Imaging.Loading;
using OpenCvSharp;

namespace HeartGuard.Imaging.Tests.Loading;

public class ImageHeaderTests
{
    [Theory]
    [InlineData(".png", ImageFormat.Png)]
    [InlineData(".jpg", ImageFormat.Jpeg)]
    [InlineData(".bmp", ImageFormat.Bmp)]
    [InlineData(".tif", ImageFormat.Tiff)]
    [InlineData(".webp", ImageFormat.WebP)]
    public void Reads_format_and_size_without_decoding(string extension, ImageFormat expected)
    {
        using var image = new Mat(123, 457, MatType.CV_8UC3, new Scalar(200, 220, 240));
        Cv2.ImEncode(extension, image, out var bytes);
        var header = ImageHeader.TryRead(bytes);
        Assert.NotNull(header);
        Assert.Equal(expected, header!.Format);
        Assert.Equal(457, header.WidthPx);
        Assert.Equal(123, header.HeightPx);
    }

    [Fact]
    public void Text_is_not_an_image() => Assert.Null(ImageHeader.TryRead("hello, this is not a picture"u8));
}
