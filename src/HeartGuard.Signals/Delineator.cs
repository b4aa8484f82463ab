namespace HeartGuard.Signals;

/// <summary>Global fiducial points on the median-beat axis (sample indices; R is at
/// <see cref="MedianBeat.RIndex"/>), plus the isoelectric (PR) window every amplitude is measured from.</summary>
public sealed record Delineation(
    int RIndex, double SamplingRateHz, int QrsOnset, int QrsOffset, int IsoelectricStart, int IsoelectricLength,
    int? POnset, int? TEnd, bool? PWavePresent)
{
    public double ToMsFromR(double index) => (index - RIndex) * 1000.0 / SamplingRateHz;
    public double DurationMs(double from, double to) => (to - from) * 1000.0 / SamplingRateHz;

    /// <summary>The PR-segment level of one lead's median beat, in µV.</summary>
    public double BaselineUv(MedianBeat beat)
    {
        double sum = 0;
        var count = 0;
        for (var i = IsoelectricStart; i < IsoelectricStart + IsoelectricLength; i++)
        {
            if (float.IsNaN(beat.SamplesUv[i])) continue;
            sum += beat.SamplesUv[i];
            count++;
        }
        return count == 0 ? double.NaN : sum / count;
    }
}

/// <summary>Step 3b, delineation on the median beats, the way 12-lead programs do it: QRS onset and offset
/// from the spatial velocity (mean absolute slope over all leads), which no single flat lead can fool;
/// T end and P onset per lead by the tangent method (steepest slope extended to the baseline), then the
/// median over leads. A point that cannot be found reliably is left null.</summary>
public sealed class Delineator
{
    /// <summary>QRS boundaries: spatial velocity falls below floor + this share of its QRS peak...</summary>
    public double QrsThresholdFraction { get; init; } = 0.12;
    /// <summary>...and stays there this long.</summary>
    public double QuietS { get; init; } = 0.012;
    /// <summary>Smallest T wave (µV) whose end is worth measuring.</summary>
    public double MinTAmplitudeUv { get; init; } = 50;
    /// <summary>Smallest P wave (µV) taken as a P wave rather than noise.</summary>
    public double MinPAmplitudeUv { get; init; } = 35;

    /// <summary>P waves are judged in the leads where they are tallest.</summary>
    private static readonly string[] PLeads = ["II", "I", "III", "aVF", "V1", "V2"];

    public Delineation? Delineate(IReadOnlyList<MedianBeat> beats, double? rrMeanMs)
    {
        if (beats.Count == 0) return null;
        var fs = beats[0].SamplingRateHz;
        var r = beats[0].RIndex;
        var length = beats[0].SamplesUv.Length;
        int Samples(double seconds) => Math.Max(1, (int)Math.Round(seconds * fs));
        var rr = Samples((rrMeanMs ?? 1000) / 1000);

        var velocity = SpatialVelocity(beats, Samples(0.01));
        var (onset, offset) = FindQrs(velocity, r, Samples);
        if (onset is null || offset is null) return null;
        var qrsMs = (offset.Value - onset.Value) * 1000 / fs;
        if (qrsMs is < 40 or > 220) return null;

        var isoLength = Samples(0.016);
        // The PR segment: close enough to the QRS that a fast rate's P wave is not mistaken for it.
        var isoStart = QuietestWindow(velocity, Math.Max(0, onset.Value - Samples(0.05)), onset.Value - Samples(0.004), isoLength);
        var partial = new Delineation(r, fs, onset.Value, offset.Value, isoStart, isoLength, null, null, null);

        var tLimit = Math.Min(length - 2, r + (int)(0.7 * rr));
        var tWaves = beats.Select(b => TWave(b, partial.BaselineUv(b), offset.Value + Samples(0.06), tLimit, Samples))
            .OfType<(double End, double AmplitudeUv)>().ToList();
        // Low T waves end vaguely and early; the ends that count are those of the leads with tall T waves.
        var tallest = tWaves.Count == 0 ? 0 : tWaves.Max(t => Math.Abs(t.AmplitudeUv));
        var tEnds = tWaves.Where(t => Math.Abs(t.AmplitudeUv) >= 0.5 * tallest).Select(t => t.End).ToList();
        int? tEnd = tEnds.Count == 0 ? null : (int)Math.Round(RobustStats.Median(tEnds));

        // The P search starts after the previous beat's T wave has ended, when we know where that is.
        var pStart = Math.Max(0, onset.Value - Samples(0.28));
        if (tEnd is not null) pStart = Math.Max(pStart, tEnd.Value - rr + Samples(0.02));
        var pEnd = onset.Value - Samples(0.02);
        var pBeats = beats.Where(b => PLeads.Contains(b.Lead, StringComparer.OrdinalIgnoreCase)).ToList();
        if (pBeats.Count == 0) pBeats = beats.ToList();
        var pOnsets = new List<double>();
        var judged = 0;
        foreach (var beat in pBeats)
        {
            var baseline = partial.BaselineUv(beat);
            if (double.IsNaN(baseline) || pEnd - pStart < Samples(0.04) || HasGap(beat, pStart, pEnd)) continue;
            judged++;
            if (POnset(beat, baseline, pStart, pEnd, Samples) is { } p) pOnsets.Add(p);
        }
        bool? pPresent = judged == 0 ? null : pOnsets.Count * 2 >= judged;
        int? pOnset = pPresent == true ? (int)Math.Round(RobustStats.Median(pOnsets)) : null;

        return partial with { TEnd = tEnd, POnset = pOnset, PWavePresent = pPresent };
    }

