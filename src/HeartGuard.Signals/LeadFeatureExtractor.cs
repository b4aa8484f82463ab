namespace HeartGuard.Signals;

/// <summary>Step 4b, per-lead features on the median beat, all relative to the PR baseline: R, Q, S and T
/// amplitudes, net QRS area, and the ST deviation at J+60 ms (J = global QRS offset), the point the
/// ESC/ACC STEMI criteria are written for.</summary>
public sealed class LeadFeatureExtractor
{
    public double StMeasurementDelayMs { get; init; } = 60;

    public LeadMeasurements Extract(MedianBeat beat, Delineation? delineation)
    {
        var result = new LeadMeasurements { Lead = beat.Lead, BeatCount = beat.BeatCount, MedianBeat = beat };
        if (delineation is null) return result;
        var baseline = delineation.BaselineUv(beat);
        if (double.IsNaN(baseline)) return result;
        var x = beat.SamplesUv;
        int on = delineation.QrsOnset, off = delineation.QrsOffset, r = delineation.RIndex;
        for (var k = on; k <= off; k++)
            if (float.IsNaN(x[k])) return result;

        var rPeak = on;
        double area = 0;
        for (var k = on; k <= off; k++)
        {
            if (x[k] > x[rPeak]) rPeak = k;
            area += x[k] - baseline;
        }
        var rAmplitude = Math.Max(0, x[rPeak] - baseline);
        // With no R wave (QS complex) the whole negative deflection is the Q; S needs an R before it.
        double q = 0, s = 0;
        for (var k = on; k < rPeak; k++) q = Math.Min(q, x[k] - baseline);
        for (var k = rPeak + 1; k <= off; k++) s = Math.Min(s, x[k] - baseline);
        if (rAmplitude == 0) (q, s) = (Math.Min(q, s), 0);

        var stIndex = beat.SampleAtMs(delineation.ToMsFromR(off) + StMeasurementDelayMs);
        double? st = stIndex < x.Length && !float.IsNaN(x[stIndex]) ? x[stIndex] - baseline : null;

        return result with
        {
            StDeviationUv = Round(st),
            RAmplitudeUv = Round(rAmplitude),
            QAmplitudeUv = Round(q),
            SAmplitudeUv = Round(s),
            TAmplitudeUv = Round(TAmplitude(x, baseline, delineation)),
            QrsNetAreaUvMs = Round(area * 1000 / beat.SamplingRateHz),
        };
    }

    /// <summary>The extreme of the ST-T segment between J and T end (or J+400 ms when T end is unknown).</summary>
    private static double? TAmplitude(float[] x, double baseline, Delineation d)
    {
        var from = d.QrsOffset + (int)Math.Round(0.06 * d.SamplingRateHz);
        var to = Math.Min(x.Length - 1, d.TEnd ?? d.QrsOffset + (int)Math.Round(0.4 * d.SamplingRateHz));
        double? best = null;
        for (var k = from; k <= to; k++)
        {
            if (float.IsNaN(x[k])) continue;
            var v = x[k] - baseline;
            if (best is null || Math.Abs(v) > Math.Abs(best.Value)) best = v;
        }
        return best;
    }

    private static double? Round(double? value) => value is { } v ? Math.Round(v, 1) : null;
}
