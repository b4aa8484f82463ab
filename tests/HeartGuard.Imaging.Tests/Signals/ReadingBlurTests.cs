using HeartGuard.Imaging.Signals;

namespace HeartGuard.Imaging.Tests.Signals;

public class ReadingBlurTests
{
    /// <summary>200 dpi at 25 mm/s and 500 Hz: 7.874 px/mm x 25 mm/s / 500 Hz.</summary>
    private const double PxPerSample = 0.3937;

    /// <summary>A 1.5 mV QRS-like spike (R up 20 ms, down 20 ms) on a flat baseline at 500 Hz, µV.</summary>
    private static float[] Spike(int length, int at)
    {
        var x = new float[length];
        for (var i = 0; i < length; i++) x[i] = Math.Max(0, 1500f * (1 - Math.Abs(i - at) / 10f));
        return x;
    }

    /// <summary>The spike as a reading sees it: blurred by a Gaussian of <see cref="ReadingBlur.SigmaPx"/>.</summary>
    private static float[] Blurred(float[] x)
    {
        var sigma = ReadingBlur.SigmaPx / PxPerSample;
        var half = (int)Math.Ceiling(4 * sigma);
        var kernel = Enumerable.Range(-half, 2 * half + 1).Select(k => Math.Exp(-0.5 * k * k / (sigma * sigma))).ToArray();
        var sum = kernel.Sum();
        return x.Select((_, i) => (float)Enumerable.Range(-half, 2 * half + 1)
            .Sum(k => kernel[k + half] / sum * x[Math.Clamp(i + k, 0, x.Length - 1)])).ToArray();
    }

    private static double Rms(float[] a, float[] b) => Math.Sqrt(a.Zip(b, (p, q) => (double)(p - q) * (p - q)).Average());

    [Fact]
    public void A_blurred_spike_comes_back_taller_and_closer_to_the_drawn_one()
    {
        var drawn = Spike(200, 100);
        var read = Blurred(drawn);
        var restored = (float[])read.Clone();

        ReadingBlur.For(PxPerSample).Compensate(restored);

        Assert.True(restored[100] > read[100] + 50, $"peak read {read[100]:0}, restored {restored[100]:0}, drawn 1500");
        Assert.True(Rms(restored, drawn) < 0.8 * Rms(read, drawn), $"rms error {Rms(read, drawn):0.0} -> {Rms(restored, drawn):0.0} µV");
    }

    [Fact]
    public void Levels_are_kept_up_to_the_ends_and_missing_samples_stay_missing()
    {
        var samples = Enumerable.Repeat(250f, 40).Concat(Enumerable.Repeat(float.NaN, 10)).Concat(Enumerable.Repeat(-400f, 40)).ToArray();

        ReadingBlur.For(PxPerSample).Compensate(samples);

        for (var i = 0; i < 40; i++) Assert.Equal(250f, samples[i], 0.5f);
        for (var i = 40; i < 50; i++) Assert.True(float.IsNaN(samples[i]), $"sample {i} filled in");
        for (var i = 50; i < 90; i++) Assert.Equal(-400f, samples[i], 0.5f);
    }

    [Fact]
    public void The_filter_reaches_further_in_samples_on_a_coarser_page()
    {
        // The blur is a width in px: at 100 dpi a px holds twice the time it holds at 200 dpi.
        var fine = ReadingBlur.For(PxPerSample).Taps().Length;
        var coarse = ReadingBlur.For(PxPerSample / 2).Taps().Length;

        Assert.True(coarse > 1.6 * fine, $"{fine} taps at 200 dpi, {coarse} at 100 dpi");
    }
}
