using System.Text.Json;
using HeartGuard.Core;
using HeartGuard.Core.Wfdb;

namespace HeartGuard.Imaging.Scoring;

/// <summary>Ground truth of an ecg-image-kit render: its JSON names the plotted sample range of each lead,
/// the .hea/.dat beside it holds the values.</summary>
public static class EcgImageKitTruth
{
    /// <summary>True for a render's configuration JSON (it lists "leads" with "plotted_pixels").</summary>
    public static bool IsRenderJson(string jsonPath) =>
        File.ReadAllText(jsonPath) is var text && text.Contains("\"plotted_pixels\"") && text.Contains("\"sampling_frequency\"");

    public static GroundTruthPage Load(string jsonPath)
    {
        using var doc = JsonDocument.Parse(File.ReadAllBytes(jsonPath));
        var root = doc.RootElement;
        var stem = Path.GetFileNameWithoutExtension(jsonPath);
        var dash = stem.LastIndexOf('-');
        var record = dash > 0 ? stem[..dash] : stem;
        var dir = Path.GetDirectoryName(jsonPath)!;
        var truthRecord = WfdbReader.Read(Path.Combine(dir, record + ".hea")).ToEcgRecord();
        var fs = truthRecord.SamplingRateHz;
        var spans = root.GetProperty("leads").EnumerateArray()
            .Select(l => (Lead: StandardLeads.Canonical(l.GetProperty("lead_name").GetString()!),
                Start: l.GetProperty("start_sample").GetInt32(), End: l.GetProperty("end_sample").GetInt32())).ToList();
        var windowStart = spans.Min(s => s.Start);
        var leads = TruthWindow.Build(truthRecord, spans, windowStart, (int)Math.Round(10 * fs));
        return new GroundTruthPage(stem, Path.Combine(dir, stem + ".png"), fs, leads);
    }
}
