using HeartGuard.Core;
using HeartGuard.Imaging.Loading;
using OpenCvSharp;

namespace HeartGuard.Imaging.Cleanup;

public interface IInkSeparator
{
    InkMask Separate(PageImage page, GridCalibration scale);
}

/// <summary>Stage 4: trace ink vs grid, paper and rules. Ink is what lies below the histogram valley that
/// separates the few darkest pixels (trace, text) from the grid. A coloured grid can be as dark as the trace
/// in grey, but not in its brightest channel, so colour pages are thresholded on max(R,G,B). Ruled lines
/// longer than half the page (header rules, borders) are erased: no trace is that straight.</summary>
/// <param name="reconnectFaintInk">Reconnect faint ink to the strict cut (hysteresis): for the digitizer's second
/// reading of a page whose thin pen the strict cut broke into dots. A pen one or two pixels wide (scans and
/// photos at 72-100 dpi, hairline screen captures) is mostly anti-aliased edge: trace rows 40-60 % covered.</param>
public sealed class InkSeparator(bool reconnectFaintInk = false) : IInkSeparator
{
    /// <summary>More "ink" than this share of the page means the grid is being taken for ink.</summary>
    private const double MaxInkShare = 0.07;
    /// <summary>Grey levels above the trace's own that still count as trace: anti-aliased edges, not the
    /// isolated grid dots some printers place only ~50 levels above black.</summary>
    private const int MaxAboveTrace = 40;
    /// <summary>The trace's level is looked for this far above the darkest pixels (text may be blacker).</summary>
    private const int TraceSearchLevels = 60;
    /// <summary>The cut's place as a share of the way from the trace level up to the grid.</summary>
    private const double CutShare = 0.2;
    /// <summary>A vertical line longer than this is a separator or border: even a 3 mV QRS is slanted enough
    /// not to fill one column for 30 mm.</summary>
    private const double MaxVerticalStrokeMm = 30;
    private const double ThickBlobMm = 2.5;
    /// <summary>How far (px) faint ink may reach from the strictly cut ink: a steep QRS stroke at 90 dpi shows
    /// dark pixels only every few rows.</summary>
    private const int FaintGrowthPx = 8;

    public InkMask Separate(PageImage page, GridCalibration scale)
    {
        var mask = new Mat();
        var usedColor = false;
        var brightness = page.Gray;
        var cut = ValleyThreshold(Histogram(page.Gray));
        Cv2.Threshold(page.Gray, mask, cut.Level, 255, ThresholdTypes.BinaryInv);
        var levels = new InkLevels(page.Gray, owned: false, cut.TraceLevel, cut.GridLevel);
        // Grey suffices for dark traces on light grids and spares a JPEG its slow colour decode; lossless
        // colour pages, thin pens (their anti-aliased strokes are as light as a coloured grid in grey) and any
        // page whose grey "ink" is implausibly abundant are thresholded on max(R,G,B).
        if (Cv2.CountNonZero(mask) > MaxInkShare * 0.8 * mask.Total() || (page.Header.Format != ImageFormat.Jpeg || reconnectFaintInk) && !IsGrey(page))
        {
            var value = MaxChannel(page.Color);
            cut = ValleyThreshold(Histogram(value));
            Cv2.Threshold(value, mask, cut.Level, 255, ThresholdTypes.BinaryInv);
            levels.Dispose();
            levels = new InkLevels(value, owned: true, cut.TraceLevel, cut.GridLevel);
            brightness = value;
            usedColor = true;
        }
        if (reconnectFaintInk) GrowAlongFaintInk(mask, brightness, cut);
        EraseThickBlobs(mask, scale);
        InkRuns.EraseLong(mask, mask.Width / 2);
        var columns = new Mat();
        Cv2.Transpose(mask, columns);
        InkRuns.EraseLong(columns, (int)(MaxVerticalStrokeMm * scale.PxPerMmY));
        var result = new InkMask(columns, mask.Width, mask.Height, usedColor, levels) { FaintInkReconnected = reconnectFaintInk };
        mask.Dispose();
        return result;
    }

    /// <summary>Hysteresis: pixels darker than the level where the grid begins join the mask where they connect
    /// to the strictly cut ink (within <see cref="FaintGrowthPx"/> px), which rejoins a thin pen line without
    /// taking in grid that no ink touches. Only for thin pens: on a 200 dpi page the same halo pulls run centres
    /// off the pen (see <see cref="CutShare"/>). 90 dpi GE scans: trace rows 53-59 % -> 93-95 % covered.</summary>
    private static void GrowAlongFaintInk(Mat mask, Mat brightness, (int Level, int TraceLevel, int GridLevel) cut)
    {
        if (cut.GridLevel <= cut.Level) return;
        using var faint = new Mat();
        Cv2.Threshold(brightness, faint, cut.GridLevel, 255, ThresholdTypes.BinaryInv);
        using var grown = new Mat();
        for (var i = 0; i < FaintGrowthPx; i++)
        {
            Cv2.Dilate(mask, grown, null);
            Cv2.BitwiseAnd(grown, faint, mask);
        }
    }

