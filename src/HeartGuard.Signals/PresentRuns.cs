namespace HeartGuard.Signals;

/// <summary>A contiguous stretch of present (non-NaN) samples: [Start, Start + Length).</summary>
public readonly record struct SampleRun(int Start, int Length)
{
    public int End => Start + Length;
    public bool Contains(int index) => index >= Start && index < End;
}

/// <summary>Digitized leads are present only where the page shows them (a 2.5 s cell, a 10 s strip) and may
/// have short holes where the trace was lost; every step works run by run so it never filters or
/// differentiates across a hole.</summary>
public static class PresentRuns
{
    /// <summary>Runs of non-NaN samples of at least <paramref name="minLength"/> samples.</summary>
    public static List<SampleRun> Find(ReadOnlySpan<float> samples, int minLength = 1)
    {
        var runs = new List<SampleRun>();
        var start = -1;
        for (var i = 0; i <= samples.Length; i++)
        {
            var present = i < samples.Length && !float.IsNaN(samples[i]);
            if (present && start < 0) start = i;
            else if (!present && start >= 0)
            {
                if (i - start >= minLength) runs.Add(new SampleRun(start, i - start));
                start = -1;
            }
        }
        return runs;
    }

    /// <summary>Fills holes of at most <paramref name="maxGap"/> samples between present samples by linear
    /// interpolation, in place. Longer holes stay missing: inventing a beat is worse than losing one.</summary>
    public static void FillShortGaps(Span<float> samples, int maxGap)
    {
        var lastPresent = -1;
        for (var i = 0; i < samples.Length; i++)
        {
            if (float.IsNaN(samples[i])) continue;
            var gap = i - lastPresent - 1;
            if (lastPresent >= 0 && gap > 0 && gap <= maxGap)
            {
                float a = samples[lastPresent], b = samples[i];
                for (var k = 1; k <= gap; k++) samples[lastPresent + k] = a + (b - a) * k / (gap + 1);
            }
            lastPresent = i;
        }
    }
}
