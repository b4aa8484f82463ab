using HeartGuard.Core;
using HeartGuard.Imaging.Cleanup;
using HeartGuard.Imaging.Traces;
using OpenCvSharp;

namespace HeartGuard.Imaging.Layout;

/// <summary>A printed lead name read near a segment's start: the text, its normalised cross-correlation with
/// the best-matching rendered label (0..1), and where its ink is on the page.</summary>
public sealed record LabelRead(string Text, double Score, PixelBox Box);

public interface ILeadLabelReader
{
    /// <summary>The label printed at the start of the segment beginning at <paramref name="startX"/> (page px) on
    /// row <paramref name="rowIndex"/>, or null when none is read.</summary>
    LabelRead? Read(InkMask ink, IReadOnlyList<RowTrace> rows, int rowIndex, double startX, GridCalibration scale);
}

/// <summary>Stage 5b: reads printed lead labels ("I" ... "V6") by template matching. Machines print the name at
/// the start of each segment, a few mm above the baseline (EDAN, the synthesizer) or below it (ecg-image-kit,
/// GE); so the window spans from just before the segment's start to 12 mm after it, and up to 9 mm or half-way to the
/// neighbouring rows. The followed paths and separator bars are erased from it first (a QRS stroke through the
/// window is one tall vertical component, much like an "I"), the rest is split into components, components
/// sharing a text baseline and spaced like letters are grouped, and each group the size of printed text is
/// compared with every template at its own height.</summary>
public sealed class LeadLabelReader : ILeadLabelReader
{
    private const double BeforeStartMm = 0.5;
    private const double AfterStartMm = 12;
    /// <summary>A label begins within this of the segment's start (0-1 mm on every page looked at); ink further on
    /// is the trace's (a QRS stroke's remnant reads as an "I").</summary>
    private const double LabelStartsWithinMm = 6;
    /// <summary>Labels sit 1-7 mm from the baseline on every source looked at (ecg-image-kit: 3.5-7 mm below).</summary>
    private const double MaxReachMm = 9;
    /// <summary>Pen coverage counted as ink: grey label text (EDAN prints it lighter than the trace) stays in.</summary>
    private const float InkCut = 0.35f;
    private const double MinTextMm = 1.5;
    private const double MaxTextMm = 6.5;
    private const double MinScore = 0.5;
    /// <summary>Widths of cluster and template may differ by this factor (kerning, bold pens, blur).</summary>
    private const double WidthTolerance = 1.3;
    /// <summary>One smoothing pass per this many px of glyph height (two at 200 dpi).</summary>
    private const int SmoothEveryPx = 10;

    public LabelRead? Read(InkMask ink, IReadOnlyList<RowTrace> rows, int rowIndex, double startX, GridCalibration scale)
    {
        var row = rows[rowIndex];
        var maxReach = MaxReachMm * scale.PxPerMmY;
        var above = rowIndex > 0 ? row.BaselineY - rows[rowIndex - 1].BaselineY : double.PositiveInfinity;
        var below = rowIndex + 1 < rows.Count ? rows[rowIndex + 1].BaselineY - row.BaselineY : double.PositiveInfinity;
        if (double.IsInfinity(above)) above = below;
        if (double.IsInfinity(below)) below = above;
        var x0 = Math.Max(0, (int)Math.Floor(startX - BeforeStartMm * scale.PxPerMmX));
        var x1 = Math.Min(ink.Width, (int)Math.Ceiling(startX + AfterStartMm * scale.PxPerMmX));
        var y0 = Math.Max(0, (int)Math.Floor(row.BaselineY - Math.Min(maxReach, above / 2)));
        var y1 = Math.Min(ink.Height, (int)Math.Ceiling(row.BaselineY + Math.Min(maxReach, below / 2)));
        if (x1 - x0 < 4 || y1 - y0 < 4) return null;
        var window = new Rect(x0, y0, x1 - x0, y1 - y0);

        using var mask = new Mat(window.Height, window.Width, MatType.CV_8UC1, Scalar.All(0));
        var coverage = new float[window.Width * window.Height];
        CutInk(ink.Levels, window, mask, coverage);
        EraseLongVerticals(mask, (int)Math.Ceiling(MaxTextMm * scale.PxPerMmY));
        for (var r = Math.Max(0, rowIndex - 1); r <= Math.Min(rows.Count - 1, rowIndex + 1); r++)
            ErasePath(rows[r], window, mask, scale);
        // A label's "I" is a solid bar too (SeparatorBars lists it); only bars the path runs through are marks.
        foreach (var bar in row.Separators.Where(b => CrossesPath(row, b)))
            mask.Rectangle(new Rect(bar.Left - 1 - x0, bar.Top - 1 - y0, bar.Right - bar.Left + 3, bar.Bottom - bar.Top + 3), Scalar.All(0), -1);

        LabelRead? best = null;
        using var labels = new Mat();
        var latestLeft = (startX + LabelStartsWithinMm * scale.PxPerMmX) - x0;
        foreach (var cluster in Clusters(mask, labels, scale).Where(c => c.Box.X <= latestLeft && (c.Parts.Count > 1 || !TouchesErasedInk(c.Box, mask, coverage))))
        {
            var read = Match(cluster, labels, coverage, window);
            if (read is not null && (best is null || read.Score > best.Score)) best = read;
        }
        return best is { Score: >= MinScore } ? best : null;
    }