    /// <summary>Mean |slope| over the leads present at each sample, smoothed over <paramref name="smooth"/> samples.</summary>
    private static float[] SpatialVelocity(IReadOnlyList<MedianBeat> beats, int smooth)
    {
        var length = beats[0].SamplesUv.Length;
        var raw = new float[length];
        for (var k = 0; k < length - 1; k++)
        {
            double sum = 0;
            var count = 0;
            foreach (var beat in beats)
            {
                float a = beat.SamplesUv[k], b = beat.SamplesUv[k + 1];
                if (float.IsNaN(a) || float.IsNaN(b)) continue;
                sum += Math.Abs(b - a);
                count++;
            }
            raw[k] = count == 0 ? float.NaN : (float)(sum / count);
        }
        raw[length - 1] = float.NaN;
        var smoothed = new float[length];
        for (var k = 0; k < length; k++)
        {
            double sum = 0;
            var count = 0;
            for (var j = Math.Max(0, k - smooth / 2); j < Math.Min(length, k - smooth / 2 + smooth); j++)
            {
                if (float.IsNaN(raw[j])) continue;
                sum += raw[j];
                count++;
            }
            smoothed[k] = count == 0 ? float.NaN : (float)(sum / count);
        }
        return smoothed;
    }

    private (int? Onset, int? Offset) FindQrs(float[] velocity, int r, Func<double, int> samples)
    {
        var peak = r;
        for (var k = Math.Max(0, r - samples(0.04)); k <= Math.Min(velocity.Length - 1, r + samples(0.04)); k++)
            if (velocity[k] > velocity[peak] || float.IsNaN(velocity[peak])) peak = k;
        var floor = RobustStats.Quantile(velocity, 0.1);
        if (float.IsNaN(velocity[peak]) || float.IsNaN(floor) || velocity[peak] <= floor) return (null, null);
        var threshold = floor + QrsThresholdFraction * (velocity[peak] - floor);
        var quiet = samples(QuietS);

        int? onset = null;
        for (var k = peak; k >= Math.Max(quiet - 1, r - samples(0.2)); k--)
        {
            if (!IsQuiet(velocity, k - quiet + 1, quiet, threshold)) continue;
            onset = k + 1;
            break;
        }
        int? offset = null;
        for (var k = peak; k <= Math.Min(velocity.Length - quiet, r + samples(0.25)); k++)
        {
            if (!IsQuiet(velocity, k, quiet, threshold)) continue;
            offset = k;
            break;
        }
        return (onset, offset);
    }

