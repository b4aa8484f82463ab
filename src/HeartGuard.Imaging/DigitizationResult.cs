using HeartGuard.Core;
using SkiaSharp;

namespace HeartGuard.Imaging;

/// <summary>An axis-aligned box in page pixels (after deskew).</summary>
public readonly record struct PixelBox(int X, int Y, int Width, int Height);

/// <summary>One placement's extracted trace: where it is on the page, the pixel path followed
/// (one y per page column from <see cref="PathStartX"/>, NaN where no ink was found), and a 0..1 quality.</summary>
public sealed record LeadTrace(string Lead, LeadPlacement Placement, PixelBox Box, int PathStartX, float[] PathY,
    double BaselineY, double Quality)
{
    /// <summary>The lead name printed at the segment's start, as read (null when none was read).</summary>
    public Layout.LabelRead? Label { get; init; }
}

/// <summary>Everything the digitizer found on one page. <see cref="Record"/> holds the 12 standard leads at
/// 500 Hz in microvolts, NaN where the page does not show the lead.</summary>
public sealed record DigitizationResult(
    EcgRecord Record,
    EcgLayout Layout,
    double LayoutConfidence,
    GridCalibration Calibration,
    PaperSettings Paper,
    IReadOnlyList<LeadTrace> Traces,
    IReadOnlyList<string> Warnings,
    IReadOnlyDictionary<string, double> StageMs,
    int WidthPx,
    int HeightPx)
{
    /// <summary>Rotation applied by deskew (degrees, counter-clockwise); traces and boxes are in the deskewed page.</summary>
    public double SkewDeg { get; init; }
    /// <summary>The perspective correction applied after deskew, null for a page whose rows were parallel.</summary>
    public Geometry.Keystone? Keystone { get; init; }
    /// <summary>True when faint ink was joined to the strictly cut trace (thin pen, low resolution).</summary>
    public bool InkReconnected { get; init; }

    /// <summary>From the picture as loaded to the page the traces and boxes live in: the deskew rotation, then the
    /// perspective correction. Its inverse puts the page's geometry back onto the picture.</summary>
    public SKMatrix PictureToPage()
    {
        var rotation = SKMatrix.CreateRotationDegrees((float)-SkewDeg, WidthPx / 2f, HeightPx / 2f);
        if (Keystone is not { Homography: var h }) return rotation;
        var keystone = new SKMatrix((float)h[0], (float)h[1], (float)h[2], (float)h[3], (float)h[4], (float)h[5], (float)h[6], (float)h[7], (float)h[8]);
        return SKMatrix.Concat(keystone, rotation);
    }
}

/// <summary>Why a picture could not be digitized; the web API maps these to 400/415/413/422.</summary>
public enum DigitizationError { Unreadable, UnsupportedFormat, TooLarge, NotAnEcg }

public sealed class DigitizationException(DigitizationError kind, string reason) : Exception(reason)
{
    public DigitizationError Kind { get; } = kind;
    public string Reason { get; } = reason;
}
