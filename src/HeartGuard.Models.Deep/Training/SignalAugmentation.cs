namespace HeartGuard.Models.Deep.Training;

/// <summary>ECG-safe augmentation of a <see cref="Inputs.SignalWindow"/> for training: a small time shift
/// (signal and mask move together), a per-page gain and white noise on the shown samples. Never a time
/// reversal or a sign flip: both change the diagnosis (an inverted T wave is a finding).</summary>
public sealed class SignalAugmentation(int maxShiftSamples, int samples, float gainSpread = 0.15f, float noiseMv = 0.02f) : IAugmentation
{
    /// <summary>Writes an augmented copy of <paramref name="window"/> into <paramref name="target"/>.</summary>
    public void Apply(ReadOnlySpan<float> window, Span<float> target, Random rng)
    {
        var shift = rng.Next(-maxShiftSamples, maxShiftSamples + 1);
        var gain = 1 + gainSpread * (2 * rng.NextSingle() - 1);
        target.Clear();
        for (var lead = 0; lead < Inputs.SignalWindow.Leads; lead++)
        {
            var offset = lead * Inputs.SignalWindow.Channels * samples;
            var values = window.Slice(offset, samples);
            var mask = window.Slice(offset + samples, samples);
            var outValues = target.Slice(offset, samples);
            var outMask = target.Slice(offset + samples, samples);
            for (var t = Math.Max(0, -shift); t < Math.Min(samples, samples - shift); t++)
            {
                if (mask[t] == 0) continue;
                outValues[t + shift] = gain * values[t] + noiseMv * IAugmentation.Gaussian(rng);
                outMask[t + shift] = 1;
            }
        }
    }
}
