using System.Text.Json;
using HeartGuard.Core;
using HeartGuard.Core.Wfdb;

namespace HeartGuard.Imaging.Scoring;

/// <summary>Ground truth of a HeartGuard synthesizer page: &lt;stem&gt;.json lists every placement's sample
/// range (docs/synthesis.md), &lt;stem&gt;.hea/.dat holds the plotted record. Read as JSON, not through the
/// synthesizer's types, so the digitizer does not depend on the synthesizer.</summary>
public static class SynthTruth
{
    public static bool IsSynthJson(string jsonPath)
    {
        var text = File.ReadAllText(jsonPath);
        return text.Contains("\"format_version\"") && text.Contains("\"placements\"");
    }

    public static GroundTruthPage Load(string jsonPath, string imagePath)
    {
        using var doc = JsonDocument.Parse(File.ReadAllBytes(jsonPath));
        var root = doc.RootElement;
        var record = WfdbReader.Read(Path.ChangeExtension(jsonPath, ".hea")).ToEcgRecord();
        var fs = record.SamplingRateHz;
        var placements = root.GetProperty("placements").EnumerateArray()
            .Select(p => (Lead: StandardLeads.Canonical(p.GetProperty("lead").GetString()!),
                Start: p.GetProperty("start_sample").GetInt32(), End: p.GetProperty("end_sample").GetInt32())).ToList();
        var windowStart = placements.Min(p => p.Start);
        var length = (int)Math.Round(root.GetProperty("shown_duration_s").GetDouble() * fs);
        return new GroundTruthPage(Path.GetFileNameWithoutExtension(jsonPath), imagePath, fs,
            TruthWindow.Build(record, placements, windowStart, length));
    }
}

/// <summary>Per lead, the record's values where the page draws that lead, NaN elsewhere.</summary>
internal static class TruthWindow
{
    public static Dictionary<string, float[]> Build(EcgRecord record, IEnumerable<(string Lead, int Start, int End)> spans, int windowStart, int length)
    {
        var leads = new Dictionary<string, float[]>();
        foreach (var (lead, start, end) in spans)
        {
            var source = record[lead].SamplesUv;
            if (!leads.TryGetValue(lead, out var truth)) leads[lead] = truth = Enumerable.Repeat(float.NaN, length).ToArray();
            for (var n = Math.Max(start, windowStart); n < end && n < source.Length && n - windowStart < length; n++) truth[n - windowStart] = source[n];
        }
        return leads;
    }
}
