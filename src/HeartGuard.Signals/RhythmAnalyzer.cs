namespace HeartGuard.Signals;

/// <summary>Rate and regularity from RR intervals.</summary>
public sealed record Rhythm(
    double? HeartRateBpm, double? RrMeanMs, double? RrSdMs, double? RrCoefficientOfVariation,
    double? NormalizedRmssd, bool? IsIrregular)
{
    public static readonly Rhythm Unknown = new(null, null, null, null, null, null);
}

/// <summary>Step 4a, rhythm: heart rate from the RR intervals of the whole page, RR spread, and irregularity.
/// The rate is 60 / median RR: the median is the cycle length, which one ectopic beat's short-long pair or
/// one missed or extra detection cannot move. In AF too: the machine that printed the Mendeley pages reports
/// the median's rate there, not the mean's (60 / mean RR put 4 of its AF pages 4-6 bpm off the printed rate,
/// the median 1 of them: 267 -> 270 of 283 pages within 3 bpm).
/// Only intervals between beats of one uninterrupted stretch count: a beat on either side of a hole in
/// the trace is not an RR interval.</summary>
public sealed class RhythmAnalyzer
{
    /// <summary>Fewer RR intervals than this give no rate (a 1 s strip, a single beat).</summary>
    public int MinIntervalsForRate { get; init; } = 2;
    /// <summary>Irregularity needs a few more intervals to mean anything.</summary>
    public int MinIntervalsForRegularity { get; init; } = 4;
    /// <summary>Normalised RMSSD above this is irregular: sinus arrhythmia stays below, AF is far above.</summary>
    public double IrregularNormalizedRmssd { get; init; } = 0.10;

    public Rhythm Analyze(BeatDetection beats, double samplingRateHz)
    {
        var rrMs = new List<double>();
        var peaks = beats.RPeakSamples;
        for (var i = 1; i < peaks.Length; i++)
            if (beats.SearchedRuns.Any(run => run.Contains(peaks[i - 1]) && run.Contains(peaks[i])))
                rrMs.Add((peaks[i] - peaks[i - 1]) * 1000.0 / samplingRateHz);
        if (rrMs.Count < MinIntervalsForRate) return Rhythm.Unknown;

        var mean = rrMs.Average();
        var sd = Math.Sqrt(rrMs.Sum(rr => (rr - mean) * (rr - mean)) / (rrMs.Count - 1));
        var median = RobustStats.Median(rrMs);
        var rateBpm = 60000 / median;
        if (rrMs.Count < MinIntervalsForRegularity) return new Rhythm(rateBpm, mean, sd, sd / mean, null, null);

        double sumSquares = 0;
        var successive = 0;
        for (var i = 1; i < rrMs.Count; i++)
        {
            sumSquares += (rrMs[i] - rrMs[i - 1]) * (rrMs[i] - rrMs[i - 1]);
            successive++;
        }
        var normalizedRmssd = Math.Sqrt(sumSquares / successive) / mean;
        return new Rhythm(rateBpm, mean, sd, sd / mean, normalizedRmssd, normalizedRmssd > IrregularNormalizedRmssd);
    }

    /// <summary>At least <paramref name="minShare"/> of the RR intervals within 15 % of the median (and at
    /// least 3 intervals): a rhythm with one cycle length, in which an odd interval is an ectopic beat or a
    /// detection error (AF, with RR spread over ±45 %, is not).</summary>
    public static bool IsMostlyRegular(IReadOnlyList<double> rrIntervals, double median, double minShare = 0.6)
    {
        if (rrIntervals.Count < 3) return false;
        var near = 0;
        foreach (var rr in rrIntervals) if (Math.Abs(rr - median) <= 0.15 * median) near++;
        return near >= minShare * rrIntervals.Count;
    }

    /// <summary>AF-likeness in 0..1: half from RR irregularity (normalised RMSSD 0.05 -> 0, 0.15 -> 1),
    /// half from a missing P wave. Null when the rhythm could not be judged.</summary>
    public static double? AfScore(Rhythm rhythm, bool? pWavePresent)
    {
        if (rhythm.NormalizedRmssd is not { } nrmssd) return null;
        var irregularity = Math.Clamp((nrmssd - 0.05) / 0.10, 0, 1);
        var noP = pWavePresent switch { false => 1.0, true => 0.0, null => 0.5 };
        return Math.Round(0.5 * irregularity + 0.5 * noP, 3);
    }
}
