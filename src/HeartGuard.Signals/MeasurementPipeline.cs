using HeartGuard.Core;

namespace HeartGuard.Signals;

/// <summary>Measures a record: filter -> R peaks -> median beats -> delineation -> rhythm, intervals, axis
/// and per-lead features (NeuroKit2's ecg_process, for 12 leads). Each step is its own class; replace one
/// through the init properties to change its method.</summary>
public sealed class MeasurementPipeline
{
    public EcgCleaner Cleaner { get; init; } = new();
    public RhythmLeadSelector LeadSelector { get; init; } = new();
    public BeatConsensus BeatDetector { get; init; } = new();
    public RhythmAnalyzer RhythmAnalyzer { get; init; } = new();
    public MedianBeatBuilder BeatBuilder { get; init; } = new();
    public Delineator Delineator { get; init; } = new();
    public LeadFeatureExtractor FeatureExtractor { get; init; } = new();

    public Measurements Measure(EcgRecord record)
    {
        var fs = record.SamplingRateHz;
        var cleaned = record.Leads.Select(l => Clean(l, fs)).ToList();
        var beats = BeatDetector.Detect(LeadSelector.Select(cleaned), fs);
        var rhythm = RhythmAnalyzer.Analyze(beats, fs);
        var medians = cleaned.Select(l => BeatBuilder.Build(l, beats.RPeakSamples, fs)).OfType<MedianBeat>().ToList();
        var delineation = Delineator.Delineate(medians, rhythm.RrMeanMs);
        var leads = medians.Select(m => FeatureExtractor.Extract(m, delineation)).ToList();
        var intervals = Intervals.From(delineation, rhythm.RrMeanMs);

        return new Measurements
        {
            HeartRateBpm = Round(rhythm.HeartRateBpm, 1),
            RrMeanMs = Round(rhythm.RrMeanMs, 0),
            RrSdMs = Round(rhythm.RrSdMs, 0),
            RrCoefficientOfVariation = Round(rhythm.RrCoefficientOfVariation, 3),
            IsIrregular = rhythm.IsIrregular,
            AfScore = RhythmAnalyzer.AfScore(rhythm, delineation?.PWavePresent),
            PrMs = intervals.PrMs,
            QrsMs = intervals.QrsMs,
            QtMs = intervals.QtMs,
            QtcBazettMs = intervals.QtcBazettMs,
            QtcFridericiaMs = intervals.QtcFridericiaMs,
            QrsAxisDeg = FrontalAxis.Compute(leads),
            PWavePresent = delineation?.PWavePresent,
            BeatCount = beats.RPeakSamples.Length,
            RhythmSource = beats.RPeakSamples.Length == 0 ? null : beats.Source,
            SamplingRateHz = fs,
            RPeakSamples = beats.RPeakSamples,
            Fiducials = intervals.Fiducials,
            Leads = leads,
        };
    }

    private CleanedLead Clean(Lead lead, double fs)
    {
        var samples = Cleaner.Clean(lead, fs);
        var present = 0;
        foreach (var v in samples) if (!float.IsNaN(v)) present++;
        return new CleanedLead(StandardLeads.Canonical(lead.Name), samples, present);
    }

    private static double? Round(double? value, int digits) => value is { } v ? Math.Round(v, digits) : null;
}
