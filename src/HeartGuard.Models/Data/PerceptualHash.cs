using OpenCvSharp;

namespace HeartGuard.Models.Data;

/// <summary>1024-bit DCT perceptual hash: the signs, against their median, of the 32x32 lowest frequencies
/// of a 128x128 grey thumbnail. The classic 64-bit pHash (8x8 of 32x32) cannot tell ECG pages apart - the
/// shared grid and layout dominate it and distinct pages collide - while at this size distinct Mendeley
/// pages stay >= 114 bits apart and copies resized to 70% and re-encoded at JPEG quality 75 stay within 20.</summary>
public static class PerceptualHash
{
    public const int ThumbnailPx = 128;
    public const int Block = 32;
    public const int Bits = Block * Block;

    public static ulong[] Compute(Mat image)
    {
        using var gray = new Mat();
        if (image.Channels() == 1) image.CopyTo(gray);
        else Cv2.CvtColor(image, gray, ColorConversionCodes.BGR2GRAY);
        using var small = new Mat();
        Cv2.Resize(gray, small, new Size(ThumbnailPx, ThumbnailPx), 0, 0, InterpolationFlags.Area);
        using var f = new Mat();
        small.ConvertTo(f, MatType.CV_32F);
        using var dct = new Mat();
        Cv2.Dct(f, dct);
        var low = new float[Bits];
        for (var y = 0; y < Block; y++)
            for (var x = 0; x < Block; x++)
                low[y * Block + x] = dct.At<float>(y, x);
        // The DC term carries only overall brightness; leave it out of the median.
        var sorted = low[1..];
        Array.Sort(sorted);
        var median = sorted[sorted.Length / 2];
        var hash = new ulong[Bits / 64];
        for (var i = 1; i < Bits; i++)
            if (low[i] > median) hash[i / 64] |= 1UL << (i % 64);
        return hash;
    }

    public static int Distance(ulong[] a, ulong[] b)
    {
        var d = 0;
        for (var i = 0; i < a.Length; i++) d += System.Numerics.BitOperations.PopCount(a[i] ^ b[i]);
        return d;
    }
}