    /// <summary>True when ink taken out as path or mark lies on the cluster's box or the pixel ring around it. A
    /// lone glyph there is likely a remnant of that stroke (a QRS piece left beside the erased span reads as
    /// "I"); labels of several glyphs are kept (deep S waves run through ecg-image-kit's "aVR").</summary>
    private static unsafe bool TouchesErasedInk(Rect box, Mat mask, float[] coverage)
    {
        var data = (byte*)mask.Data;
        var (width, height, step) = (mask.Width, mask.Height, mask.Step());
        for (var y = Math.Max(0, box.Y - 1); y <= Math.Min(height - 1, box.Bottom); y++)
            for (var x = Math.Max(0, box.X - 1); x <= Math.Min(width - 1, box.Right); x++)
                if (coverage[y * width + x] > 0 && data[y * step + x] == 0) return true;
        return false;
    }

    private static bool CrossesPath(RowTrace row, SeparatorBars.Bar bar)
    {
        for (var c = bar.Left - 1 - row.StartX; c <= bar.Right + 1 - row.StartX; c++)
            if (c >= 0 && c < row.CentreY.Length && row.CentreY[c] >= bar.Top - 2 && row.CentreY[c] <= bar.Bottom + 2) return true;
        return false;
    }

    private static unsafe void CutInk(InkLevels levels, Rect window, Mat mask, float[] coverage)
    {
        var step = mask.Step();
        var data = (byte*)mask.Data;
        for (var y = 0; y < window.Height; y++)
            for (var x = 0; x < window.Width; x++)
            {
                var c = levels.Coverage(window.X + x, window.Y + y);
                if (c < InkCut) continue;
                coverage[y * window.Width + x] = c;
                data[y * step + x] = 255;
            }
    }

    /// <summary>Clears vertical runs taller than any label: the lead separator lines (clean-up removed them from the
    /// ink mask, but the window is cut afresh from the pen coverage) that EDAN prints touching the label's first
    /// glyph, which would otherwise join it into one oversized component.</summary>
    private static void EraseLongVerticals(Mat mask, int maxRun)
    {
        using var columns = new Mat();
        Cv2.Transpose(mask, columns);
        InkRuns.EraseLong(columns, maxRun + 1);
        Cv2.Transpose(columns, mask);
    }

    /// <summary>Clears, in every column, the span between the path's centres in it and its two neighbours (a
    /// steep stroke covers that span), widened by a pen's half-width and a pixel of anti-aliasing.</summary>
    private static unsafe void ErasePath(RowTrace row, Rect window, Mat mask, GridCalibration scale)
    {
        var pad = Math.Max(2.0, 0.35 * scale.PxPerMmY);
        var step = mask.Step();
        var data = (byte*)mask.Data;
        for (var x = window.X; x < window.Right; x++)
        {
            double lo = double.PositiveInfinity, hi = double.NegativeInfinity;
            for (var c = x - 1 - row.StartX; c <= x + 1 - row.StartX; c++)
            {
                if (c < 0 || c >= row.CentreY.Length || float.IsNaN(row.CentreY[c])) continue;
                lo = Math.Min(lo, row.CentreY[c]);
                hi = Math.Max(hi, row.CentreY[c]);
            }
            if (lo > hi) continue;
            var top = Math.Max(window.Y, (int)Math.Floor(lo - pad));
            var bottom = Math.Min(window.Bottom - 1, (int)Math.Ceiling(hi + pad));
            for (var y = top; y <= bottom; y++) data[(y - window.Y) * step + x - window.X] = 0;
        }
    }

