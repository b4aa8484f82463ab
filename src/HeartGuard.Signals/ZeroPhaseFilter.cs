using System.Buffers;

namespace HeartGuard.Signals;

/// <summary>A second-order Butterworth section (RBJ biquad, normalised so a0 = 1).</summary>
public readonly record struct Biquad(double B0, double B1, double B2, double A1, double A2)
{
    private const double ButterworthQ = 0.70710678118654752;

    public static Biquad LowPass(double cutoffHz, double samplingRateHz)
    {
        var (cos, alpha) = Prewarp(cutoffHz, samplingRateHz);
        var a0 = 1 + alpha;
        return new((1 - cos) / 2 / a0, (1 - cos) / a0, (1 - cos) / 2 / a0, -2 * cos / a0, (1 - alpha) / a0);
    }

    public static Biquad HighPass(double cutoffHz, double samplingRateHz)
    {
        var (cos, alpha) = Prewarp(cutoffHz, samplingRateHz);
        var a0 = 1 + alpha;
        return new((1 + cos) / 2 / a0, -(1 + cos) / a0, (1 + cos) / 2 / a0, -2 * cos / a0, (1 - alpha) / a0);
    }

    private static (double Cos, double Alpha) Prewarp(double cutoffHz, double samplingRateHz)
    {
        var w0 = 2 * Math.PI * cutoffHz / samplingRateHz;
        return (Math.Cos(w0), Math.Sin(w0) / (2 * ButterworthQ));
    }

    /// <summary>Filters in place (direct form II transposed), starting in the steady state for the first
    /// sample so the output has no start-up transient.</summary>
    public void Apply(Span<double> x)
    {
        if (x.Length == 0) return;
        var dc = (B0 + B1 + B2) / (1 + A1 + A2);
        var y0 = x[0] * dc;
        double z1 = y0 - B0 * x[0], z2 = B2 * x[0] - A2 * y0;
        for (var i = 0; i < x.Length; i++)
        {
            var input = x[i];
            var output = B0 * input + z1;
            z1 = B1 * input - A1 * output + z2;
            z2 = B2 * input - A2 * output;
            x[i] = output;
        }
    }
}

/// <summary>Forward-backward (zero-phase) filtering with a cascade of biquads, like scipy's filtfilt:
/// no phase shift, so QRS onsets, ST levels and T ends stay where they were (a one-way 0.67 Hz high-pass
/// would distort the ST segment; the two-way one is what AHA recommends as ST-safe).</summary>
public sealed class ZeroPhaseFilter(IReadOnlyList<Biquad> sections)
{
    /// <summary>Filters one run of present samples in place. The run is extended at both ends by odd
    /// reflection so the edges start near steady state.</summary>
    public void Apply(Span<float> run, int padLength)
    {
        if (run.Length < 2) return;
        var pad = Math.Clamp(padLength, 0, run.Length - 1);
        var total = run.Length + 2 * pad;
        var buffer = ArrayPool<double>.Shared.Rent(total);
        try
        {
            var x = buffer.AsSpan(0, total);
            double first = run[0], last = run[^1];
            for (var i = 0; i < pad; i++)
            {
                x[i] = 2 * first - run[pad - i];
                x[pad + run.Length + i] = 2 * last - run[run.Length - 2 - i];
            }
            for (var i = 0; i < run.Length; i++) x[pad + i] = run[i];

            foreach (var section in sections) section.Apply(x);
            x.Reverse();
            foreach (var section in sections) section.Apply(x);
            x.Reverse();

            for (var i = 0; i < run.Length; i++) run[i] = (float)x[pad + i];
        }
        finally
        {
            ArrayPool<double>.Shared.Return(buffer);
        }
    }
}
