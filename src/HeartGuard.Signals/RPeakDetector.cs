namespace HeartGuard.Signals;

/// <summary>Detected beats: R-peak sample indices and the stretches of the record beats could be looked for
/// in (an RR interval is only real when both beats lie in the same stretch).</summary>
public sealed record BeatDetection(int[] RPeakSamples, IReadOnlyList<SampleRun> SearchedRuns, string Source)
{
    public static readonly BeatDetection None = new([], [], "none");
}

/// <summary>Step 2b, R-peak detection with NeuroKit2's gradient method (ecg_findpeaks, method "neurokit"):
/// the smoothed absolute slope above 1.5x its own 0.75 s moving average marks QRS regions, and each region's
/// peak is the R. On several leads the slopes are normalised per lead and averaged, so a beat is found
/// wherever any lead shows it.</summary>
public sealed class RPeakDetector
{
    public double SmoothWindowS { get; init; } = 0.1;
    public double AverageWindowS { get; init; } = 0.75;
    public double ThresholdWeight { get; init; } = 1.5;
    public double MinLengthWeight { get; init; } = 0.4;
    /// <summary>Refractory period: two R peaks closer than this are one beat. 0.2 s (not NeuroKit's 0.3 s)
    /// keeps early PVCs and fast AF beats.</summary>
    public double MinDelayS { get; init; } = 0.2;
    /// <summary>A region whose peak slope is below this share of the typical QRS slope is a T wave or noise:
    /// at slow rates the 0.75 s average is too short to keep tall T waves under the threshold.</summary>
    public double MinSlopeRatio { get; init; } = 0.2;

    public BeatDetection Detect(IReadOnlyList<CleanedLead> leads, double samplingRateHz)
    {
        if (leads.Count == 0) return BeatDetection.None;
        var n = leads[0].SamplesUv.Length;
        var slope = new float[n];
        var locator = new float[n];
        BuildDetectionSignals(leads, slope, locator);

        var runs = PresentRuns.Find(slope, (int)Math.Round(EcgCleaner.MinRunS * samplingRateHz));
        var peaks = new List<int>();
        foreach (var run in runs) DetectInRun(slope, locator, run, samplingRateHz, peaks);
        return new BeatDetection(peaks.ToArray(), runs, leads.Count == 1 ? leads[0].Name : "fused");
    }

    /// <summary>Per sample, the mean over present leads of |slope| / that lead's 99th-percentile |slope|, and
    /// of the polarity-corrected amplitude / that lead's 99th-percentile |amplitude| (which locates the R).</summary>
    private static void BuildDetectionSignals(IReadOnlyList<CleanedLead> leads, float[] slope, float[] locator)
    {
        var n = slope.Length;
        var counts = new int[n];
        var gradient = new float[n];
        foreach (var lead in leads)
        {
            var x = lead.SamplesUv;
            Gradient(x, gradient);
            var slopeScale = RobustStats.Quantile(gradient, 0.99, absolute: true);
            var amplitudeScale = RobustStats.Quantile(x, 0.99, absolute: true);
            if (!(slopeScale > 0) || !(amplitudeScale > 0)) continue;
            // The dominant deflection may point down (aVR, V1); flip such leads so the R is a maximum.
            var polarity = RobustStats.Quantile(x, 0.995) >= -RobustStats.Quantile(x, 0.005) ? 1f : -1f;
            for (var i = 0; i < n; i++)
            {
                if (float.IsNaN(gradient[i])) continue;
                slope[i] += Math.Abs(gradient[i]) / slopeScale;
                locator[i] += polarity * x[i] / amplitudeScale;
                counts[i]++;
            }
        }
        for (var i = 0; i < n; i++)
        {
            if (counts[i] == 0) slope[i] = locator[i] = float.NaN;
            else
            {
                slope[i] /= counts[i];
                locator[i] /= counts[i];
            }
        }
    }

    /// <summary>Central differences (one-sided at run edges); NaN where the sample or both neighbours are missing.</summary>
    private static void Gradient(ReadOnlySpan<float> x, Span<float> gradient)
    {
        for (var i = 0; i < x.Length; i++)
        {
            var hasPrev = i > 0 && !float.IsNaN(x[i - 1]);
            var hasNext = i < x.Length - 1 && !float.IsNaN(x[i + 1]);
            gradient[i] = float.IsNaN(x[i]) ? float.NaN
                : hasPrev && hasNext ? (x[i + 1] - x[i - 1]) / 2
                : hasNext ? x[i + 1] - x[i]
                : hasPrev ? x[i] - x[i - 1]
                : float.NaN;
        }
    }

    private void DetectInRun(float[] slope, float[] locator, SampleRun run, double fs, List<int> peaks)
    {
        var smooth = MovingAverage(slope.AsSpan(run.Start, run.Length), Math.Max(1, (int)Math.Round(SmoothWindowS * fs)));
        var average = MovingAverage(smooth, Math.Max(1, (int)Math.Round(AverageWindowS * fs)));

        var regions = new List<(int Begin, int End)>();
        var begin = -1;
        for (var i = 0; i < smooth.Length; i++)
        {
            var inQrs = smooth[i] > ThresholdWeight * average[i];
            if (inQrs && begin < 0) begin = i;
            else if (!inQrs && begin >= 0)
            {
                regions.Add((begin, i));
                begin = -1;
            }
        }
        if (begin >= 0) regions.Add((begin, smooth.Length));
        if (regions.Count == 0) return;
        var minLength = MinLengthWeight * regions.Average(r => r.End - r.Begin);
        var peakSlopes = regions.Select(r => Max(smooth.AsSpan(r.Begin, r.End - r.Begin))).ToArray();
        var typicalSlope = RobustStats.Quantile(peakSlopes, 0.75);
        var minDelay = (int)Math.Round(MinDelayS * fs);
        var firstOfRun = peaks.Count;

        for (var region = 0; region < regions.Count; region++)
        {
            var (b, e) = regions[region];
            if (e - b < minLength || peakSlopes[region] < MinSlopeRatio * typicalSlope) continue;
            var peak = run.Start + b;
            for (var i = run.Start + b; i < run.Start + e; i++)
                if (locator[i] > locator[peak]) peak = i;
            // A maximum on the run's edge is a beat cut off by the page, not a measurable R.
            if (peak <= run.Start || peak >= run.End - 1) continue;
            if (peaks.Count > firstOfRun && peak - peaks[^1] < minDelay)
            {
                if (locator[peak] > locator[peaks[^1]]) peaks[^1] = peak;
                continue;
            }
            peaks.Add(peak);
        }
    }

    private static float Max(ReadOnlySpan<float> values)
    {
        var max = float.MinValue;
        foreach (var v in values) max = Math.Max(max, v);
        return max;
    }

    /// <summary>Centred boxcar mean; the window shrinks at the edges instead of padding with zeros.</summary>
    private static float[] MovingAverage(ReadOnlySpan<float> x, int window)
    {
        var prefix = new double[x.Length + 1];
        for (var i = 0; i < x.Length; i++) prefix[i + 1] = prefix[i] + x[i];
        var result = new float[x.Length];
        var half = window / 2;
        for (var i = 0; i < x.Length; i++)
        {
            int lo = Math.Max(0, i - half), hi = Math.Min(x.Length, i - half + window);
            result[i] = (float)((prefix[hi] - prefix[lo]) / (hi - lo));
        }
        return result;
    }
}
