using HeartGuard.Core;
using HeartGuard.Signals;

namespace HeartGuard.Models.Features.Signal;

/// <summary>Named signal features of one page from the measurement pipeline: for each of the 12 standard leads
/// a presence indicator, Q/R/S/T amplitudes, QRS peak-to-peak, ST at J+60 ms, Q-wave width, T polarity, net
/// QRS area and the median beat resampled to <see cref="MorphologyPoints"/> points; then the global rhythm,
/// intervals and axis; then the <see cref="Families"/> that read all leads at once (territories, R progression,
/// voltage). Anything not measurable is NaN (never a made-up value): the heads impute it with the training
/// fold's mean, and the presence indicators say which leads were missing. New families go at the end, so a
/// bundle trained on fewer features still finds its features first in the vector.</summary>
public static class SignalFeatureExtractor
{
    public const int MorphologyPoints = 24;
    /// <summary>The median-beat window around R: a PR segment before, the T wave after.</summary>
    public const double MorphologyFromMs = -250, MorphologyToMs = 450;

    private static readonly string[] LeadScalars =
        ["present", "q_uv", "r_uv", "s_uv", "t_uv", "qrs_p2p_uv", "st_j60_uv", "q_width_ms", "t_polarity", "qrs_area_uvms"];

    private static readonly string[] GlobalScalars =
        ["hr_bpm", "rr_mean_ms", "rr_sd_ms", "rr_rmssd_ms", "rr_cv", "irregular", "af_score", "p_wave_present",
         "pr_ms", "qrs_ms", "qt_ms", "qtc_bazett_ms", "axis_cos", "axis_sin", "beat_count"];

    /// <summary>Feature families over all leads, in vector order after the global block.</summary>
    public static readonly IReadOnlyList<ISignalFeatureFamily> Families =
        [new StTerritoryFeatures(), new QWaveTerritoryFeatures(), new TWaveTerritoryFeatures(), new QrsShapeFeatures()];

    public static int PerLead => LeadScalars.Length + MorphologyPoints;

    /// <summary>Feature names in vector order: "&lt;lead&gt;.&lt;feature&gt;" per lead, then "global.&lt;feature&gt;".</summary>
    public static IReadOnlyList<string> Names { get; } = BuildNames();

    /// <summary>Whether a feature name is one of the median-beat samples ("&lt;lead&gt;.beat_NN").</summary>
    public static bool IsMedianBeatSample(string name)
    {
        var dot = name.IndexOf('.');
        return dot > 0 && StandardLeads.IndexOf(name[..dot]) >= 0 && name.AsSpan(dot + 1).StartsWith(BeatPrefix);
    }

    private const string BeatPrefix = "beat_";

    /// <summary>Where lead <paramref name="leadIndex"/> (StandardLeads order) sits in the vector.</summary>
    public static Range LeadRange(int leadIndex) => new(leadIndex * PerLead, (leadIndex + 1) * PerLead);

    public static float[] Extract(Measurements m)
    {
        var features = new float[Names.Count];
        Array.Fill(features, float.NaN);
        var waveforms = new LeadWaveform?[StandardLeads.Names.Count];
        foreach (var lead in m.Leads)
        {
            var index = StandardLeads.IndexOf(lead.Lead);
            if (index < 0) continue;
            waveforms[index] = LeadWaveform.Of(lead, m.Fiducials);
            FillLead(features.AsSpan(LeadRange(index)), lead, waveforms[index]);
        }
        for (var i = 0; i < StandardLeads.Names.Count; i++)
            if (float.IsNaN(features[LeadRange(i).Start.Value])) features[LeadRange(i).Start.Value] = 0;
        var at = StandardLeads.Names.Count * PerLead;
        FillGlobal(features.AsSpan(at, GlobalScalars.Length), m);
        at += GlobalScalars.Length;
        foreach (var family in Families)
        {
            family.Fill(waveforms, features.AsSpan(at, family.Names.Count));
            at += family.Names.Count;
        }
        return features;
    }

