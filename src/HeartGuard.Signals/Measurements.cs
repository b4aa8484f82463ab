using System.Text.Json.Serialization;

namespace HeartGuard.Signals;

/// <summary>Everything measured on one record. Every value carries its unit in its name and is null when
/// the signal does not support it (too short, too noisy, no beats): "not measurable" rather than wrong.
/// Intervals follow the 12-lead convention: global onsets and offsets over all leads' median beats.</summary>
public sealed record Measurements
{
    public double? HeartRateBpm { get; init; }
    public double? RrMeanMs { get; init; }
    public double? RrSdMs { get; init; }
    /// <summary>RR standard deviation over mean RR (dimensionless); sinus rhythm rarely exceeds ~0.1.</summary>
    public double? RrCoefficientOfVariation { get; init; }
    /// <summary>True when successive RR intervals differ irregularly (normalised RMSSD above 0.10).</summary>
    public bool? IsIrregular { get; init; }
    /// <summary>0..1: how much the rhythm looks like atrial fibrillation (irregular RR and no P wave).
    /// A screening hint, not a diagnosis.</summary>
    public double? AfScore { get; init; }
    public double? PrMs { get; init; }
    public double? QrsMs { get; init; }
    public double? QtMs { get; init; }
    public double? QtcBazettMs { get; init; }
    public double? QtcFridericiaMs { get; init; }
    /// <summary>Frontal-plane QRS axis in degrees (-180..180], from net QRS area in I and aVF.</summary>
    public double? QrsAxisDeg { get; init; }
    /// <summary>Whether a P wave was found before the QRS on the median beats (null: could not tell).</summary>
    public bool? PWavePresent { get; init; }
    public int BeatCount { get; init; }
    /// <summary>The lead R peaks were detected on, or "fused" when several short leads were combined.</summary>
    public string? RhythmSource { get; init; }
    public double SamplingRateHz { get; init; }
    /// <summary>R-peak positions in samples of the record.</summary>
    public IReadOnlyList<int> RPeakSamples { get; init; } = [];
    /// <summary>Global fiducial points on the median beat, in ms relative to the R peak.</summary>
    public BeatFiducials? Fiducials { get; init; }
    public IReadOnlyList<LeadMeasurements> Leads { get; init; } = [];

    /// <summary>The measurements of a record nothing could be measured on.</summary>
    public static Measurements NotMeasurable(double samplingRateHz) => new() { SamplingRateHz = samplingRateHz };
}

/// <summary>Global fiducials of the median beat in ms relative to its R peak (negative = before R).</summary>
public sealed record BeatFiducials(double? POnsetMs, double QrsOnsetMs, double QrsOffsetMs, double? TEndMs);

/// <summary>Per-lead features on the median beat, relative to the PR (isoelectric) baseline: signed
/// amplitudes in µV (R &gt;= 0, Q and S &lt;= 0, T signed) and the ST deviation at J+60 ms.</summary>
public sealed record LeadMeasurements
{
    public required string Lead { get; init; }
    public int BeatCount { get; init; }
    public double? StDeviationUv { get; init; }
    public double? RAmplitudeUv { get; init; }
    public double? SAmplitudeUv { get; init; }
    public double? QAmplitudeUv { get; init; }
    public double? TAmplitudeUv { get; init; }
    /// <summary>Net QRS area (µV·ms): positive when the complex is mostly upright.</summary>
    public double? QrsNetAreaUvMs { get; init; }

    /// <summary>The median beat itself (feeds signal classifiers and plots; too bulky for JSON).</summary>
    [JsonIgnore]
    public MedianBeat? MedianBeat { get; init; }
}

/// <summary>The sample-wise median of all beats of one lead, aligned on their R peaks. Sample
/// <see cref="RIndex"/> is the R peak; NaN where no beat of this lead covered that offset.</summary>
public sealed record MedianBeat(string Lead, double SamplingRateHz, int RIndex, float[] SamplesUv, int BeatCount)
{
    public double TimeOfSampleMs(int index) => (index - RIndex) * 1000.0 / SamplingRateHz;
    public int SampleAtMs(double msFromR) => RIndex + (int)Math.Round(msFromR * SamplingRateHz / 1000.0);
}
