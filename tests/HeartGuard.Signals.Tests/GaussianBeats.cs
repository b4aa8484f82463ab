namespace HeartGuard.Signals.Tests;

/// <summary>A hand-made lead for step tests that need exact beat positions: each beat is a P, a QRS and a T
/// Gaussian at fixed offsets from its R peak, in µV.</summary>
internal static class GaussianBeats
{
    public static float[] Lead(double samplingRateHz, double durationS, IReadOnlyList<double> rPeaksS, double qrsUv = 1200,
        double tUv = 300, double tAfterRS = 0.3)
    {
        var samples = new float[(int)Math.Round(durationS * samplingRateHz)];
        foreach (var r in rPeaksS)
        {
            Add(samples, samplingRateHz, r - 0.16, 0.02, 150);
            Add(samples, samplingRateHz, r, 0.012, qrsUv);
            Add(samples, samplingRateHz, r + tAfterRS, 0.05, tUv);
        }
        return samples;
    }

    public static double[] Regular(double heartRateBpm, double durationS, double firstS = 0.4)
    {
        var peaks = new List<double>();
        for (var t = firstS; t < durationS - 0.3; t += 60 / heartRateBpm) peaks.Add(t);
        return peaks.ToArray();
    }

    private static void Add(float[] x, double fs, double centerS, double widthS, double amplitudeUv)
    {
        for (var i = 0; i < x.Length; i++)
        {
            var z = (i / fs - centerS) / widthS;
            if (Math.Abs(z) < 6) x[i] += (float)(amplitudeUv * Math.Exp(-0.5 * z * z));
        }
    }
}
