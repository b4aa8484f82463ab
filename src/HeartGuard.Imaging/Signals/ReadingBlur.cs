using System.Buffers;
using System.Collections.Concurrent;

namespace HeartGuard.Imaging.Signals;

/// <summary>Stage 7b: undoes the blur of reading a trace from pixels. A lead read from the page is the drawn
/// signal seen through the pixel grid: each column's reading averages the stroke over the column and the pen's
/// footprint, samples between readings are interpolated, and what the grid cannot carry (above ~one cycle per
/// two px) comes back as reading noise. Measured against ecg-image-kit's ground truth, the reading under-shoots
/// QRS peaks by a median 31 µV while adding noise above 100 Hz at 200 dpi. Modelled as a Gaussian blur of
/// <see cref="SigmaPx"/> (in px, so the same page detail at any resolution), its Wiener inverse with noise-to-signal
/// ratio <see cref="Lambda"/> raises the band the page carries (at most ×1.34, around a cycle per 13 px) and
/// drops what it cannot. The two constants were chosen on the ecg-image-kit renders and held fixed for our own
/// synthesizer's clean and degraded pages, which they improve as well (docs/digitizer.md, stage 7b).</summary>
public sealed class ReadingBlur
{
    /// <summary>Width of the reading's blur, px (renders best at 0.7-0.8, degraded 150 dpi pages at 0.8-1.0).</summary>
    public const double SigmaPx = 0.8;
    /// <summary>Noise-to-signal ratio of the Wiener filter: smaller restores more and rings more.</summary>
    public const double Lambda = 0.2;

    private static readonly ConcurrentDictionary<int, float[]> Cache = new();
    private readonly float[] _taps;

    private ReadingBlur(float[] taps) => _taps = taps;

    /// <summary>The filter for a page whose samples lie <paramref name="pxPerSample"/> px apart along x.</summary>
    public static ReadingBlur For(double pxPerSample)
    {
        var sigmaSamples = SigmaPx / pxPerSample;
        return new ReadingBlur(Cache.GetOrAdd((int)Math.Round(sigmaSamples * 100), key => Design(key / 100.0)));
    }

    /// <summary>The filter's impulse response, centre tap in the middle; sums to 1 (levels are kept).</summary>
    public ReadOnlySpan<float> Taps() => _taps;

    /// <summary>Filters each run of present samples on its own (NaN stays NaN, nothing is filled in), mirrored
    /// at the run's ends so an edge is not pulled towards zero.</summary>
    public void Compensate(Span<float> samples)
    {
        var half = _taps.Length / 2;
        var buffer = ArrayPool<float>.Shared.Rent(samples.Length);
        try
        {
            var i = 0;
            while (i < samples.Length)
            {
                if (float.IsNaN(samples[i])) { i++; continue; }
                var j = i;
                while (j < samples.Length && !float.IsNaN(samples[j])) j++;
                var run = samples[i..j];
                var m = run.Length;
                if (m >= 2)
                {
                    run.CopyTo(buffer);
                    for (var p = 0; p < m; p++)
                        run[p] = p >= half && p + half < m ? Dot(_taps, buffer.AsSpan(p - half, _taps.Length)) : MirroredDot(buffer, p, m);
                }
                i = j;
            }
        }
        finally { ArrayPool<float>.Shared.Return(buffer); }
    }

    private static float Dot(ReadOnlySpan<float> taps, ReadOnlySpan<float> window)
    {
        var acc = 0f;
        for (var k = 0; k < taps.Length; k++) acc += taps[k] * window[k];
        return acc;
    }

    private float MirroredDot(float[] run, int p, int m)
    {
        var half = _taps.Length / 2;
        var acc = 0f;
        for (var k = -half; k <= half; k++) acc += _taps[k + half] * run[Mirror(p + k, m)];
        return acc;
    }

    private static int Mirror(int q, int m)
    {
        while (q < 0 || q >= m) q = q < 0 ? -q : 2 * m - 2 - q;
        return q;
    }

    /// <summary>H(w) = g / (g² + λ) with g the Gaussian's response, sampled on [0, π], turned into a symmetric
    /// FIR of ±6 σ under a Hann window and scaled to unit DC gain.</summary>
    private static float[] Design(double sigmaSamples)
    {
        var half = Math.Max(2, (int)Math.Ceiling(6 * sigmaSamples));
        var taps = new double[2 * half + 1];
        const int steps = 512;
        for (var j = 0; j <= steps; j++)
        {
            var w = Math.PI * j / steps;
            var g = Math.Exp(-0.5 * (sigmaSamples * w) * (sigmaSamples * w));
            var h = g / (g * g + Lambda) * (j == 0 || j == steps ? 0.5 : 1);
            for (var k = -half; k <= half; k++) taps[k + half] += h * Math.Cos(w * k);
        }
        for (var k = -half; k <= half; k++) taps[k + half] *= 0.5 + 0.5 * Math.Cos(Math.PI * k / (half + 1));
        var sum = taps.Sum();
        return taps.Select(t => (float)(t / sum)).ToArray();
    }
}
