using HeartGuard.Core;

namespace HeartGuard.Imaging;

/// <summary>Knobs of the digitizer. Defaults fit printed 12-lead pages; the limits protect a server from
/// decompression bombs.</summary>
public sealed record DigitizerOptions
{
    /// <summary>Largest accepted image, in pixels, checked from the header before decoding.</summary>
    public long MaxPixels { get; init; } = 80_000_000;
    /// <summary>Smallest accepted side in pixels: below this no 12-lead trace can be resolved.</summary>
    public int MinSidePx { get; init; } = 300;
    /// <summary>Paper speed and gain assumed for the page (the printed footer of almost every ECG).</summary>
    public PaperSettings Paper { get; init; } = PaperSettings.Standard;
    /// <summary>Seconds shown by a full-width row at <see cref="Paper"/> speed.</summary>
    public double RecordDurationS { get; init; } = 10.0;
    public double OutputRateHz { get; init; } = 500.0;
    /// <summary>Largest rotation the deskew stage searches, in degrees.</summary>
    public double MaxSkewDeg { get; init; } = 10.0;
    /// <summary>Straighten converging rows of a photographed page (keystone); scans are never affected.</summary>
    public bool CorrectPerspective { get; init; } = true;
    /// <summary>Undo the blur of reading a trace from pixels (<see cref="Signals.ReadingBlur"/>).</summary>
    public bool CompensateReadingBlur { get; init; } = true;
}
