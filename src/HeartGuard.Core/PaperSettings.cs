namespace HeartGuard.Core;

/// <summary>How a signal is drawn on paper: paper speed in mm/s and gain in mm/mV.</summary>
public readonly record struct PaperSettings(double SpeedMmPerS, double GainMmPerMv)
{
    public static PaperSettings Standard => new(25, 10);
}

/// <summary>Where a page's px/mm scale came from, best to worst.</summary>
public enum ScaleSource { Grid, CalibrationPulse, Dpi, Assumed }

/// <summary>The page's pixel scale in px/mm on each axis, how it was found, and how sure we are (0..1).</summary>
public sealed record GridCalibration(double PxPerMmX, double PxPerMmY, ScaleSource Source, double Confidence)
{
    public static double PxPerMmFromDpi(double dpi) => dpi / 25.4;
}
