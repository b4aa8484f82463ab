using OpenCvSharp;

namespace HeartGuard.Models.Features;

/// <summary>Finds the chart area of a page from the image alone (training featurises without digitising, so
/// prediction must crop the same way): pixel rows holding a long, nearly unbroken dark run are grid or frame
/// lines (header and footer text never forms a run that long: the gaps between words break it), and the chart
/// is the tallest cluster of such rows recurring every few mm. A ruled line in the header stands apart from
/// that cluster by more than <see cref="MaxLineSpacingFractionOfHeight"/>, so it is left out.</summary>
public static class TraceArea
{
    private const double MinRunFractionOfWidth = 0.5;
    private const double MinBandFractionOfHeight = 0.35;
    private const double PadFractionOfHeight = 0.01;
    private const double MaxLineSpacingFractionOfHeight = 0.05; // major lines are 5 mm apart, ~2.5 % of a page
    private const int InkBelowPaper = 30;

    public static Rect Find(Mat page, ViewCrop crop)
    {
        var whole = new Rect(0, 0, page.Width, page.Height);
        if (crop == ViewCrop.None) return whole;
        using var grey = new Mat();
        Cv2.CvtColor(page, grey, ColorConversionCodes.BGR2GRAY);
        if (!grey.GetArray(out byte[] pixels)) return whole;
        var inkBelow = PaperGrey(pixels) - InkBelowPaper;
        // Dotted grids (EDAN) print a major line as dots ~0.5 mm apart; gaps up to ~0.8 mm still count as a line.
        var maxGapPx = Math.Max(2, page.Width / 280);
        var minRunPx = (int)(page.Width * MinRunFractionOfWidth);
        var maxSpacingPx = (int)(page.Height * MaxLineSpacingFractionOfHeight);
        int top = -1, bottom = -1, clusterTop = -1, last = -1;
        for (var y = 0; y < page.Height; y++)
        {
            if (LongestRun(pixels.AsSpan(y * page.Width, page.Width), inkBelow, maxGapPx) < minRunPx) continue;
            if (clusterTop < 0 || y - last > maxSpacingPx) clusterTop = y;
            last = y;
            if (last - clusterTop > bottom - top) (top, bottom) = (clusterTop, last);
        }
        if (top < 0 || bottom - top < page.Height * MinBandFractionOfHeight) return whole;
        var pad = (int)(page.Height * PadFractionOfHeight);
        top = Math.Max(0, top - pad);
        bottom = Math.Min(page.Height - 1, bottom + pad);
        return new Rect(0, top, page.Width, bottom - top + 1);
    }

    /// <summary>The most common grey level: the paper, whatever its tint or exposure.</summary>
    private static int PaperGrey(ReadOnlySpan<byte> pixels)
    {
        Span<int> histogram = stackalloc int[256];
        for (var i = 0; i < pixels.Length; i += 7) histogram[pixels[i]]++;
        var mode = 0;
        for (var g = 1; g < 256; g++) if (histogram[g] > histogram[mode]) mode = g;
        return mode;
    }

    /// <summary>Length of the longest stretch from ink pixel to ink pixel with no gap wider than <paramref name="maxGapPx"/>.</summary>
    private static int LongestRun(ReadOnlySpan<byte> row, int inkBelow, int maxGapPx)
    {
        int best = 0, start = -1, lastInk = -1;
        for (var x = 0; x < row.Length; x++)
        {
            if (row[x] >= inkBelow) continue;
            if (start < 0 || x - lastInk > maxGapPx + 1) start = x;
            lastInk = x;
            if (x - start + 1 > best) best = x - start + 1;
        }
        return best;
    }
}
