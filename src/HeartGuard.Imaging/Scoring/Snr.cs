namespace HeartGuard.Imaging.Scoring;

/// <summary>Digitization SNR the PhysioNet Challenge 2024 way: 10 log10(Σx² / Σ(y−x)²) over the samples present
/// in the truth x, a missing output sample counting as 0. The aligned variant takes the best time shift within
/// a window and removes the constant offset, which separates shape errors from placement errors.</summary>
public static class Snr
{
    /// <summary>Unaligned SNR in dB; truth NaN = not on the page (skipped), output NaN = 0.</summary>
    public static double Unaligned(ReadOnlySpan<float> truth, ReadOnlySpan<float> output) => Shifted(truth, output, 0, removeOffset: false);

    /// <summary>Best SNR over shifts of the output by up to ±<paramref name="maxShift"/> samples, offset removed.</summary>
    public static double Aligned(ReadOnlySpan<float> truth, ReadOnlySpan<float> output, int maxShift)
    {
        var best = double.NegativeInfinity;
        for (var s = -maxShift; s <= maxShift; s++) best = Math.Max(best, Shifted(truth, output, s, removeOffset: true));
        return best;
    }

    private static double Shifted(ReadOnlySpan<float> truth, ReadOnlySpan<float> output, int shift, bool removeOffset)
    {
        double signal = 0, sumDiff = 0, sumDiff2 = 0;
        var n = 0;
        for (var i = 0; i < truth.Length; i++)
        {
            var x = truth[i];
            if (float.IsNaN(x)) continue;
            var j = i + shift;
            var y = j >= 0 && j < output.Length && !float.IsNaN(output[j]) ? output[j] : 0f;
            double d = x - y;
            signal += (double)x * x;
            sumDiff += d;
            sumDiff2 += d * d;
            n++;
        }
        if (n == 0 || signal == 0) return double.NaN;
        var noise = removeOffset ? sumDiff2 - sumDiff * sumDiff / n : sumDiff2;
        return noise <= 0 ? 100 : 10 * Math.Log10(signal / noise);
    }

    /// <summary>The output (at <paramref name="outputHz"/>) read at the truth's sampling instants, by linear
    /// interpolation, so both can be compared sample by sample.</summary>
    public static float[] Resample(ReadOnlySpan<float> output, double outputHz, int truthCount, double truthHz)
    {
        var result = new float[truthCount];
        for (var n = 0; n < truthCount; n++)
        {
            var pos = n * outputHz / truthHz;
            var i = (int)pos;
            if (i >= output.Length) { result[n] = float.NaN; continue; }
            var f = (float)(pos - i);
            result[n] = i + 1 < output.Length && f > 0 ? output[i] + (output[i + 1] - output[i]) * f : output[i];
        }
        return result;
    }
}
