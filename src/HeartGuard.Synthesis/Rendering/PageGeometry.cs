using HeartGuard.Core;
using SkiaSharp;

namespace HeartGuard.Synthesis;

/// <summary>Where everything sits on the undistorted page, in mm and in px (px = mm x <see cref="PxPerMm"/>,
/// pixel (c, r) centred on (c, r)). Proportions follow the Mendeley EDAN report: a grid frame below a
/// header block, rows spread evenly over it, traces starting after the calibration pulse.</summary>
public sealed class PageGeometry
{
    private const double FrameLeftMm = 8.9, FrameRightMarginMm = 5.45, TraceEndPadMm = 1.0;
    // EDAN: the trace starts 10.4 mm inside the frame, the pulse ends 3.9 mm before it, 1 mm flat each side.
    private const double TraceInsetMm = 10.4, PulseToTraceMm = 3.9, MinPulseInsetMm = 0.5;
    public const double PulseFlatMm = 1.0;

    public PageGeometry(PageSpec spec, double recordDurationS)
    {
        Spec = spec;
        PxPerMm = spec.PxPerMm;
        WidthPx = (int)Math.Round(spec.PageWidthMm * PxPerMm);
        HeightPx = (int)Math.Round(spec.PageHeightMm * PxPerMm);
        var top = spec.HeaderFooter ? 36.3 : 8.0;
        var bottom = spec.PageHeightMm - (spec.HeaderFooter ? 7.3 : 5.0);
        FrameMm = new SKRect((float)FrameLeftMm, (float)top, (float)(spec.PageWidthMm - FrameRightMarginMm), (float)bottom);
        PulseWidthMm = spec.CalibrationPulseWidthMm ?? 0.2 * spec.SpeedMmPerS;
        TraceStartMm = Math.Max(FrameLeftMm + TraceInsetMm, FrameLeftMm + MinPulseInsetMm + PulseFlatMm + PulseWidthMm + PulseToTraceMm);
        PulseStartMm = TraceStartMm - PulseToTraceMm - PulseWidthMm;
        var availableS = (FrameMm.Right - TraceEndPadMm - TraceStartMm) / spec.SpeedMmPerS;
        // Whole quarter seconds, so a 10 s record fills a 25 mm/s page and 5 s of it a 50 mm/s page.
        ShownDurationS = Math.Min(recordDurationS, Math.Floor(availableS * 4) / 4);
        Layout = EcgLayout.Standard(spec.Layout, ShownDurationS);
        RowPitchMm = FrameMm.Height / (Layout.TotalRows + 0.16);
    }

    public PageSpec Spec { get; }
    public double PxPerMm { get; }
    public int WidthPx { get; }
    public int HeightPx { get; }
    public SKRect FrameMm { get; }
    public double PulseWidthMm { get; }
    public double PulseStartMm { get; }
    public double TraceStartMm { get; }
    public double ShownDurationS { get; }
    public EcgLayout Layout { get; }
    public double RowPitchMm { get; }

    public double PxPerS => Spec.SpeedMmPerS * PxPerMm;
    public double PxPerMv => Spec.GainMmPerMv * PxPerMm;

    public double BaselineMm(int row) => FrameMm.Top + 0.61 * RowPitchMm + row * RowPitchMm;

    /// <summary>x of the placement's first sample: its column's start within the page's time axis.</summary>
    public double OriginMm(LeadPlacement p) => TraceStartMm + p.StartS * Spec.SpeedMmPerS;

    public float Px(double mm) => (float)(mm * PxPerMm);
    public SKRect Px(SKRect mm) => new(Px(mm.Left), Px(mm.Top), Px(mm.Right), Px(mm.Bottom));
}
