namespace HeartGuard.Models.Features.Signal;

/// <summary>Named features computed from all twelve leads' waveforms at once (territories, precordial
/// progression...). Fill writes exactly <see cref="Names"/>.Count values; NaN where not measurable.</summary>
public interface ISignalFeatureFamily
{
    IReadOnlyList<string> Names { get; }

    /// <param name="leads">Waveform per standard lead (StandardLeads order), null where the lead is missing or unmeasurable.</param>
    void Fill(IReadOnlyList<LeadWaveform?> leads, Span<float> into);
}
