using HeartGuard.Core;

namespace HeartGuard.Models.Features.Signal;

/// <summary>QRS shape beyond amplitudes: fragmented QRS (four or more turning points - notches in R or S,
/// a marker of myocardial scar) counted per territory, and voltage: the largest limb and chest peak-to-peak,
/// their sum over all leads, and the low-voltage flag (every limb lead under 500 µV or every chest lead
/// under 1000 µV).</summary>
public sealed class QrsShapeFeatures : ISignalFeatureFamily
{
    private const int FragmentedTurningPoints = 4;
    private const double LowVoltageLimbUv = 500, LowVoltageChestUv = 1000;

    public IReadOnlyList<string> Names { get; } =
        [.. Territory.Names(["fragmented_qrs_leads"]), "limb.qrs_p2p_max_uv", "precordial.qrs_p2p_max_uv", "all.qrs_p2p_sum_uv", "all.low_voltage"];

    public void Fill(IReadOnlyList<LeadWaveform?> leads, Span<float> into)
    {
        for (var t = 0; t < Territory.All.Count; t++)
        {
            var waves = Territory.All[t].In(leads);
            into[t] = waves.Count == 0 ? float.NaN : waves.Count(w => w.QrsTurningPoints() >= FragmentedTurningPoints);
        }
        var g = into[Territory.All.Count..];
        g.Fill(float.NaN);
        var limb = new List<double>();
        var chest = new List<double>();
        for (var i = 0; i < leads.Count; i++)
            if (leads[i]?.Measured is { RAmplitudeUv: { } r, QAmplitudeUv: { } q, SAmplitudeUv: { } s })
                (StandardLeads.Names[i].StartsWith('V') ? chest : limb).Add(r - Math.Min(q, s));
        if (limb.Count > 0) g[0] = (float)limb.Max();
        if (chest.Count > 0) g[1] = (float)chest.Max();
        if (limb.Count + chest.Count > 0) g[2] = (float)(limb.Sum() + chest.Sum());
        if (limb.Count == 6 || chest.Count == 6)
            g[3] = limb.Count == 6 && limb.Max() < LowVoltageLimbUv || chest.Count == 6 && chest.Max() < LowVoltageChestUv ? 1 : 0;
    }
}