    private static bool IsQuiet(float[] velocity, int start, int count, double threshold)
    {
        for (var k = start; k < start + count; k++)
            if (!(velocity[k] < threshold)) return false;
        return true;
    }

    /// <summary>Start of the window of <paramref name="length"/> samples in [from, to) with the least slope.</summary>
    private static int QuietestWindow(float[] velocity, int from, int to, int length)
    {
        var best = Math.Max(0, Math.Min(from, to - length));
        var bestSum = double.MaxValue;
        for (var s = from; s + length <= to; s++)
        {
            double sum = 0;
            for (var k = s; k < s + length; k++) sum += float.IsNaN(velocity[k]) ? 1e9 : velocity[k];
            if (sum >= bestSum) continue;
            bestSum = sum;
            best = s;
        }
        return best;
    }

    private static bool HasGap(MedianBeat beat, int from, int to)
    {
        for (var k = from; k < to; k++)
            if (float.IsNaN(beat.SamplesUv[k])) return true;
        return false;
    }

    /// <summary>Tangent method: the steepest slope after the T peak, extended to the baseline. Returns the
    /// T end and the T amplitude (µV).</summary>
    private (double End, double AmplitudeUv)? TWave(MedianBeat beat, double baseline, int from, int limit, Func<double, int> samples)
    {
        if (double.IsNaN(baseline) || from >= limit || HasGap(beat, from, limit + 1)) return null;
        var x = beat.SamplesUv;
        var peak = from;
        for (var k = from; k <= limit; k++)
            if (Math.Abs(x[k] - baseline) > Math.Abs(x[peak] - baseline)) peak = k;
        var amplitude = x[peak] - baseline;
        if (Math.Abs(amplitude) < MinTAmplitudeUv || peak >= limit - samples(0.01)) return null;

        var h = samples(0.004);
        var steepest = -1;
        var steepestSlope = 0.0;
        for (var k = peak + h; k <= limit - h; k++)
        {
            var slope = (x[k + h] - x[k - h]) / (2.0 * h);
            if (-Math.Sign(amplitude) * slope > -Math.Sign(amplitude) * steepestSlope)
            {
                steepestSlope = slope;
                steepest = k;
            }
        }
        if (steepest < 0 || Math.Abs(steepestSlope) < 1e-6) return null;
        var end = steepest - (x[steepest] - baseline) / steepestSlope;
        return end > peak && end <= limit + samples(0.04) ? (end, amplitude) : null;
    }

    /// <summary>A P wave is a hump of at least <see cref="MinPAmplitudeUv"/> above the straight line joining the
    /// window's ends, so the tail of the previous T wave or a slow drift does not pass for one; its onset is
    /// where the steepest upstroke meets the baseline.</summary>
    private double? POnset(MedianBeat beat, double baseline, int from, int to, Func<double, int> samples)
    {
        var x = beat.SamplesUv;
        var last = to - 1;
        double Trend(int k) => x[from] + (x[last] - x[from]) * (k - from) / (double)(last - from);
        var peak = from;
        for (var k = from; k < to; k++)
            if (Math.Abs(x[k] - Trend(k)) > Math.Abs(x[peak] - Trend(peak))) peak = k;
        var prominence = x[peak] - Trend(peak);
        var amplitude = x[peak] - baseline;
        var edge = samples(0.01);
        if (Math.Abs(prominence) < MinPAmplitudeUv || Math.Sign(amplitude) != Math.Sign(prominence)
            || peak < from + edge || peak > to - edge) return null;

        var h = samples(0.004);
        var steepest = -1;
        var steepestSlope = 0.0;
        for (var k = Math.Max(from, h); k <= peak - h; k++)
        {
            var slope = (x[k + h] - x[k - h]) / (2.0 * h);
            if (Math.Sign(amplitude) * slope > Math.Sign(amplitude) * steepestSlope)
            {
                steepestSlope = slope;
                steepest = k;
            }
        }
        if (steepest < 0 || Math.Abs(steepestSlope) < 1e-6) return null;
        var onset = steepest - (x[steepest] - baseline) / steepestSlope;
        return onset >= from - samples(0.02) && onset < peak ? onset : null;
    }
}