    private static void FillLead(Span<float> f, LeadMeasurements lead, LeadWaveform? waveform)
    {
        f[0] = 1;
        f[1] = F(lead.QAmplitudeUv);
        f[2] = F(lead.RAmplitudeUv);
        f[3] = F(lead.SAmplitudeUv);
        f[4] = F(lead.TAmplitudeUv);
        if (lead.RAmplitudeUv is { } r && lead.QAmplitudeUv is { } q && lead.SAmplitudeUv is { } s) f[5] = (float)(r - Math.Min(q, s));
        f[6] = F(lead.StDeviationUv);
        if (lead.TAmplitudeUv is { } t) f[8] = Math.Sign(t);
        f[9] = F(lead.QrsNetAreaUvMs);
        if (waveform is null) return;
        f[7] = waveform.QWaveWidthMs();
        Resample(waveform.Beat, waveform.BaselineUv, f[LeadScalars.Length..]);
    }

    private static void Resample(MedianBeat beat, double baseline, Span<float> into)
    {
        var x = beat.SamplesUv;
        for (var p = 0; p < into.Length; p++)
        {
            var ms = MorphologyFromMs + (MorphologyToMs - MorphologyFromMs) * p / (into.Length - 1);
            // The mean over each point's share of the window, so a narrow spike is not missed or aliased.
            int from = beat.SampleAtMs(ms - (MorphologyToMs - MorphologyFromMs) / (2.0 * (into.Length - 1))),
                to = beat.SampleAtMs(ms + (MorphologyToMs - MorphologyFromMs) / (2.0 * (into.Length - 1)));
            double sum = 0;
            var n = 0;
            for (var k = Math.Max(0, from); k <= Math.Min(x.Length - 1, to); k++)
                if (!float.IsNaN(x[k])) { sum += x[k]; n++; }
            into[p] = n == 0 ? float.NaN : (float)(sum / n - baseline);
        }
    }

    private static void FillGlobal(Span<float> f, Measurements m)
    {
        f[0] = F(m.HeartRateBpm);
        f[1] = F(m.RrMeanMs);
        f[2] = F(m.RrSdMs);
        f[3] = RmssdMs(m);
        f[4] = F(m.RrCoefficientOfVariation);
        f[5] = m.IsIrregular is { } irregular ? (irregular ? 1 : 0) : float.NaN;
        f[6] = F(m.AfScore);
        f[7] = m.PWavePresent is { } p ? (p ? 1 : 0) : float.NaN;
        f[8] = F(m.PrMs);
        f[9] = F(m.QrsMs);
        f[10] = F(m.QtMs);
        f[11] = F(m.QtcBazettMs);
        // The axis is an angle: -179 and +179 degrees are neighbours, so it enters as cosine and sine.
        if (m.QrsAxisDeg is { } axis)
        {
            f[12] = (float)Math.Cos(axis * Math.PI / 180);
            f[13] = (float)Math.Sin(axis * Math.PI / 180);
        }
        f[14] = m.BeatCount;
    }

    private static float RmssdMs(Measurements m)
    {
        var peaks = m.RPeakSamples;
        if (peaks.Count < 3 || m.SamplingRateHz <= 0) return float.NaN;
        double sum = 0;
        for (var i = 2; i < peaks.Count; i++)
        {
            var d = (peaks[i] - 2 * peaks[i - 1] + peaks[i - 2]) * 1000.0 / m.SamplingRateHz;
            sum += d * d;
        }
        return (float)Math.Sqrt(sum / (peaks.Count - 2));
    }

    private static float F(double? v) => v is { } x && double.IsFinite(x) ? (float)x : float.NaN;

    private static IReadOnlyList<string> BuildNames()
    {
        var names = new List<string>();
        foreach (var lead in StandardLeads.Names)
        {
            names.AddRange(LeadScalars.Select(s => $"{lead}.{s}"));
            names.AddRange(Enumerable.Range(0, MorphologyPoints).Select(p => $"{lead}.{BeatPrefix}{p:D2}"));
        }
        names.AddRange(GlobalScalars.Select(s => "global." + s));
        foreach (var family in Families) names.AddRange(family.Names);
        return names;
    }
}
