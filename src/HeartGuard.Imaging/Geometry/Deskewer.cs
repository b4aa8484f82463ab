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

    /// <summary>The rotation (degrees, counter-clockwise) that makes the dark rows of <paramref name="gray"/>
    /// horizontal, 0 when none is clear; also measures bands of a page (perspective).</summary>
    internal double EstimateSkewDeg(Mat gray)
    {
        using var small = QuarterSize(gray);
        var best = CoarseSkewDeg(small);
        if (best == 0) return 0;
        // A quarter-size pixel cannot tell 0.06 deg, yet that leaves 2 px of drift across a 150 dpi page: more
        // than a third of a 1 mm grid period (the grid is then not found) and a visible tilt of the time axis.
        var fine = DarkPoints(gray);
        var refined = best;
        var bestScore = Sharpness(fine, best);
        for (var d = -FineSteps; d <= FineSteps; d++)
        {
            var a = best + d * FineStepDeg;
            if (d == 0 || Math.Abs(a) > options.MaxSkewDeg) continue;
            var sc = Sharpness(fine, a);
            if (sc > bestScore) { bestScore = sc; refined = a; }
        }
        // OpenCV's rotation by +refined (counter-clockwise) makes the rows horizontal.
        return refined;
    }

    /// <summary>The page at a quarter of its size (area average), where the coarse search runs.</summary>
    private static Mat QuarterSize(Mat gray)
    {
        var small = new Mat();
        // Cropped to whole blocks: OpenCV averages exact 4x4 blocks on a fast path, and any other ratio on a
        // general one that costs several times more.
        using var whole = gray[new Rect(0, 0, gray.Width / Downscale * Downscale, gray.Height / Downscale * Downscale)];
        Cv2.Resize(whole, small, new Size(gray.Width / Downscale, gray.Height / Downscale), 0, 0, InterpolationFlags.Area);
        return small;
    }

    /// <summary>The rotation (degrees, counter-clockwise, to ~0.06 deg) that makes the dark rows of
    /// <paramref name="small"/> horizontal, 0 when none is clear.</summary>
    private double CoarseSkewDeg(Mat small)
    {
        var coarse = DarkPoints(small);
        if (coarse.Points.Count < 50 || coarse.Points.Count > small.Width * small.Height / 3) return 0;
        double best = 0, bestScore = Sharpness(coarse, 0);
        for (var step = 1.0; step >= 0.05; step /= 4)
        {
            var centre = best;
            for (var d = -4; d <= 4; d++)
            {
                var a = centre + d * step;
                if (d == 0 || Math.Abs(a) > options.MaxSkewDeg) continue;
                var sc = Sharpness(coarse, a);
                if (sc > bestScore * 1.0001) { bestScore = sc; best = a; }
            }
            if (step == 1.0 && best == 0) break;
        }
        return best;
    }

    private const int FineSteps = 8;
    private const double FineStepDeg = 0.0125;

    private sealed record DarkPixels(List<(float X, float Y)> Points, int Width, int Height);

    /// <summary>The pixels clearly darker than the paper around them: ink and grid. A global cut (Otsu) split a
    /// photo lit from one side into shade and light instead, and the shade's blob hid the rows' tilt (ecg00036:
    /// 53 % of the page "dark", skew 0 for rows tilted 3 deg, then "only 2 trace rows found").</summary>
    private static DarkPixels DarkPoints(Mat gray)
    {
        using var dark = new Mat();
        DarkerThanPaper(gray, dark);
        var points = new List<(float X, float Y)>();
        var w = dark.Width;
        for (var y = 0; y < dark.Height; y++)
        {
            var row = dark.RowSpan<byte>(y);
            for (var x = 0; x < w; x++) if (row[x] != 0) points.Add((x, y));
        }
        return new DarkPixels(points, dark.Width, dark.Height);
    }

    /// <summary>Pixels at most <see cref="PaperShare"/> of the local paper brightness (the brightest level within
    /// 1/40 of the page, smoothed), written into <paramref name="dark"/> as 255.</summary>
    private static void DarkerThanPaper(Mat gray, Mat dark)
    {
        var k = Math.Max(3, Math.Min(gray.Width, gray.Height) / 40) | 1;
        using var paper = new Mat();
        using var kernel = Cv2.GetStructuringElement(MorphShapes.Rect, new Size(k, k));
        Cv2.Dilate(gray, paper, kernel);
        Cv2.Blur(paper, paper, new Size(k, k));
        using var limit = new Mat();
        paper.ConvertTo(limit, MatType.CV_8U, PaperShare);
        Cv2.Compare(gray, limit, dark, CmpTypes.LT);
    }

    private const double PaperShare = 0.75;

    /// <summary>Sum of squares of the dark pixels' row profile after rotating by <paramref name="deg"/>.</summary>
    private static double Sharpness(DarkPixels dark, double deg)
    {
        var bins = new double[dark.Height + dark.Width + 2];
        var (s, c) = Math.SinCos(deg * Math.PI / 180);
        var offset = dark.Width * Math.Abs(s);
        foreach (var (x, y) in dark.Points)
        {
            var b = (int)(y * c - x * s + offset);
            if ((uint)b < (uint)bins.Length) bins[b]++;
        }
        var sum = 0.0;
        foreach (var v in bins) sum += v * v;
        return sum;
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
