using HeartGuard.Signals;

namespace HeartGuard.Models.Features.Signal;

/// <summary>One lead's median beat read against its PR baseline at the page's global fiducials: what every
/// signal feature family measures from. Times are ms from the R peak; amplitudes µV above the baseline.</summary>
public sealed record LeadWaveform(LeadMeasurements Measured, MedianBeat Beat, BeatFiducials Fiducials, double BaselineUv)
{
    /// <summary>A few µV of noise at QRS onset is not a deflection.</summary>
    private const double DeflectionThresholdUv = 25;

    /// <summary>The lead's waveform, or null when it has no median beat or no PR baseline to measure from.</summary>
    public static LeadWaveform? Of(LeadMeasurements lead, BeatFiducials? fiducials)
    {
        if (lead.MedianBeat is not { } beat || fiducials is null) return null;
        // The PR segment just before QRS onset: the isoelectric reference of every amplitude.
        var at = beat.SampleAtMs(fiducials.QrsOnsetMs - 20);
        if (at < 0 || at >= beat.SamplesUv.Length || float.IsNaN(beat.SamplesUv[at])) return null;
        return new LeadWaveform(lead, beat, fiducials, beat.SamplesUv[at]);
    }

    /// <summary>Mean level over ±<paramref name="halfWidthMs"/> around a time, or NaN where the beat has no samples.</summary>
    public double UvAtMs(double msFromR, double halfWidthMs = 4)
    {
        var x = Beat.SamplesUv;
        int from = Math.Max(0, Beat.SampleAtMs(msFromR - halfWidthMs)), to = Math.Min(x.Length - 1, Beat.SampleAtMs(msFromR + halfWidthMs));
        double sum = 0;
        var n = 0;
        for (var k = from; k <= to; k++)
            if (!float.IsNaN(x[k])) { sum += x[k]; n++; }
        return n == 0 ? double.NaN : sum / n - BaselineUv;
    }

    /// <summary>ST level <paramref name="afterJMs"/> after the J point (global QRS offset).</summary>
    public double StUv(double afterJMs) => UvAtMs(Fiducials.QrsOffsetMs + afterJMs);

    /// <summary>QRS samples (onset..offset inclusive) as sample indices, clipped to the beat.</summary>
    public (int Onset, int Offset) QrsSamples =>
        (Math.Max(0, Beat.SampleAtMs(Fiducials.QrsOnsetMs)), Math.Min(Beat.SamplesUv.Length - 1, Beat.SampleAtMs(Fiducials.QrsOffsetMs)));

    /// <summary>Time from QRS onset until an initial negative deflection (a Q wave) returns to baseline; 0
    /// when the complex starts upward. Pathological Q waves (old MI) are the ones 40 ms or wider.</summary>
    public float QWaveWidthMs()
    {
        var x = Beat.SamplesUv;
        var (on, off) = QrsSamples;
        var k = on;
        while (k <= off && Math.Abs(x[k] - BaselineUv) < DeflectionThresholdUv) k++;
        if (k > off || float.IsNaN(x[k]) || x[k] > BaselineUv) return 0;
        while (k <= off && !float.IsNaN(x[k]) && x[k] < BaselineUv) k++;
        return (float)((k - on) * 1000.0 / Beat.SamplingRateHz);
    }

    /// <summary>Area of the repolarisation from J+60 ms to T end (or J+400 ms), in µV·ms: a broad, bulky
    /// T wave (hyperacute) has a large one even where its peak is ordinary.</summary>
    public double TAreaUvMs()
    {
        var x = Beat.SamplesUv;
        int from = Beat.SampleAtMs(Fiducials.QrsOffsetMs + 60), to = Math.Min(x.Length - 1, Beat.SampleAtMs(Fiducials.TEndMs ?? Fiducials.QrsOffsetMs + 400));
        double area = 0;
        for (var k = Math.Max(0, from); k <= to; k++)
            if (!float.IsNaN(x[k])) area += x[k] - BaselineUv;
        return area * 1000 / Beat.SamplingRateHz;
    }

    /// <summary>Turning points of the QRS (peaks and troughs that rise or fall at least
    /// <paramref name="hysteresisUv"/>): a plain qRS has at most three; more is notching (fragmented QRS).</summary>
    public int QrsTurningPoints(double hysteresisUv = 40)
    {
        var x = Beat.SamplesUv;
        var (on, off) = QrsSamples;
        if (float.IsNaN(x[on])) return 0;
        double high = x[on], low = x[on], extreme = x[on];
        int turns = 0, direction = 0;
        for (var k = on + 1; k <= off; k++)
        {
            double v = x[k];
            if (double.IsNaN(v)) return 0;
            if (direction == 0)
            {
                (high, low) = (Math.Max(high, v), Math.Min(low, v));
                if (v - low >= hysteresisUv) (direction, extreme) = (1, v);
                else if (high - v >= hysteresisUv) (direction, extreme) = (-1, v);
            }
            else if (direction * (v - extreme) > 0) extreme = v;
            else if (Math.Abs(v - extreme) >= hysteresisUv) (turns, direction, extreme) = (turns + 1, -direction, v);
        }
        return turns;
    }
}