    /// <summary>Four interleaved counters: consecutive pixels of a flat paper area share a grey level, and one
    /// counter per level would make every increment wait for the previous one.</summary>
    private static int[] Histogram(Mat gray)
    {
        var banks = new int[4 * 256];
        for (var y = 0; y < gray.Height; y++)
        {
            var row = gray.RowSpan<byte>(y);
            var x = 0;
            for (; x + 4 <= row.Length; x += 4)
            {
                banks[row[x]]++;
                banks[256 + row[x + 1]]++;
                banks[512 + row[x + 2]]++;
                banks[768 + row[x + 3]]++;
            }
            for (; x < row.Length; x++) banks[row[x]]++;
        }
        var h = new int[256];
        for (var i = 0; i < 256; i++) h[i] = banks[i] + banks[256 + i] + banks[512 + i] + banks[768 + i];
        return h;
    }

    /// <summary>The ink/grid threshold. Ink is at most <see cref="MaxInkShare"/> of the page, so the grid
    /// begins where the cumulative histogram passes that share. Text is often blacker than the trace, hence
    /// the trace level is looked for above the very darkest pixels.</summary>
    private static (int Level, int TraceLevel, int GridLevel) ValleyThreshold(int[] hist)
    {
        long total = 0;
        foreach (var v in hist) total += v;
        var smooth = new double[256];
        for (var i = 0; i < 256; i++)
        {
            double s = 0; var n = 0;
            for (var j = Math.Max(0, i - 3); j <= Math.Min(255, i + 3); j++) { s += hist[j]; n++; }
            smooth[i] = s / n;
        }
        var cumulative = new long[256];
        long acc = 0;
        for (var i = 0; i < 256; i++) cumulative[i] = acc += hist[i];
        var first = 0;
        while (first < 255 && cumulative[first] < total * 0.0005) first++;
        var to = Math.Min(250, first + 10);
        while (to < 250 && cumulative[to + 1] <= total * MaxInkShare) to++;
        // The trace's own level is the most common value in that dark range; the grid starts where the
        // dark range ends. The cut sits a fifth of the way up: the anti-aliased halo and the grid line crossings
        // a higher cut takes in widen each column's run unevenly and pull its centre off the pen's (renders:
        // 13.8 dB at a third of the way, 14.5 dB at a fifth); lower still breaks thin black pen lines apart.
        var traceLevel = first;
        for (var i = first; i <= Math.Min(to, first + TraceSearchLevels); i++) if (smooth[i] > smooth[traceLevel]) traceLevel = i;
        return (traceLevel + (int)Math.Min(CutShare * (to - traceLevel), MaxAboveTrace), traceLevel, Math.Min(to, traceLevel + 3 * MaxAboveTrace));
    }

    /// <summary>Brightness as the largest channel: a coloured grid line is bright in its own hue even where it
    /// is dark in grey, while a black or grey trace is dark in every channel.</summary>
    private static Mat MaxChannel(Mat bgr)
    {
        if (bgr.Channels() == 1) return bgr.Clone();
        var channels = Cv2.Split(bgr);
        var value = new Mat();
        Cv2.Max(channels[0], channels[1], value);
        Cv2.Max(value, channels[2], value);
        foreach (var c in channels) c.Dispose();
        return value;
    }

    private static bool IsGrey(PageImage page)
    {
        var color = page.Color;
        if (color.Channels() == 1) return true;
        using var small = new Mat();
        Cv2.Resize(color, small, new Size(Math.Max(1, color.Width / 8), Math.Max(1, color.Height / 8)), 0, 0, InterpolationFlags.Nearest);
        using var value = MaxChannel(small);
        using var gray = new Mat();
        Cv2.CvtColor(small, gray, ColorConversionCodes.BGR2GRAY);
        using var diff = new Mat();
        Cv2.Absdiff(value, gray, diff);
        return Cv2.Mean(diff).Val0 < 2;
    }

    /// <summary>Filled areas (the dark background around a photographed or rotated page, bold blocks) are
    /// thicker than any pen line: what survives an opening with a 2.5 mm square is not trace.</summary>
    private static void EraseThickBlobs(Mat mask, GridCalibration scale)
    {
        var side = Math.Max(5, (int)Math.Round(ThickBlobMm * scale.PxPerMmX)) | 1;
        using var kernel = Cv2.GetStructuringElement(MorphShapes.Rect, new Size(side, side));
        using var thick = new Mat();
        // An opening is an erosion then a dilation; on most pages nothing survives the erosion, and the
        // dilation of nothing is nothing.
        Cv2.Erode(mask, thick, kernel);
        if (Cv2.CountNonZero(thick) == 0) return;
        Cv2.Dilate(thick, thick, kernel);
        Cv2.Dilate(thick, thick, null, iterations: 2);
        mask.SetTo(new Scalar(0), thick);
    }
}
