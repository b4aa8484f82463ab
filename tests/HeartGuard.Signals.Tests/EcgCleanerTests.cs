using HeartGuard.Core;

namespace HeartGuard.Signals.Tests;

public class EcgCleanerTests
{
    private const double Fs = 500;

    [Fact]
    public void Removes_baseline_wander_and_keeps_the_r_peak_in_place()
    {
        var beats = GaussianBeats.Regular(60, 10);
        var clean = GaussianBeats.Lead(Fs, 10, beats);
        var drifting = clean.Select((v, i) => v + (float)(800 * Math.Sin(2 * Math.PI * 0.15 * i / Fs))).ToArray();

        var cleaned = new EcgCleaner().Clean(new Lead("II", drifting), Fs);

        // Zero phase: the maximum near each beat stays on the true R sample.
        foreach (var r in beats.Skip(1).SkipLast(1))
        {
            var center = (int)Math.Round(r * Fs);
            var window = cleaned.AsSpan(center - 50, 101);
            Assert.Equal(50, window.IndexOf(MaxOf(window)));
        }
        // The 800 µV drift is gone: away from the edges the result matches the drift-free lead cleaned alike.
        var reference = new EcgCleaner().Clean(new Lead("II", clean), Fs);
        for (var i = 500; i < 4500; i++) Assert.InRange(cleaned[i] - reference[i], -25, 25);
    }

    [Fact]
    public void Keeps_missing_samples_missing_and_bridges_only_tiny_holes()
    {
        var samples = GaussianBeats.Lead(Fs, 10, GaussianBeats.Regular(75, 10));
        for (var i = 0; i < 2000; i++) samples[i] = float.NaN;       // lead not shown for the first 4 s
        for (var i = 3000; i < 3005; i++) samples[i] = float.NaN;    // 10 ms hole under a label
        for (var i = 4000; i < 4100; i++) samples[i] = float.NaN;    // 200 ms hole: trace lost

        var cleaned = new EcgCleaner().Clean(new Lead("II", samples), Fs);

        Assert.All(cleaned[..2000], v => Assert.True(float.IsNaN(v)));
        Assert.All(cleaned[3000..3005], v => Assert.False(float.IsNaN(v)));
        Assert.All(cleaned[4000..4100], v => Assert.True(float.IsNaN(v)));
        Assert.All(cleaned[2000..3000], v => Assert.False(float.IsNaN(v)));
    }

    [Fact]
    public void Drops_runs_too_short_to_hold_a_beat()
    {
        var samples = Enumerable.Repeat(float.NaN, 5000).ToArray();
        for (var i = 1000; i < 1100; i++) samples[i] = 100; // 0.2 s

        var cleaned = new EcgCleaner().Clean(new Lead("I", samples), Fs);

        Assert.All(cleaned, v => Assert.True(float.IsNaN(v)));
    }

    private static float MaxOf(ReadOnlySpan<float> values)
    {
        var max = float.MinValue;
        foreach (var v in values) max = Math.Max(max, v);
        return max;
    }
}
