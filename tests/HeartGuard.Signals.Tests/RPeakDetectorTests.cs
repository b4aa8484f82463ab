using HeartGuard.Core;

namespace HeartGuard.Signals.Tests;

public class RPeakDetectorTests
{
    private const double Fs = 500;

    private static CleanedLead Cleaned(string name, float[] samples)
    {
        var cleaned = new EcgCleaner().Clean(new Lead(name, samples), Fs);
        return new CleanedLead(name, cleaned, cleaned.Count(v => !float.IsNaN(v)));
    }

    [Theory]
    [InlineData(40, 1)]
    [InlineData(75, 1)]
    [InlineData(180, 1)]
    [InlineData(75, -1)]
    public void Finds_every_beat_on_its_r_peak_whatever_the_rate_or_polarity(double bpm, int polarity)
    {
        var truth = GaussianBeats.Regular(bpm, 10);
        var lead = GaussianBeats.Lead(Fs, 10, truth).Select(v => polarity * v).ToArray();

        var detection = new RPeakDetector().Detect([Cleaned("II", lead)], Fs);

        Assert.Equal(truth.Length, detection.RPeakSamples.Length);
        for (var i = 0; i < truth.Length; i++)
            Assert.InRange(detection.RPeakSamples[i], truth[i] * Fs - 2, truth[i] * Fs + 2);
    }

    /// <summary>Inferior STEMI in lead III: a small negative QRS under a T wave twice its size, rising straight
    /// out of the ST segment. The R must still be placed on the QRS, not on the T's upstroke.</summary>
    [Fact]
    public void Places_the_r_on_a_small_negative_qrs_under_a_towering_t_wave()
    {
        var truth = GaussianBeats.Regular(80, 10);
        var lead = GaussianBeats.Lead(Fs, 10, truth, qrsUv: -350, tUv: 700, tAfterRS: 0.2);

        var detection = new RPeakDetector().Detect([Cleaned("III", lead)], Fs);

        Assert.Equal(truth.Length, detection.RPeakSamples.Length);
        for (var i = 0; i < truth.Length; i++)
            Assert.InRange(detection.RPeakSamples[i], truth[i] * Fs - 5, truth[i] * Fs + 5);
    }

    [Fact]
    public void Fuses_leads_that_each_show_only_part_of_the_record()
    {
        // A 6x2 page: I shows the first 5 s, V1 the last 5 s, no lead spans the whole record.
        var truth = GaussianBeats.Regular(72, 10);
        var first = GaussianBeats.Lead(Fs, 10, truth);
        var second = GaussianBeats.Lead(Fs, 10, truth, qrsUv: -700);
        for (var i = 0; i < 2500; i++) second[i] = float.NaN;
        for (var i = 2500; i < 5000; i++) first[i] = float.NaN;

        var leads = new RhythmLeadSelector { Strategy = RhythmLeadStrategy.LongestLead }.Select([Cleaned("I", first), Cleaned("V1", second)]);
        var detection = new RPeakDetector().Detect(leads, Fs);

        Assert.Equal(2, leads.Count);
        Assert.Equal("fused", detection.Source);
        Assert.Equal(truth.Length, detection.RPeakSamples.Length);
        for (var i = 0; i < truth.Length; i++)
            Assert.InRange(detection.RPeakSamples[i], truth[i] * Fs - 3, truth[i] * Fs + 3);
    }

    [Fact]
    public void Prefers_the_full_rhythm_strip_over_short_cells()
    {
        var truth = GaussianBeats.Regular(72, 10);
        var cell = GaussianBeats.Lead(Fs, 10, truth);
        for (var i = 1250; i < 5000; i++) cell[i] = float.NaN;

        var leads = new RhythmLeadSelector { Strategy = RhythmLeadStrategy.LongestLead }.Select([Cleaned("I", cell), Cleaned("II", GaussianBeats.Lead(Fs, 10, truth))]);

        Assert.Equal("II", Assert.Single(leads).Name);
    }

    [Fact]
    public void Finds_nothing_in_a_flat_or_missing_lead()
    {
        var flat = new float[5000];
        var missing = Enumerable.Repeat(float.NaN, 5000).ToArray();

        Assert.Empty(new RhythmLeadSelector().Select([Cleaned("II", flat), Cleaned("I", missing)]));
        Assert.Empty(new RPeakDetector().Detect([], Fs).RPeakSamples);
    }
}
