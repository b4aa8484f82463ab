using HeartGuard.Models.Features;
using OpenCvSharp;

namespace HeartGuard.Models.Deep.Inputs;

/// <summary>A page as <c>image-cnn</c> reads it: the chart area only (<see cref="TraceArea"/>: the printed
/// header and footer carry patient/device text that differs between the dataset's classes, a shortcut), as
/// ink darkness 0..1 (paper and the grid 0, trace ink 1), area-downsized to fit
/// <c>heightPx x widthPx</c> with the page's aspect ratio kept, centred, the rest 0. Layout [row][column],
/// the tensor shape [1, H, W].</summary>
public sealed class TraceImage(int heightPx, int widthPx) : IDeepInputs
{
    // Darkness is measured in the brightest of the three channels: a red or pink grid is bright in red, so it
    // drops out there, while black or blue trace ink is dark in all of them. The floor removes what is left
    // of a grid (Mendeley's pink major-grid dots are 40-70 levels below the paper in that channel, the
    // trace's core 200+); only ink well below the paper counts fully.
    private const float PaperDarkness = 90f;
    private const float InkDarkness = 180f;

    public float[] From(PredictionInput input, string name = "page") => From(input.ImageBytes.Span);

    /// <summary>Throws <see cref="InvalidDataException"/> for bytes that are no image.</summary>
    public float[] From(ReadOnlySpan<byte> imageBytes)
    {
        using var page = PageViews.Decode(imageBytes, grayscale: false);
        var area = TraceArea.Find(page, ViewCrop.GridBand);
        using var chart = new Mat(page, area);
        using var ink = InkDarkness01(chart);

        var scale = Math.Min((double)widthPx / area.Width, (double)heightPx / area.Height);
        var size = new Size(Math.Clamp((int)Math.Round(area.Width * scale), 1, widthPx), Math.Clamp((int)Math.Round(area.Height * scale), 1, heightPx));
        // A trace 1-2 px wide would fade to a faint smear over a block of ~7 source pixels; widening it by
        // half a block first keeps it visible at the small size.
        var widenPx = (int)Math.Floor(0.5 / scale);
        if (widenPx > 1)
        {
            using var kernel = Cv2.GetStructuringElement(MorphShapes.Rect, new Size(widenPx, widenPx));
            Cv2.Dilate(ink, ink, kernel);
        }
        using var small = new Mat();
        Cv2.Resize(ink, small, size, 0, 0, InterpolationFlags.Area);

        var result = new float[heightPx * widthPx];
        int top = (heightPx - size.Height) / 2, left = (widthPx - size.Width) / 2;
        for (var y = 0; y < size.Height; y++)
            for (var x = 0; x < size.Width; x++)
                result[(top + y) * widthPx + left + x] = small.At<float>(y, x);
        return result;
    }

    /// <summary>(paper - brightest channel - floor) / (ink - floor), clipped to 0..1, as 32-bit float.</summary>
    private static Mat InkDarkness01(Mat chart)
    {
        var channels = Cv2.Split(chart);
        try
        {
            using var brightest = new Mat();
            Cv2.Max(channels[0], channels[1], brightest);
            Cv2.Max(brightest, channels[2], brightest);
            var paper = PaperLevel(brightest);
            var ink = new Mat();
            brightest.ConvertTo(ink, MatType.CV_32F, -1.0 / (InkDarkness - PaperDarkness), (paper - PaperDarkness) / (InkDarkness - PaperDarkness));
            Cv2.Max(ink, 0.0, ink);
            Cv2.Min(ink, 1.0, ink);
            return ink;
        }
        finally
        {
            foreach (var c in channels) c.Dispose();
        }
    }

    /// <summary>The most common level: the paper, whatever its tint or exposure.</summary>
    private static int PaperLevel(Mat grey)
    {
        using var histogram = new Mat();
        Cv2.CalcHist([grey], [0], null, histogram, 1, [256], [new Rangef(0, 256)]);
        Cv2.MinMaxLoc(histogram, out _, out _, out _, out Point mode);
        return mode.Y;
    }
}
