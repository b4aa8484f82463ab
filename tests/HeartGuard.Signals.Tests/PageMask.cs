using HeartGuard.Core;

namespace HeartGuard.Signals.Tests;

/// <summary>What a digitized page holds: each lead only where the layout shows it, NaN elsewhere.</summary>
internal static class PageMask
{
    public static EcgRecord Apply(EcgRecord record, string layoutName)
    {
        var layout = EcgLayout.Standard(layoutName, record.DurationS);
        var fs = record.SamplingRateHz;
        var leads = record.Leads.Select(lead =>
        {
            var masked = Enumerable.Repeat(float.NaN, lead.Count).ToArray();
            foreach (var p in layout.Placements.Where(p => p.Lead == lead.Name))
            {
                var from = (int)Math.Round(p.StartS * fs);
                var to = Math.Min(lead.Count, (int)Math.Round(p.EndS * fs));
                Array.Copy(lead.SamplesUv, from, masked, from, to - from);
            }
            return new Lead(lead.Name, masked);
        }).ToList();
        return new EcgRecord(record.Name, fs, leads);
    }
}
