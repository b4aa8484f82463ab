using HeartGuard.Core;

namespace HeartGuard.Signals;

/// <summary>Step 1, filtering: removes baseline wander and high-frequency noise (pixel quantisation,
/// paper texture) with a zero-phase Butterworth band-pass, run by run so missing stretches stay NaN.
/// Defaults follow diagnostic practice: 0.67 Hz high-pass, which is ST-safe when zero-phase (AHA 2007),
/// and 40 Hz low-pass, enough for a printed trace (the Mendeley machine itself prints 0.67-25 Hz).</summary>
public sealed class EcgCleaner
{
    private readonly double _highPassHz;
    private readonly double _lowPassHz;

    public EcgCleaner(double highPassHz = 0.67, double lowPassHz = 40)
    {
        if (highPassHz <= 0 || lowPassHz <= highPassHz) throw new ArgumentOutOfRangeException(nameof(lowPassHz));
        _highPassHz = highPassHz;
        _lowPassHz = lowPassHz;
    }

    /// <summary>Holes up to this long are bridged before filtering (a trace lost under a printed label).</summary>
    public const double MaxBridgedGapS = 0.02;

    /// <summary>Runs shorter than this are dropped: too short to hold a beat or to high-pass meaningfully.</summary>
    public const double MinRunS = 0.4;

    /// <summary>The cleaned samples of <paramref name="lead"/> in µV, NaN where missing or unusable.</summary>
    public float[] Clean(Lead lead, double samplingRateHz)
    {
        var output = (float[])lead.SamplesUv.Clone();
        PresentRuns.FillShortGaps(output, (int)Math.Round(MaxBridgedGapS * samplingRateHz));
        var filter = CreateFilter(samplingRateHz);
        var minRun = (int)Math.Round(MinRunS * samplingRateHz);
        // One second of reflected padding covers the 0.67 Hz section's settling time.
        var pad = (int)Math.Round(samplingRateHz);
        foreach (var run in PresentRuns.Find(output))
        {
            var span = output.AsSpan(run.Start, run.Length);
            if (run.Length < minRun) span.Fill(float.NaN);
            else filter.Apply(span, pad);
        }
        return output;
    }

    private ZeroPhaseFilter CreateFilter(double samplingRateHz)
    {
        // Never put the low-pass corner at or above Nyquist (100 Hz PTB-XL records).
        var lowPass = Math.Min(_lowPassHz, 0.45 * samplingRateHz);
        return new ZeroPhaseFilter([Biquad.HighPass(_highPassHz, samplingRateHz), Biquad.LowPass(lowPass, samplingRateHz)]);
    }
}
