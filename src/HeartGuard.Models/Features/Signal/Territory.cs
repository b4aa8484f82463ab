using HeartGuard.Core;

namespace HeartGuard.Models.Features.Signal;

/// <summary>A group of contiguous leads facing one wall of the left ventricle, and the leads facing away from
/// it (where an injury current shows as reciprocal ST depression). Infarct criteria are written per
/// territory ("two contiguous leads"), which a classifier cannot rebuild from 400 per-lead columns on a few
/// hundred pages.</summary>
public sealed record Territory(string Name, IReadOnlyList<string> Leads, IReadOnlyList<string> Opposite)
{
    public static readonly IReadOnlyList<Territory> All =
    [
        new("septal", ["V1", "V2"], ["II", "III", "aVF"]),
        new("anterior", ["V1", "V2", "V3", "V4"], ["II", "III", "aVF"]),
        new("lateral", ["I", "aVL", "V5", "V6"], ["II", "III", "aVF"]),
        new("inferior", ["II", "III", "aVF"], ["I", "aVL"]),
    ];

    /// <summary>The measurable waveforms of this territory's leads (leads in StandardLeads order).</summary>
    public List<LeadWaveform> In(IReadOnlyList<LeadWaveform?> leads) => Pick(Leads, leads);

    public List<LeadWaveform> OppositeIn(IReadOnlyList<LeadWaveform?> leads) => Pick(Opposite, leads);

    private static List<LeadWaveform> Pick(IReadOnlyList<string> names, IReadOnlyList<LeadWaveform?> leads)
    {
        var picked = new List<LeadWaveform>(names.Count);
        foreach (var name in names)
            if (leads[StandardLeads.IndexOf(name)] is { } w) picked.Add(w);
        return picked;
    }

    /// <summary>"&lt;territory&gt;.&lt;feature&gt;" for every territory, territory-major (the vector order of the families).</summary>
    public static IEnumerable<string> Names(IEnumerable<string> features) =>
        All.SelectMany(t => features.Select(f => $"{t.Name}.{f}"));
}
