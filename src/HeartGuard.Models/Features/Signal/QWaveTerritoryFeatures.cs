using HeartGuard.Core;

namespace HeartGuard.Models.Features.Signal;

/// <summary>Infarct scars: pathological Q waves per territory (30 ms wide and 100 µV deep, or deeper than a
/// quarter of the R wave, or a QS complex), the widest Q and the largest Q/R ratio; and across the chest
/// leads the R-wave progression (slope of R amplitude from V1 to V4: an anterior scar flattens it) and the
/// QS complexes in V1-V3.</summary>
public sealed class QWaveTerritoryFeatures : ISignalFeatureFamily
{
    private const double PathologicQWidthMs = 30, PathologicQDepthUv = 100, QsMaxRUv = 50;

    private static readonly string[] PerTerritory = ["pathologic_q_leads", "q_width_max_ms", "q_to_r_max"];

    private static readonly string[] ProgressionLeads = ["V1", "V2", "V3", "V4"];

    public IReadOnlyList<string> Names { get; } =
        [.. Territory.Names(PerTerritory), "precordial.r_progression_uv_per_lead", "precordial.qs_leads_v1_v3"];

    public void Fill(IReadOnlyList<LeadWaveform?> leads, Span<float> into)
    {
        for (var t = 0; t < Territory.All.Count; t++)
        {
            var f = into.Slice(t * PerTerritory.Length, PerTerritory.Length);
            f.Fill(float.NaN);
            var q = Territory.All[t].In(leads).Where(w => w.Measured.QAmplitudeUv is not null && w.Measured.RAmplitudeUv is not null)
                .Select(w => (WidthMs: w.QWaveWidthMs(), DepthUv: -w.Measured.QAmplitudeUv!.Value, RUv: w.Measured.RAmplitudeUv!.Value)).ToList();
            if (q.Count == 0) continue;
            f[0] = q.Count(IsPathologic);
            f[1] = q.Max(x => x.WidthMs);
            // R below 100 µV counts as 100: a QS complex is a large ratio, not a division by zero.
            f[2] = (float)q.Max(x => x.DepthUv / Math.Max(100, x.RUv));
        }
        var g = into[(Territory.All.Count * PerTerritory.Length)..];
        g[0] = RProgressionSlope(leads);
        var chest = new[] { "V1", "V2", "V3" }.Select(n => leads[StandardLeads.IndexOf(n)]?.Measured).Where(m => m?.RAmplitudeUv is not null).ToList();
        g[1] = chest.Count == 0 ? float.NaN : chest.Count(m => m!.RAmplitudeUv < QsMaxRUv && m.QAmplitudeUv <= -PathologicQDepthUv);
    }

    private static bool IsPathologic((float WidthMs, double DepthUv, double RUv) q) =>
        q.DepthUv >= PathologicQDepthUv && (q.WidthMs >= PathologicQWidthMs || q.DepthUv >= 0.25 * q.RUv || q.RUv < QsMaxRUv);

    /// <summary>Least-squares slope of R amplitude over the V1..V4 positions present (at least three).</summary>
    private static float RProgressionSlope(IReadOnlyList<LeadWaveform?> leads)
    {
        var points = new List<(double X, double R)>();
        for (var i = 0; i < ProgressionLeads.Length; i++)
            if (leads[StandardLeads.IndexOf(ProgressionLeads[i])]?.Measured.RAmplitudeUv is { } r) points.Add((i, r));
        if (points.Count < 3) return float.NaN;
        double mx = points.Average(p => p.X), my = points.Average(p => p.R);
        return (float)(points.Sum(p => (p.X - mx) * (p.R - my)) / points.Sum(p => (p.X - mx) * (p.X - mx)));
    }
}
