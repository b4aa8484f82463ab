using HeartGuard.Imaging.Cleanup;
using OpenCvSharp;

namespace HeartGuard.Imaging.Tests;

/// <summary>Ink masks drawn by hand for unit tests of the stages after clean-up.</summary>
internal static class DrawnMasks
{
    /// <summary>A blank mask of the given size (black), a drawing on it (white = ink), stored transposed as
    /// <see cref="InkMask"/> keeps it, with every inked pixel fully covered by the pen.</summary>
    public static InkMask Draw(int width, int height, Action<Mat> draw)
    {
        using var page = new Mat(height, width, MatType.CV_8UC1, Scalar.All(0));
        draw(page);
        var columns = new Mat();
        Cv2.Transpose(page, columns);
        var grey = new Mat(height, width, MatType.CV_8UC1, Scalar.All(255));
        return new InkMask(columns, width, height, false, new InkLevels(grey, owned: true, 0, 200));
    }
}
