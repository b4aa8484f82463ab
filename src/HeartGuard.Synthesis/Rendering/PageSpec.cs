using SkiaSharp;

namespace HeartGuard.Synthesis;

/// <summary>Paper grid styles: solid 1 mm minor / 5 mm major lines in a colour, the dotted grid of EDAN
/// reports (the Mendeley pages), or none.</summary>
public enum GridStyle { Red, Pink, Green, Blue, Grey, Dotted, None }

public enum PageImageFormat { Png, Jpeg }

/// <summary>Optional, seeded image degradations. Zero (or null) leaves the page untouched. Geometric ones
/// (rotation, perspective, scale, crop) move the ground-truth pixels; photometric ones do not.</summary>
public sealed record Degradations
{
    /// <summary>Rotation about the page centre, degrees, counter-clockwise positive (as the page appears).</summary>
    public double RotationDeg { get; init; }
    /// <summary>Largest corner displacement of a random perspective warp, as a fraction of the page width (e.g. 0.05).</summary>
    public double Perspective { get; init; }
    /// <summary>Uniform scale of the image (e.g. 0.5 halves the resolution).</summary>
    public double Scale { get; init; } = 1;
    /// <summary>Largest fraction of the width/height cut from each side, drawn per side from the seed.</summary>
    public double Crop { get; init; }
    /// <summary>Gaussian blur sigma in output pixels.</summary>
    public double BlurSigmaPx { get; init; }
    /// <summary>Additive Gaussian noise sigma in grey levels (0-255).</summary>
    public double NoiseSigma { get; init; }
    /// <summary>Strength (0-1) of uneven lighting: a seeded shadow gradient that darkens part of the page.</summary>
    public double Shadow { get; init; }
    /// <summary>JPEG quality 1-100 of the final encoding (a PNG page is JPEG-compressed once, then stored losslessly).</summary>
    public int? JpegQuality { get; init; }

    public static Degradations None { get; } = new();

    public bool IsGeometric => RotationDeg != 0 || Perspective > 0 || Scale != 1 || Crop > 0;

    public void Validate()
    {
        if (Math.Abs(RotationDeg) > 45) throw new ArgumentOutOfRangeException(nameof(RotationDeg), "Rotation must be within ±45°.");
        if (Perspective is < 0 or > 0.3) throw new ArgumentOutOfRangeException(nameof(Perspective), "Perspective must be 0-0.3 of the page width.");
        if (Scale is < 0.1 or > 4) throw new ArgumentOutOfRangeException(nameof(Scale), "Scale must be 0.1-4.");
        if (Crop is < 0 or > 0.3) throw new ArgumentOutOfRangeException(nameof(Crop), "Crop must be 0-0.3 of each side.");
        if (BlurSigmaPx is < 0 or > 20) throw new ArgumentOutOfRangeException(nameof(BlurSigmaPx), "Blur sigma must be 0-20 px.");
        if (NoiseSigma is < 0 or > 100) throw new ArgumentOutOfRangeException(nameof(NoiseSigma), "Noise sigma must be 0-100 grey levels.");
        if (Shadow is < 0 or > 1) throw new ArgumentOutOfRangeException(nameof(Shadow), "Shadow strength must be 0-1.");
        if (JpegQuality is < 1 or > 100) throw new ArgumentOutOfRangeException(nameof(JpegQuality), "JPEG quality must be 1-100.");
    }
}

/// <summary>How to draw a page. Defaults reproduce the Mendeley EDAN report: 3x4+1, 25 mm/s, 10 mm/mV,
/// 200 dpi, 2213 x 1572 px (281.05 x 199.64 mm), dotted grid.</summary>
public sealed record PageSpec
{
    public string Layout { get; init; } = "3x4+1";
    public double SpeedMmPerS { get; init; } = 25;
    public double GainMmPerMv { get; init; } = 10;
    public double Dpi { get; init; } = 200;
    public GridStyle Grid { get; init; } = GridStyle.Dotted;
    /// <summary>The EDAN pages' traces are about 4 px (0.5 mm) of solid black at 200 dpi; anti-aliased 0.45 mm looks alike.</summary>
    public double TraceWidthMm { get; init; } = 0.45;
    public SKColor TraceColor { get; init; } = SKColors.Black;
    public bool HeaderFooter { get; init; } = true;
    public bool Separators { get; init; } = true;
    public bool CalibrationPulses { get; init; } = true;
    /// <summary>Width of the calibration pulse; null means 200 ms at the paper speed (5 mm at 25 mm/s).
    /// The EDAN device of the Mendeley pages draws a narrower one, about 2.1 mm.</summary>
    public double? CalibrationPulseWidthMm { get; init; }
    public bool LeadLabels { get; init; } = true;
    public double PageWidthMm { get; init; } = 2213 * 25.4 / 200;
    public double PageHeightMm { get; init; } = 1572 * 25.4 / 200;
    public Degradations Degradations { get; init; } = Degradations.None;
    public PageImageFormat Format { get; init; } = PageImageFormat.Png;
    /// <summary>Heart rate printed in the footer (the EDAN "♥88"), or none.</summary>
    public double? FooterHeartRateBpm { get; init; }
    /// <summary>Seeds invented header text and every random degradation.</summary>
    public int Seed { get; init; }

    public double PxPerMm => Dpi / 25.4;

    public void Validate()
    {
        if (!EcgLayoutNames.Contains(Layout)) throw new ArgumentException($"Unknown layout '{Layout}'. Known: {string.Join(", ", EcgLayoutNames)}.");
        if (SpeedMmPerS is not (25 or 50)) throw new ArgumentOutOfRangeException(nameof(SpeedMmPerS), "Paper speed must be 25 or 50 mm/s.");
        if (GainMmPerMv is not (5 or 10 or 20)) throw new ArgumentOutOfRangeException(nameof(GainMmPerMv), "Gain must be 5, 10 or 20 mm/mV.");
        if (Dpi is < 100 or > 600) throw new ArgumentOutOfRangeException(nameof(Dpi), "Resolution must be 100-600 dpi.");
        if (CalibrationPulseWidthMm is <= 0 or > 20) throw new ArgumentOutOfRangeException(nameof(CalibrationPulseWidthMm), "Calibration pulse width must be in (0, 20] mm.");
        if (TraceWidthMm is <= 0 or > 2) throw new ArgumentOutOfRangeException(nameof(TraceWidthMm), "Trace width must be in (0, 2] mm.");
        if (PageWidthMm is < 150 or > 600 || PageHeightMm is < 100 or > 600)
            throw new ArgumentOutOfRangeException(nameof(PageWidthMm), "Page size must be 150-600 mm wide and 100-600 mm high.");
        Degradations.Validate();
    }

    private static IReadOnlyList<string> EcgLayoutNames => HeartGuard.Core.EcgLayout.Known;
}
