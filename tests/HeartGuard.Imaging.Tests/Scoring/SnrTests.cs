using HeartGuard.Imaging.Scoring;

namespace HeartGuard.Imaging.Tests.Scoring;

public class SnrTests
{
    private static float[] Sine(int n, double shift = 0, double offset = 0) =>
        Enumerable.Range(0, n).Select(i => (float)(500 * Math.Sin(2 * Math.PI * (i + shift) / 250) + offset)).ToArray();

    [Fact]
    public void Missing_output_counts_as_zero_so_snr_is_zero_db()
    {
        var truth = Sine(1000);
        var output = Enumerable.Repeat(float.NaN, 1000).ToArray();
        Assert.Equal(0, Snr.Unaligned(truth, output), 6);
    }

    [Fact]
    public void Samples_absent_from_the_truth_are_not_scored()
    {
        var truth = Sine(1000);
        var output = (float[])truth.Clone();
        for (var i = 0; i < 100; i++) { truth[i] = float.NaN; output[i] = 9999; }
        output[500] += 10;
        Assert.True(Snr.Unaligned(truth, output) > 40);
    }

    [Fact]
    public void Alignment_recovers_a_shift_and_an_offset_that_unaligned_snr_punishes()
    {
        var truth = Sine(2000);
        var output = Sine(2000, shift: 15, offset: 200);
        Assert.True(Snr.Unaligned(truth, output) < 10);
        // The 15 samples shifted past the end count as missing, which caps the aligned score near 21 dB.
        Assert.True(Snr.Aligned(truth, output, maxShift: 20) > 18);
    }
}
