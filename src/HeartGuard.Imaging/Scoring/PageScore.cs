using HeartGuard.Core;

namespace HeartGuard.Imaging.Scoring;

/// <summary>SNR of one digitized page against its truth, per lead and as the mean over leads.</summary>
public sealed record PageScore(string Name, IReadOnlyDictionary<string, (double Unaligned, double Aligned)> PerLead)
{
    public double MeanUnaligned => PerLead.Values.Average(v => v.Unaligned);
    public double MeanAligned => PerLead.Values.Average(v => v.Aligned);

    public static PageScore Compute(GroundTruthPage truth, EcgRecord output, double maxShiftS = 0.2)
    {
        var perLead = new Dictionary<string, (double, double)>();
        foreach (var (lead, x) in truth.LeadsUv)
        {
            var found = output.Find(lead);
            var y = found is null ? new float[x.Length] : Snr.Resample(found.SamplesUv, output.SamplingRateHz, x.Length, truth.SamplingRateHz);
            perLead[lead] = (Snr.Unaligned(x, y), Snr.Aligned(x, y, (int)Math.Round(maxShiftS * truth.SamplingRateHz)));
        }
        return new PageScore(truth.Name, perLead);
    }
}
