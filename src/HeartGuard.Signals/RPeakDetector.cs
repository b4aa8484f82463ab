using System.Runtime.InteropServices;

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
    /// <summary>Pan and Tompkins' T-wave rule: a region starting within this time of the previous beat, with
    /// less than <see cref="TWaveSlopeRatio"/> of that beat's slope, is its T wave (hyperacute T waves and
    /// small QRS complexes make the two comparable).</summary>
    public double TWaveWindowS { get; init; } = 0.36;
    public double TWaveSlopeRatio { get; init; } = 0.65;
    /// <summary>A region whose peak slope is below this share of the typical QRS slope is a T wave or noise:
    /// at slow rates the 0.75 s average is too short to keep tall T waves under the threshold.</summary>
    public double MinSlopeRatio { get; init; } = 0.2;

    public BeatDetection Detect(IReadOnlyList<CleanedLead> leads, double samplingRateHz)
    {
        if (leads.Count == 0) return BeatDetection.None;
        var n = leads[0].SamplesUv.Length;
        var slope = new float[n];
        var locator = new float[n];
        BuildDetectionSignals(leads, samplingRateHz, slope, locator);

        var runs = PresentRuns.Find(slope, (int)Math.Round(EcgCleaner.MinRunS * samplingRateHz));
        var peaks = new List<int>();
        foreach (var run in runs) DetectInRun(slope, locator, run, samplingRateHz, peaks);
        return new BeatDetection(peaks.ToArray(), runs, leads.Count == 1 ? leads[0].Name : "fused");
    }

    /// <summary>The slope is taken after a 5-15 Hz band-pass (Pan and Tompkins' QRS band): a tall T wave
    /// (hyperacute, or beside a small QRS) has most of its energy below 5 Hz and would otherwise compete.</summary>
    public double QrsBandLowHz { get; init; } = 5;
    public double QrsBandHighHz { get; init; } = 15;

    /// <summary>A beat splitting an RR into two shorter than this share of the median, with less than
    /// <see cref="SpuriousSlopeRatio"/> of its neighbours' slope, is dropped.</summary>
    public double EarlyBeatRatio { get; init; } = 0.7;
    public double SpuriousSlopeRatio { get; init; } = 1.0;
    /// <summary>An edge beat closer than this share of the median RR to its neighbour is dropped.</summary>
    public double EarlyEdgeBeatRatio { get; init; } = 0.7;
    /// <summary>Normalised slopes are clipped here (a QRS reaches about 1).</summary>
    public float MaxNormalizedSlope { get; init; } = 2;
    /// <summary>The R is looked for this far either side of the region's steepest point, not over the whole
    /// region: the slope's 0.1 s smoothing widens a region past its QRS into the ST segment, whose amplitude can
    /// exceed a small R (Mendeley: 271 -> 272 pages within 3 bpm of the printed rate).</summary>
    public double RSearchHalfWidthS { get; init; } = 0.05;
    /// <summary>A maximum this close to the edge of a stretch is a beat cut off by the cell edge or an
    /// artifact where the trace starts (calibration pulse, label), not a measurable R.</summary>
    public double EdgeGuardS { get; init; } = 0.06;

    /// <summary>Per sample, the mean over present leads of |QRS-band slope| / that lead's 99th-percentile, and
    /// of the polarity-corrected amplitude / that lead's 99th-percentile |amplitude| (which locates the R).</summary>
    private void BuildDetectionSignals(IReadOnlyList<CleanedLead> leads, double samplingRateHz, float[] slope, float[] locator)
    {
        var n = slope.Length;
        var counts = new int[n];
        var gradient = new float[n];
        var band = new float[n];
        var qrsBand = new ZeroPhaseFilter([
            Biquad.HighPass(QrsBandLowHz, samplingRateHz),
            Biquad.LowPass(Math.Min(QrsBandHighHz, 0.45 * samplingRateHz), samplingRateHz)]);
        var pad = (int)Math.Round(0.2 * samplingRateHz);
        foreach (var lead in leads)
        {
            var x = lead.SamplesUv;
            x.CopyTo(band, 0);
            foreach (var run in PresentRuns.Find(band)) qrsBand.Apply(band.AsSpan(run.Start, run.Length), pad);
            Gradient(band, gradient);
            var slopeScale = RobustStats.Quantile(gradient, 0.99, absolute: true);
            var amplitudeScale = RobustStats.Quantile(x, 0.99, absolute: true);
            if (!(slopeScale > 0) || !(amplitudeScale > 0)) continue;
            var polarity = QrsPolarity(x, gradient, slopeScale);
            for (var i = 0; i < n; i++)
            {
                if (float.IsNaN(gradient[i])) continue;
                // Clipped so that one artifact (a pulse edge, a label stroke) cannot lift the moving average
                // and hide the beats around it.
                slope[i] += Math.Min(MaxNormalizedSlope, Math.Abs(gradient[i]) / slopeScale);
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

    /// <summary>+1 when the QRS complexes' largest deflection points up, -1 when down (aVR, V1, an rS lead),
    /// so that the R to locate is a maximum. Read only where the QRS-band slope is steep, i.e. inside the
    /// complexes: over the whole lead a hyperacute T wave taller than a negative QRS would set the sign.</summary>
    private static float QrsPolarity(float[] x, float[] gradient, float slopeScale)
    {
        var inQrs = new List<float>();
        for (var i = 0; i < x.Length; i++)
            if (Math.Abs(gradient[i]) >= QrsSlopeShare * slopeScale && !float.IsNaN(x[i])) inQrs.Add(x[i]);
        if (inQrs.Count == 0) return 1;
        var level = RobustStats.Quantile(x, 0.5);
        var qrs = CollectionsMarshal.AsSpan(inQrs);
        return RobustStats.Quantile(qrs, 0.99) - level >= level - RobustStats.Quantile(qrs, 0.01) ? 1f : -1f;
    }

    /// <summary>Samples with at least this share of the lead's 99th-percentile QRS-band slope lie inside a QRS.</summary>
    private const float QrsSlopeShare = 0.5f;

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
        var steepestAt = regions.Select(r => r.Begin + ArgMax(smooth.AsSpan(r.Begin, r.End - r.Begin))).ToArray();
        var peakSlopes = steepestAt.Select(i => smooth[i]).ToArray();
        var typicalSlope = RobustStats.Quantile(peakSlopes, 0.75);
        var minDelay = (int)Math.Round(MinDelayS * fs);
        var firstOfRun = peaks.Count;
        var tWaveWindow = (int)Math.Round(TWaveWindowS * fs);
        var lastSlope = 0f;
        var slopes = new List<float>();
        var edgeGuard = (int)Math.Round(EdgeGuardS * fs);
        var rWindow = (int)Math.Round(RSearchHalfWidthS * fs);

        for (var region = 0; region < regions.Count; region++)
        {
            var (b, e) = regions[region];
            if (e - b < minLength || peakSlopes[region] < MinSlopeRatio * typicalSlope) continue;
            if (peaks.Count > firstOfRun && run.Start + b - peaks[^1] < tWaveWindow
                && peakSlopes[region] < TWaveSlopeRatio * lastSlope) continue;
            int from = run.Start + Math.Max(b, steepestAt[region] - rWindow), to = run.Start + Math.Min(e, steepestAt[region] + rWindow + 1);
            var peak = from;
            for (var i = from; i < to; i++)
                if (locator[i] > locator[peak]) peak = i;
            if (peak < run.Start + edgeGuard || peak >= run.End - edgeGuard) continue;
            if (peaks.Count > firstOfRun && peak - peaks[^1] < minDelay)
            {
                if (locator[peak] > locator[peaks[^1]]) (peaks[^1], slopes[^1], lastSlope) = (peak, peakSlopes[region], peakSlopes[region]);
                continue;
            }
            peaks.Add(peak);
            slopes.Add(peakSlopes[region]);
            lastSlope = peakSlopes[region];
        }
        DropSpuriousBeats(peaks, slopes, firstOfRun);
    }

    /// <summary>Beats a mostly regular rhythm says are not beats (NeuroKit's signal_fixpeaks idea, kept
    /// conservative; nothing is dropped in an irregular rhythm, where a short RR may be real): an edge beat far too early for the rhythm (the artifact where a printed trace starts or
    /// stops: pulse, label, pen lift), and a beat splitting one normal RR into two short ones while its slope
    /// is below both neighbours' (a noise spike in a low-voltage lead).</summary>
    private void DropSpuriousBeats(List<int> peaks, List<float> slopes, int firstOfRun)
    {
        if (peaks.Count - firstOfRun < 4) return;
        var rr = new List<double>();
        for (var i = firstOfRun + 1; i < peaks.Count; i++) rr.Add(peaks[i] - peaks[i - 1]);
        var median = RobustStats.Median(rr);
        if (!RhythmAnalyzer.IsMostlyRegular(rr, median)) return;
        var early = EarlyBeatRatio * median;
        for (var i = peaks.Count - 2; i > firstOfRun; i--)
        {
            if (peaks[i] - peaks[i - 1] >= early || peaks[i + 1] - peaks[i] >= early) continue;
            if (Math.Abs(peaks[i + 1] - peaks[i - 1] - median) > 0.25 * median) continue;
            if (slopes[i - firstOfRun] >= SpuriousSlopeRatio * Math.Min(slopes[i - 1 - firstOfRun], slopes[i + 1 - firstOfRun])) continue;
            peaks.RemoveAt(i);
            slopes.RemoveAt(i - firstOfRun);
        }
        var edgeEarly = EarlyEdgeBeatRatio * median;
        if (peaks.Count - firstOfRun >= 3 && peaks[^1] - peaks[^2] < edgeEarly) peaks.RemoveAt(peaks.Count - 1);
        if (peaks.Count - firstOfRun >= 3 && peaks[firstOfRun + 1] - peaks[firstOfRun] < edgeEarly) peaks.RemoveAt(firstOfRun);
    }

    /// <summary>Index of the first largest value.</summary>
    private static int ArgMax(ReadOnlySpan<float> values)
    {
        var best = 0;
        for (var i = 1; i < values.Length; i++) if (values[i] > values[best]) best = i;
        return best;
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
