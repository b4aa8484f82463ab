namespace HeartGuard.Models.Features.Signal;

/// <summary>Repolarisation per territory: how many leads have an inverted T (100 µV below baseline or
/// deeper: an evolving or old infarct), the tallest T, the largest T/R ratio and the largest T area
/// (hyperacute T: broad, bulky, tall against its QRS - the earliest sign of acute occlusion).</summary>
public sealed class TWaveTerritoryFeatures : ISignalFeatureFamily
{
    private const double InvertedUv = -100;

    private static readonly string[] PerTerritory = ["t_inverted_leads", "t_max_uv", "t_to_r_max", "t_area_max_uvms"];

    public IReadOnlyList<string> Names { get; } = [.. Territory.Names(PerTerritory)];

    public void Fill(IReadOnlyList<LeadWaveform?> leads, Span<float> into)
    {
        for (var t = 0; t < Territory.All.Count; t++)
        {
            var f = into.Slice(t * PerTerritory.Length, PerTerritory.Length);
            f.Fill(float.NaN);
            var waves = Territory.All[t].In(leads).Where(w => w.Measured.TAmplitudeUv is not null).ToList();
            if (waves.Count == 0) continue;
            f[0] = waves.Count(w => w.Measured.TAmplitudeUv <= InvertedUv);
            f[1] = (float)waves.Max(w => w.Measured.TAmplitudeUv!.Value);
            // R below 100 µV counts as 100, so a flat QRS does not make any T wave "hyperacute".
            f[2] = (float)waves.Max(w => w.Measured.TAmplitudeUv!.Value / Math.Max(100, w.Measured.RAmplitudeUv ?? 0));
            f[3] = (float)waves.Max(w => w.TAreaUvMs());
        }
    }
}
