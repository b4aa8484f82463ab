using HeartGuard.Imaging.Loading;
using OpenCvSharp;

namespace HeartGuard.Imaging.Geometry;

public interface IPageGeometry
{
    /// <summary>Straightens the page in place; returns the rotation applied, in degrees (counter-clockwise positive).</summary>
    double Correct(PageImage page);
}

/// <summary>Stage 2: deskew. Trace rows and grid lines are horizontal on a straight page, so the rotation that
/// makes the row profile of dark pixels sharpest (largest sum of squares) is the page's skew. The search runs
/// on the dark pixels of a quarter-size copy, as point coordinates, so it costs a few milliseconds.</summary>
public sealed class Deskewer(DigitizerOptions options) : IPageGeometry
{
    private const int Downscale = 4;
    private const double MinCorrectionDeg = 0.15;

    public double Correct(PageImage page)
    {
        var angle = EstimateSkewDeg(page.Gray);
        if (Math.Abs(angle) < MinCorrectionDeg) return 0;
        page.Apply(m => Rotate(m, angle));
        return angle;
    }

    private double EstimateSkewDeg(Mat gray)
    {
        using var small = new Mat();
        Cv2.Resize(gray, small, new Size(gray.Width / Downscale, gray.Height / Downscale), 0, 0, InterpolationFlags.Area);
        using var dark = new Mat();
        Cv2.Threshold(small, dark, 0, 255, ThresholdTypes.BinaryInv | ThresholdTypes.Otsu);
        var points = new List<(float X, float Y)>();
        var w = dark.Width;
        for (var y = 0; y < dark.Height; y++)
        {
            var row = dark.RowSpan<byte>(y);
            for (var x = 0; x < w; x++) if (row[x] != 0) points.Add((x, y));
        }
        if (points.Count < 50 || points.Count > dark.Width * dark.Height / 3) return 0;
        var bins = new double[dark.Height + dark.Width + 2];
        double Score(double deg)
        {
            Array.Clear(bins);
            var (s, c) = Math.SinCos(deg * Math.PI / 180);
            var offset = dark.Width * Math.Abs(s);
            foreach (var (x, y) in points)
            {
                var b = (int)(y * c - x * s + offset);
                if ((uint)b < (uint)bins.Length) bins[b]++;
            }
            var sum = 0.0;
            foreach (var v in bins) sum += v * v;
            return sum;
        }
        double best = 0, bestScore = Score(0);
        for (var step = 1.0; step >= 0.05; step /= 4)
        {
            var centre = best;
            for (var d = -4; d <= 4; d++)
            {
                var a = centre + d * step;
                if (d == 0 || Math.Abs(a) > options.MaxSkewDeg) continue;
                var sc = Score(a);
                if (sc > bestScore * 1.0001) { bestScore = sc; best = a; }
            }
            if (step == 1.0 && best == 0) break;
        }
        // OpenCV's rotation by +best (counter-clockwise) makes the rows horizontal.
        return best;
    }

    private static Mat Rotate(Mat src, double angleDeg)
    {
        var centre = new Point2f(src.Width / 2f, src.Height / 2f);
        using var m = Cv2.GetRotationMatrix2D(centre, angleDeg, 1.0);
        var dst = new Mat();
        var border = src.Channels() == 1 ? new Scalar(255) : new Scalar(255, 255, 255);
        Cv2.WarpAffine(src, dst, m, src.Size(), InterpolationFlags.Linear, BorderTypes.Constant, border);
        return dst;
    }
}