    /// <summary>Groups of components that sit on one text baseline, spaced like letters, as tall as printed text.
    /// <paramref name="labels"/> receives the component image.</summary>
    private static List<(Rect Box, List<int> Parts)> Clusters(Mat mask, Mat labels, GridCalibration scale)
    {
        using var stats = new Mat();
        using var centroids = new Mat();
        var count = Cv2.ConnectedComponentsWithStats(mask, labels, stats, centroids, PixelConnectivity.Connectivity8);
        var minText = MinTextMm * scale.PxPerMmY;
        var maxText = MaxTextMm * scale.PxPerMmY;
        var glyphs = new List<(Rect Box, int Id)>();
        for (var i = 1; i < count; i++)
        {
            var box = new Rect(stats.At<int>(i, 0), stats.At<int>(i, 1), stats.At<int>(i, 2), stats.At<int>(i, 3));
            // Touching the window's left edge: the tail of a pulse or bar that continues outside, not a glyph.
            if (box.X == 0 || box.Height > maxText || box.Width > maxText || stats.At<int>(i, 4) < 3) continue;
            glyphs.Add((box, i));
        }
        glyphs.Sort((a, b) => a.Box.X.CompareTo(b.Box.X));
        var clusters = new List<(Rect Box, List<int> Parts)>();
        foreach (var (box, id) in glyphs)
        {
            var joined = false;
            for (var k = 0; k < clusters.Count && !joined; k++)
            {
                var c = clusters[k].Box;
                var height = Math.Max(c.Height, box.Height);
                var gap = box.X - c.Right;
                var overlap = Math.Min(c.Bottom, box.Bottom) - Math.Max(c.Y, box.Y);
                var sameBaseline = Math.Abs(c.Bottom - box.Bottom) <= 0.2 * height + 1;
                if (gap > 0.6 * height + 1 || gap < -2 || overlap < 0.5 * Math.Min(c.Height, box.Height) || !sameBaseline) continue;
                clusters[k] = (c | box, clusters[k].Parts);
                clusters[k].Parts.Add(id);
                joined = true;
            }
            if (!joined) clusters.Add((box, [id]));
        }
        clusters.RemoveAll(c => c.Box.Height < minText || c.Box.Height > maxText || c.Box.Width > 4.5 * c.Box.Height);
        return clusters;
    }

    /// <summary>The best template for the cluster, compared over its box and a margin of paper around it (without
    /// the margin a lone "I" is a uniform box and correlates with nothing).</summary>
    private static unsafe LabelRead? Match((Rect Box, List<int> Parts) cluster, Mat labels, float[] coverage, Rect window)
    {
        var (box, parts) = cluster;
        var margin = Math.Max(1, (int)Math.Round(0.15 * box.Height));
        var width = box.Width + 2 * margin;
        var glyph = new float[width * (box.Height + 2 * margin)];
        // Mat.At is a native call per pixel: read the component ids through the pointer.
        var ids = (int*)labels.Data;
        var idStep = labels.Step() / sizeof(int);
        for (var y = 0; y < box.Height; y++)
            for (var x = 0; x < box.Width; x++)
            {
                var wx = box.X + x;
                var wy = box.Y + y;
                if (parts.Contains(ids[wy * idStep + wx]))
                    glyph[(y + margin) * width + x + margin] = coverage[wy * window.Width + wx];
            }
        var passes = Math.Max(1, (int)Math.Round(box.Height / (double)SmoothEveryPx));
        LabelTemplates.Smooth(glyph, width, box.Height + 2 * margin, passes);
        string? bestText = null;
        var bestScore = double.NegativeInfinity;
        var resampled = new float[glyph.Length];
        foreach (var template in LabelTemplates.AtHeight(box.Height, margin, passes))
        {
            var ratio = template.Width / (double)box.Width;
            if ((ratio > WidthTolerance || ratio < 1 / WidthTolerance) && Math.Abs(template.Width - box.Width) > 1) continue;
            StretchRows(template, box.Width, resampled);
            var score = Pearson.Of(glyph, resampled);
            if (score > bestScore) (bestText, bestScore) = (template.Text, score);
        }
        return bestText is null ? null
            : new LabelRead(bestText, Math.Round(bestScore, 3), new PixelBox(window.X + box.X, window.Y + box.Y, box.Width, box.Height));
    }

    /// <summary>The padded template's rows linearly resampled so that its ink spans <paramref name="width"/>
    /// columns inside the same margin (a stretch of at most 30 %, which the smoothing survives).</summary>
    private static void StretchRows(LabelTemplates.Template template, int width, float[] into)
    {
        var scale = template.Width / (double)width;
        var stride = width + 2 * template.Margin;
        var rows = template.Height + 2 * template.Margin;
        for (var x = 0; x < stride; x++)
        {
            var sx = Math.Clamp(template.Margin + (x - template.Margin + 0.5) * scale - 0.5, 0, template.PaddedWidth - 1);
            var left = (int)sx;
            var right = Math.Min(left + 1, template.PaddedWidth - 1);
            var f = (float)(sx - left);
            for (var y = 0; y < rows; y++)
            {
                var row = y * template.PaddedWidth;
                into[y * stride + x] = template.Coverage[row + left] * (1 - f) + template.Coverage[row + right] * f;
            }
        }
    }
}
