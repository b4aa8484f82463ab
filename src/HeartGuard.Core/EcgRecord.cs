namespace HeartGuard.Core;

/// <summary>One lead of a record: samples in microvolts at the record's sampling rate.
/// <see cref="float.NaN"/> marks a sample that is missing (not shown on the page, not recorded).</summary>
public sealed record Lead(string Name, float[] SamplesUv)
{
    public int Count => SamplesUv.Length;
    public int PresentCount => SamplesUv.Count(v => !float.IsNaN(v));
}

/// <summary>A multi-lead ECG: the one signal model every stage reads and writes
/// (WFDB's record, reduced to what an ECG needs). All leads share one sampling rate and length.</summary>
public sealed class EcgRecord
{
    public EcgRecord(string name, double samplingRateHz, IReadOnlyList<Lead> leads)
    {
        if (samplingRateHz <= 0) throw new ArgumentOutOfRangeException(nameof(samplingRateHz));
        if (leads.Count > 0 && leads.Any(l => l.Count != leads[0].Count))
            throw new ArgumentException("All leads of a record must have the same number of samples.", nameof(leads));
        Name = name;
        SamplingRateHz = samplingRateHz;
        Leads = leads;
    }

    public string Name { get; }
    public double SamplingRateHz { get; }
    public IReadOnlyList<Lead> Leads { get; }
    public int SampleCount => Leads.Count == 0 ? 0 : Leads[0].Count;
    public double DurationS => SampleCount / SamplingRateHz;

    /// <summary>The lead of that name (case-insensitive, standard aliases), or null.</summary>
    public Lead? Find(string leadName)
    {
        var wanted = StandardLeads.Canonical(leadName);
        foreach (var lead in Leads)
            if (StandardLeads.Canonical(lead.Name).Equals(wanted, StringComparison.OrdinalIgnoreCase)) return lead;
        return null;
    }

    public Lead this[string leadName] =>
        Find(leadName) ?? throw new KeyNotFoundException($"Record '{Name}' has no lead '{leadName}'.");

    /// <summary>A record with the 12 standard leads in standard order, all samples missing.</summary>
    public static EcgRecord EmptyStandard(string name, double samplingRateHz, int sampleCount) =>
        new(name, samplingRateHz, StandardLeads.Names
            .Select(n => new Lead(n, Enumerable.Repeat(float.NaN, sampleCount).ToArray())).ToList());
}
