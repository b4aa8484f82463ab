using HeartGuard.Core;

namespace HeartGuard.Models.Deep.Inputs;

/// <summary>A digitized page as a deep signal route reads it: the 12 standard leads, each as two channels
/// (signal in mV with its baseline removed, and a mask that is 1 where the page showed the lead), resampled
/// to <c>RateHz</c> over a fixed <c>DurationS</c> window. Layout [lead][channel][sample], matching the
/// tensor shape [12, 2, T]. Missing samples are 0 with mask 0, so the networks can pool over shown samples only.</summary>
public static class SignalWindow
{
    public const int Leads = 12;
    public const int Channels = 2;
    /// <summary>Digitizer glitches beyond this are clipped; no real ECG deflection is larger.</summary>
    private const float ClipMv = 5f;

    public static int Samples(double rateHz, double durationS) => (int)Math.Round(rateHz * durationS);

    public static int Length(double rateHz, double durationS) => Leads * Channels * Samples(rateHz, durationS);

    /// <summary>An empty window (all leads missing): what a page the digitizer could not read becomes.</summary>
    public static float[] Empty(double rateHz, double durationS) => new float[Length(rateHz, durationS)];

    /// <summary>Block-averages each lead down to <paramref name="rateHz"/> (a block counts as shown when most
    /// of its samples are), removes the median of the shown samples and converts µV to mV.</summary>
    public static float[] From(EcgRecord record, double rateHz, double durationS)
    {
        var samples = Samples(rateHz, durationS);
        var window = new float[Leads * Channels * samples];
        var block = record.SamplingRateHz / rateHz;
        if (block < 1) throw new ArgumentException($"Record at {record.SamplingRateHz} Hz is below the route's {rateHz} Hz.");
        var shown = new List<float>(samples);
        for (var lead = 0; lead < Leads; lead++)
        {
            var source = record.Find(StandardLeads.Names[lead])?.SamplesUv;
            if (source is null) continue;
            var values = window.AsSpan(lead * Channels * samples, samples);
            var mask = window.AsSpan(lead * Channels * samples + samples, samples);
            shown.Clear();
            for (var t = 0; t < samples; t++)
            {
                int from = (int)Math.Round(t * block), to = Math.Min(source.Length, (int)Math.Round((t + 1) * block));
                double sum = 0;
                var count = 0;
                for (var i = from; i < to; i++)
                    if (!float.IsNaN(source[i])) { sum += source[i]; count++; }
                if (count * 2 <= to - from || count == 0) continue;
                values[t] = (float)(sum / count / 1000.0);
                mask[t] = 1;
                shown.Add(values[t]);
            }
            if (shown.Count == 0) continue;
            shown.Sort();
            var baseline = shown[shown.Count / 2];
            for (var t = 0; t < samples; t++)
                if (mask[t] > 0) values[t] = Math.Clamp(values[t] - baseline, -ClipMv, ClipMv);
        }
        return window;
    }
}
