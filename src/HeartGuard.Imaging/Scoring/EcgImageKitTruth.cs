using System.Text.Json;
using HeartGuard.Core;

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
        var (fs, values) = Format16Reader.Read(Path.Combine(dir, record + ".hea"));
        var spans = root.GetProperty("leads").EnumerateArray()
            .Select(l => (Lead: StandardLeads.Canonical(l.GetProperty("lead_name").GetString()!),
                Start: l.GetProperty("start_sample").GetInt32(), End: l.GetProperty("end_sample").GetInt32())).ToList();
        var windowStart = spans.Min(s => s.Start);
        var length = (int)Math.Round(10 * fs);
        var leads = new Dictionary<string, float[]>();
        foreach (var (lead, start, end) in spans)
        {
            var source = values.First(kv => StandardLeads.Canonical(kv.Key) == lead).Value;
            if (!leads.TryGetValue(lead, out var truth)) leads[lead] = truth = Enumerable.Repeat(float.NaN, length).ToArray();
            for (var n = start; n < end && n < source.Length && n - windowStart < length; n++) truth[n - windowStart] = source[n];
        }
        return new GroundTruthPage(stem, Path.Combine(dir, stem + ".png"), fs, leads);
    }
}
