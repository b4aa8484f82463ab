namespace HeartGuard.Signals;

/// <summary>Step 2b, beats by vote over the leads: R peaks are detected in every usable lead on its own, and a
/// beat is kept where more than half of the leads that show that moment found it (a tie is no beat: the
/// leads disagree). A T wave or noise spike counted in one low-voltage lead is
/// outvoted by the simultaneous leads, and a small QRS the strip misses is restored by the leads in which it
/// is large. With a single lead this is that lead's detection.</summary>
public sealed class BeatConsensus
{
    public RPeakDetector Detector { get; init; } = new();

    /// <summary>Detections of one beat in different leads lie within this of each other (R, or S in an
    /// rS lead, are at most a QRS width apart; two beats are never closer than the refractory period).</summary>
    public double MatchToleranceS { get; init; } = 0.08;

    /// <summary>A lead takes part in the vote on a moment only this far inside one of its stretches: nearer a
    /// cell edge the single-lead detector cannot see a whole QRS (its silence is no vote against), and the
    /// trace start is where pulses, separators and pen lifts make false beats (no vote for).</summary>
    public double CoverageMarginS { get; init; } = 0.2;

    public BeatDetection Detect(IReadOnlyList<CleanedLead> leads, double samplingRateHz)
    {
        if (leads.Count <= 1) return Detector.Detect(leads, samplingRateHz);
        var perLead = new BeatDetection[leads.Count];
        for (var l = 0; l < leads.Count; l++) perLead[l] = Detector.Detect([leads[l]], samplingRateHz);

        var tolerance = (int)Math.Round(MatchToleranceS * samplingRateHz);
        var margin = (int)Math.Round(CoverageMarginS * samplingRateHz);
        var beats = new List<(int Sample, int Votes)>();
        var edgeGuard = (int)Math.Round(Detector.EdgeGuardS * samplingRateHz);
        foreach (var cluster in Cluster(perLead, tolerance))
        {
            // Where no lead shows the moment well inside its stretch (the first and last fraction of a second of
            // the record), the leads that show it at all decide.
            var (covering, votes) = Tally(perLead, cluster, margin);
            if (covering == 0) (covering, votes) = Tally(perLead, cluster, edgeGuard);
            if (2 * votes > covering) beats.Add((cluster.Position, cluster.Votes));
        }
        RestoreReferenceBeatsInGaps(beats, perLead[0].RPeakSamples);
        var minDelay = (int)Math.Round(Detector.MinDelayS * samplingRateHz);
        var peaks = new List<int>(beats.Count);
        var peakVotes = new List<int>(beats.Count);
        foreach (var (sample, votes) in beats)
        {
            // Two accepted beats inside the refractory period are one beat seen twice: the better-supported stays.
            if (peaks.Count > 0 && sample - peaks[^1] < minDelay)
            {
                if (votes > peakVotes[^1]) (peaks[^1], peakVotes[^1]) = (sample, votes);
                continue;
            }
            peaks.Add(sample);
            peakVotes.Add(votes);
        }
        var n = leads[0].SamplesUv.Length;
        return new BeatDetection([.. peaks], UnionRuns(perLead, n, (int)Math.Round(EcgCleaner.MinRunS * samplingRateHz)),
            "consensus");
    }

    /// <summary>An RR interval longer than this share of the median is a gap the vote made, not a pause.</summary>
    public double GapRatio { get; init; } = 1.5;

    /// <summary>Where the vote left an interval far longer than the rhythm's (the simultaneous leads are too
    /// noisy to agree on anything there), the reference lead's own beats in it are taken back: a rejected T wave
    /// leaves a normal RR behind, a rejected real beat a gap. A true pause has no reference beats to restore.</summary>
    private void RestoreReferenceBeatsInGaps(List<(int Sample, int Votes)> beats, int[] referencePeaks)
    {
        if (beats.Count < 3 || referencePeaks.Length == 0) return;
        var rr = new List<double>(beats.Count - 1);
        for (var i = 1; i < beats.Count; i++) rr.Add(beats[i].Sample - beats[i - 1].Sample);
        var gap = GapRatio * RobustStats.Median(rr);
        var restored = new List<(int Sample, int Votes)>();
        for (var i = 1; i < beats.Count; i++)
        {
            if (beats[i].Sample - beats[i - 1].Sample <= gap) continue;
            foreach (var p in referencePeaks)
                if (p > beats[i - 1].Sample && p < beats[i].Sample) restored.Add((p, 1));
        }
        if (restored.Count == 0) return;
        beats.AddRange(restored);
        beats.Sort((a, b) => a.Sample.CompareTo(b.Sample));
    }

    private readonly record struct BeatCluster(int Position, int Votes, long LeadMask);

    /// <summary>Groups the leads' detections of the same beat, at most one per lead. The position is the
    /// reference lead's R when it found the beat (one lead's RR intervals carry no inter-lead jitter), else the
    /// median of the others'.</summary>
    private static List<BeatCluster> Cluster(BeatDetection[] perLead, int tolerance)
    {
        var all = new List<(int Sample, int Lead)>();
        for (var l = 0; l < perLead.Length && l < 64; l++)
            foreach (var p in perLead[l].RPeakSamples) all.Add((p, l));
        all.Sort((a, b) => a.Sample.CompareTo(b.Sample));

        var clusters = new List<BeatCluster>();
        var members = new List<(int Sample, int Lead)>();
        long mask = 0;
        foreach (var detection in all)
        {
            var fits = members.Count > 0 && detection.Sample - members[0].Sample <= tolerance && (mask & (1L << detection.Lead)) == 0;
            if (!fits && members.Count > 0)
            {
                clusters.Add(Close(members, mask));
                members.Clear();
                mask = 0;
            }
            members.Add(detection);
            mask |= 1L << detection.Lead;
        }
        if (members.Count > 0) clusters.Add(Close(members, mask));
        return clusters;
    }

    private static BeatCluster Close(List<(int Sample, int Lead)> members, long mask)
    {
        foreach (var m in members)
            if (m.Lead == 0) return new BeatCluster(m.Sample, members.Count, mask);
        var samples = new int[members.Count];
        for (var i = 0; i < samples.Length; i++) samples[i] = members[i].Sample;
        Array.Sort(samples);
        return new BeatCluster(samples[samples.Length / 2], members.Count, mask);
    }

    private static (int Covering, int Votes) Tally(BeatDetection[] perLead, BeatCluster cluster, int margin)
    {
        int covering = 0, votes = 0;
        for (var l = 0; l < perLead.Length; l++)
        {
            if (!Covers(perLead[l].SearchedRuns, cluster.Position, margin)) continue;
            covering++;
            if ((cluster.LeadMask & (1L << l)) != 0) votes++;
        }
        return (covering, votes);
    }

    private static bool Covers(IReadOnlyList<SampleRun> runs, int sample, int margin)
    {
        foreach (var run in runs)
            if (sample >= run.Start + margin && sample < run.End - margin) return true;
        return false;
    }

    /// <summary>Stretches where any lead was searched: an RR interval is real when both beats lie in one.</summary>
    private static List<SampleRun> UnionRuns(BeatDetection[] perLead, int length, int minLength)
    {
        var searched = new float[length];
        Array.Fill(searched, float.NaN);
        foreach (var detection in perLead)
            foreach (var run in detection.SearchedRuns)
                searched.AsSpan(run.Start, run.Length).Fill(0);
        return PresentRuns.Find(searched, minLength);
    }
}
