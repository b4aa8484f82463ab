namespace HeartGuard.Signals.Tests;

public class RhythmAnalyzerTests
{
    private const double Fs = 500;

    [Fact]
    public void Rate_is_sixty_over_the_mean_rr_of_the_whole_strip()
    {
        // RR 800, 900, 1000 ms: mean 900 ms -> 66.7 bpm (not the 62.5 of the last interval, nor a median).
        var beats = new BeatDetection([100, 500, 950, 1450], [new SampleRun(0, 5000)], "II");

        var rhythm = new RhythmAnalyzer().Analyze(beats, Fs);

        Assert.Equal(900, rhythm.RrMeanMs!.Value, 6);
        Assert.Equal(60000.0 / 900, rhythm.HeartRateBpm!.Value, 6);
        Assert.Equal(100, rhythm.RrSdMs!.Value, 6);
    }

    [Fact]
    public void An_interval_across_a_hole_in_the_trace_is_not_an_rr_interval()
    {
        // Two stretches of the record with beats 400 samples apart; the 2000-sample jump spans the hole.
        var beats = new BeatDetection([100, 500, 900, 2900, 3300, 3700], [new SampleRun(0, 1200), new SampleRun(2800, 1200)], "fused");

        var rhythm = new RhythmAnalyzer().Analyze(beats, Fs);

        Assert.Equal(800, rhythm.RrMeanMs!.Value, 6);
    }

    [Fact]
    public void Flags_irregularly_irregular_rr_and_not_a_steady_rhythm()
    {
        var random = new Random(7);
        var irregular = new List<int> { 0 };
        var regular = new List<int> { 0 };
        for (var i = 0; i < 14; i++)
        {
            irregular.Add(irregular[^1] + (int)(Fs * (0.4 + 0.5 * random.NextDouble())));
            regular.Add(regular[^1] + (int)(Fs * (0.8 + 0.01 * random.NextDouble())));
        }
        var analyzer = new RhythmAnalyzer();
        var run = new SampleRun(0, 20000);

        var af = analyzer.Analyze(new BeatDetection(irregular.ToArray(), [run], "II"), Fs);
        var sinus = analyzer.Analyze(new BeatDetection(regular.ToArray(), [run], "II"), Fs);

        Assert.True(af.IsIrregular);
        Assert.False(sinus.IsIrregular);
        Assert.True(RhythmAnalyzer.AfScore(af, pWavePresent: false) > 0.9);
        Assert.True(RhythmAnalyzer.AfScore(sinus, pWavePresent: true) < 0.1);
    }

    [Fact]
    public void Too_few_beats_give_no_rate()
    {
        var rhythm = new RhythmAnalyzer().Analyze(new BeatDetection([100, 500], [new SampleRun(0, 600)], "II"), Fs);

        Assert.Null(rhythm.HeartRateBpm);
        Assert.Null(rhythm.IsIrregular);
    }
}
