namespace HeartGuard.Signals;

/// <summary>Step 3a: one representative beat per lead, the sample-wise median of all its beats aligned on
/// their R peaks. The median keeps the dominant morphology and drops noise, an occasional ectopic beat and
/// the random f-waves of AF. A lead shown only in one 2.5 s cell still gets its median from the 2-4 beats
/// it shows: beats cut by the cell edge contribute the samples they have.</summary>
public sealed class MedianBeatBuilder
{
    /// <summary>Window before the R: room for the longest normal PR plus the P wave.</summary>
    public double PreRS { get; init; } = 0.35;
    /// <summary>Window after the R: room for the T end of a slow beat (QT up to ~0.6 s).</summary>
    public double PostRS { get; init; } = 0.6;

    /// <summary>A record with fewer beats than this has no representative beat (one beat is an anecdote).</summary>
    public int MinRecordBeats { get; init; } = 2;

    public MedianBeat? Build(CleanedLead lead, IReadOnlyList<int> rPeaks, double samplingRateHz)
    {
        if (rPeaks.Count < MinRecordBeats) return null;
        var pre = (int)Math.Round(PreRS * samplingRateHz);
        var length = pre + (int)Math.Round(PostRS * samplingRateHz);
        var x = lead.SamplesUv;
        // A beat counts for this lead only if the lead shows its R peak.
        var beats = rPeaks.Where(r => !float.IsNaN(x[r])).ToList();
        if (beats.Count == 0) return null;

        var median = new float[length];
        var column = new float[beats.Count];
        for (var k = 0; k < length; k++)
        {
            var count = 0;
            foreach (var r in beats)
            {
                var i = r - pre + k;
                if (i >= 0 && i < x.Length && !float.IsNaN(x[i])) column[count++] = x[i];
            }
            median[k] = count == 0 ? float.NaN : MedianInPlace(column.AsSpan(0, count));
        }
        return new MedianBeat(lead.Name, samplingRateHz, pre, median, beats.Count);
    }

    private static float MedianInPlace(Span<float> values)
    {
        values.Sort();
        var mid = values.Length / 2;
        return values.Length % 2 == 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
    }
}
