using HeartGuard.Core;

namespace HeartGuard.Signals;

/// <summary>A cleaned lead ready for beat detection.</summary>
public sealed record CleanedLead(string Name, float[] SamplesUv, int PresentCount);

/// <summary>Which leads R peaks are looked for on.</summary>
public enum RhythmLeadStrategy
{
    /// <summary>The longest present lead alone (the lead-II rhythm strip of a 3x4+1 page, what the ECG
    /// machine counts its rate on); all leads fused only when no lead covers nearly the whole record.</summary>
    LongestLead,
    /// <summary>Every usable lead, the longest first (it is the reference lead of <see cref="BeatConsensus"/>):
    /// a beat small in one lead (a PVC seen end-on, a low-voltage strip) is large in another.</summary>
    AllLeads,
}

/// <summary>Step 2a, choosing the lead(s) for R-peak detection. Leads with no usable QRS (flat, lost
/// trace) are left out either way.</summary>
public sealed class RhythmLeadSelector
{
    /// <summary>Preferred leads on ties: II is the conventional rhythm lead, then the ones with tall QRS.</summary>
    private static readonly string[] Preference = ["II", "V5", "V1", "I", "aVF", "V6", "V2", "V4", "III", "V3", "aVR", "aVL"];

    /// <summary>Below this 99th-percentile amplitude a lead holds no usable QRS.</summary>
    public const float MinQrsAmplitudeUv = 50;

    /// <summary>A single lead is enough when it covers this share of what all leads cover together.</summary>
    public const double SingleLeadCoverage = 0.9;

    public RhythmLeadStrategy Strategy { get; init; } = RhythmLeadStrategy.AllLeads;

    public IReadOnlyList<CleanedLead> Select(IReadOnlyList<CleanedLead> leads)
    {
        var usable = leads
            .Where(l => l.PresentCount > 0 && RobustStats.Quantile(l.SamplesUv, 0.99, absolute: true) >= MinQrsAmplitudeUv)
            .OrderByDescending(l => l.PresentCount)
            .ThenBy(l => Rank(l.Name))
            .ToList();
        if (usable.Count <= 1 || Strategy == RhythmLeadStrategy.AllLeads) return usable;
        return usable[0].PresentCount >= SingleLeadCoverage * UnionCoverage(usable) ? [usable[0]] : usable;
    }

    private static int Rank(string lead)
    {
        var index = Array.IndexOf(Preference, StandardLeads.Canonical(lead));
        return index < 0 ? Preference.Length : index;
    }

    private static int UnionCoverage(IReadOnlyList<CleanedLead> leads)
    {
        var count = 0;
        for (var i = 0; i < leads[0].SamplesUv.Length; i++)
        {
            foreach (var lead in leads)
            {
                if (float.IsNaN(lead.SamplesUv[i])) continue;
                count++;
                break;
            }
        }
        return count;
    }
}
