using HeartGuard.Core;

namespace HeartGuard.Models.Features.Signal;

/// <summary>ST segment per territory, the acute-MI criteria as a cardiologist reads them: the largest and
/// second-largest ST elevation at J+60 ms (two contiguous leads), how many leads reach the STEMI threshold
/// (100 µV; 150 µV in V2-V3), the deepest depression, the level early (J+20) and late (J+80) and the slope
/// between (a straight or up-sloping ST is the injury shape), and the deepest reciprocal depression in the
/// leads facing away. Globally: leads at threshold and territories with two or more.</summary>
public sealed class StTerritoryFeatures : ISignalFeatureFamily
{
    private const double ElevationUv = 100, ElevationV2V3Uv = 150;

    private static readonly string[] PerTerritory =
        ["st_j60_max_uv", "st_j60_second_uv", "st_elevated_leads", "st_j60_min_uv", "st_j20_max_uv", "st_j80_max_uv",
         "st_slope_uv_per_100ms", "reciprocal_st_min_uv"];

    public IReadOnlyList<string> Names { get; } = [.. Territory.Names(PerTerritory), "all.st_elevated_leads", "all.stemi_territories"];

    public void Fill(IReadOnlyList<LeadWaveform?> leads, Span<float> into)
    {
        var stemi = 0;
        for (var t = 0; t < Territory.All.Count; t++)
        {
            var f = into.Slice(t * PerTerritory.Length, PerTerritory.Length);
            f.Fill(float.NaN);
            var territory = Territory.All[t];
            var st60 = territory.In(leads).Select(w => (Lead: w.Measured.Lead, J20: w.StUv(20), J60: w.StUv(60), J80: w.StUv(80)))
                .Where(s => !double.IsNaN(s.J60)).OrderByDescending(s => s.J60).ToList();
            var reciprocal = territory.OppositeIn(leads).Select(w => w.StUv(60)).Where(v => !double.IsNaN(v)).ToList();
            if (reciprocal.Count > 0) f[7] = (float)reciprocal.Min();
            if (st60.Count == 0) continue;
            f[0] = (float)st60[0].J60;
            if (st60.Count > 1) f[1] = (float)st60[1].J60;
            var elevated = st60.Count(s => IsElevated(s.Lead, s.J60));
            f[2] = elevated;
            if (elevated >= 2) stemi++;
            f[3] = (float)st60[^1].J60;
            f[4] = MaxOf(st60.Select(s => s.J20));
            f[5] = MaxOf(st60.Select(s => s.J80));
            var slopes = st60.Where(s => !double.IsNaN(s.J20) && !double.IsNaN(s.J80)).Select(s => (s.J80 - s.J20) * 100 / 60).ToList();
            if (slopes.Count > 0) f[6] = (float)slopes.Average();
        }
        var g = into[(Territory.All.Count * PerTerritory.Length)..];
        var measured = leads.Where((w, i) => w is not null && StandardLeads.Names[i] != "aVR").Select(w => (w!.Measured.Lead, St: w.StUv(60)))
            .Where(s => !double.IsNaN(s.St)).ToList();
        g[0] = measured.Count == 0 ? float.NaN : measured.Count(s => IsElevated(s.Lead, s.St));
        g[1] = measured.Count == 0 ? float.NaN : stemi;
    }

    private static bool IsElevated(string lead, double stUv) => stUv >= (lead is "V2" or "V3" ? ElevationV2V3Uv : ElevationUv);

    private static float MaxOf(IEnumerable<double> values)
    {
        var max = double.NaN;
        foreach (var v in values)
            if (!double.IsNaN(v) && (double.IsNaN(max) || v > max)) max = v;
        return (float)max;
    }
}
