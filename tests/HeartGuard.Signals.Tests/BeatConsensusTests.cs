namespace HeartGuard.Signals.Tests;

/// <summary>Beats by vote on a 3x4+1-like record: a 10 s strip and, per 2.5 s column, three simultaneous cells.</summary>
public class BeatConsensusTests
{
    private const double Fs = 500, DurationS = 10;

    private static CleanedLead Cleaned(string name, float[] samples)
    {
        var cleaned = new EcgCleaner().Clean(new HeartGuard.Core.Lead(name, samples), Fs);
        return new CleanedLead(name, cleaned, cleaned.Count(v => !float.IsNaN(v)));
    }

    /// <summary>The strip first (the reference lead), then three cells per column, each present only in its column.</summary>
    private static List<CleanedLead> Page(float[] strip, IReadOnlyList<double> cellBeatsS)
    {
        var leads = new List<CleanedLead> { Cleaned("II", strip) };
        for (var column = 0; column < 4; column++)
            for (var row = 0; row < 3; row++)
            {
                var cell = GaussianBeats.Lead(Fs, DurationS, cellBeatsS, qrsUv: 600 + 300 * row);
                for (var i = 0; i < cell.Length; i++)
                    if (i < column * 1250 || i >= (column + 1) * 1250) cell[i] = float.NaN;
                leads.Add(Cleaned($"C{column}{row}", cell));
            }
        return leads;
    }

    private static void AddSpike(float[] x, double atS)
    {
        for (var i = 0; i < x.Length; i++)
        {
            var z = (i / Fs - atS) / 0.012;
            if (Math.Abs(z) < 6) x[i] += (float)(1200 * Math.Exp(-0.5 * z * z));
        }
    }

    [Fact]
    public void A_spike_only_the_strip_shows_is_outvoted()
    {
        var truth = GaussianBeats.Regular(60, DurationS);
        var strip = GaussianBeats.Lead(Fs, DurationS, truth);
        var spikesS = new[] { truth[2] + 0.5, truth[6] + 0.5 };
        foreach (var s in spikesS) AddSpike(strip, s);
        var leads = Page(strip, truth);

        var stripAlone = new RPeakDetector().Detect([leads[0]], Fs);
        var voted = new BeatConsensus().Detect(leads, Fs);

        Assert.Equal(truth.Length + spikesS.Length, stripAlone.RPeakSamples.Length);
        Assert.Equal(truth.Length, voted.RPeakSamples.Length);
        for (var i = 0; i < truth.Length; i++)
            Assert.InRange(voted.RPeakSamples[i], truth[i] * Fs - 3, truth[i] * Fs + 3);
    }

    [Fact]
    public void A_beat_the_strip_misses_is_restored_by_the_cells()
    {
        var truth = GaussianBeats.Regular(72, DurationS);
        var stripBeats = truth.Where((_, i) => i != 5).ToArray();
        var leads = Page(GaussianBeats.Lead(Fs, DurationS, stripBeats), truth);

        var voted = new BeatConsensus().Detect(leads, Fs);

        Assert.Equal(truth.Length, voted.RPeakSamples.Length);
        Assert.InRange(voted.RPeakSamples[5], truth[5] * Fs - 10, truth[5] * Fs + 10);
    }

    [Fact]
    public void Where_the_cells_are_too_poor_to_agree_the_strip_beats_stay()
    {
        // Column 2's cells are flat noise-free lines: they vote against every beat there, and without the
        // gap rule the page would lose 2.5 s of beats and read a long false RR.
        var truth = GaussianBeats.Regular(75, DurationS);
        var leads = Page(GaussianBeats.Lead(Fs, DurationS, truth), truth);
        for (var l = 7; l <= 9; l++)
        {
            var flatCell = leads[l].SamplesUv.Select(v => float.IsNaN(v) ? v : 0f).ToArray();
            leads[l] = leads[l] with { SamplesUv = flatCell };
        }

        var voted = new BeatConsensus().Detect(leads, Fs);

        Assert.Equal(truth.Length, voted.RPeakSamples.Length);
    }
}
