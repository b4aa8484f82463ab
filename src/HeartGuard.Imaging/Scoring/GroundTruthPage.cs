namespace HeartGuard.Imaging.Scoring;

/// <summary>What a page truly shows: per lead, the µV at the truth's sampling rate over the page's time
/// window (t = 0 at the page's first sample), NaN where that lead is not drawn.</summary>
public sealed record GroundTruthPage(string Name, string ImagePath, double SamplingRateHz, IReadOnlyDictionary<string, float[]> LeadsUv);
