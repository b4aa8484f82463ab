using HeartGuard.Core;
using HeartGuard.Imaging;
using HeartGuard.Models;
using HeartGuard.Signals;

namespace HeartGuard.Analysis;

/// <summary>The public answer for one image: one element of `analyze --json` and the body of
/// `POST /api/v1/analyze`. Keys are snake_case (<see cref="Json.Options"/>); absent parts are left out,
/// and <see cref="Error"/> replaces everything else for an image that failed.</summary>
public sealed record AnalysisSummary
{
    public required string File { get; init; }

    /// <summary>Layout name as <see cref="EcgLayout.Known"/> spells it, e.g. "3x4+1".</summary>
    public string? Layout { get; init; }
    public double? LayoutConfidence { get; init; }

    /// <summary>Absent when no model is available; <see cref="DiagnosisUnavailable"/> then says why.</summary>
    public Diagnosis? Diagnosis { get; init; }
    public string? DiagnosisUnavailable { get; init; }

    /// <summary>Rate, intervals, axis and per-lead ST as the signal pipeline measured them; null values
    /// mean "not measurable".</summary>
    public Measurements? Measurements { get; init; }

    /// <summary>For a model with a signal part: per lead, how much the predicted class's probability drops when
    /// that lead's features are replaced by an average page's (negative = the lead argued against it).</summary>
    public IReadOnlyList<LeadContribution>? LeadContributions { get; init; }

    /// <summary>Per lead, the digitizer's 0..1 trace quality.</summary>
    public IReadOnlyDictionary<string, double>? LeadQuality { get; init; }

    public IReadOnlyList<string>? Warnings { get; init; }
    public IReadOnlyDictionary<string, double>? StageMs { get; init; }

    public string? Error { get; init; }
    public DigitizationError? ErrorKind { get; init; }

    public static AnalysisSummary Failed(string file, string error, DigitizationError? kind = null) =>
        new() { File = file, Error = error, ErrorKind = kind };

    public static AnalysisSummary Of(string file, DigitizationResult page, Measurements measurements, Diagnosis? diagnosis,
        string? diagnosisUnavailable, IReadOnlyDictionary<string, double> stageMs) => new()
    {
        File = file,
        Layout = page.Layout.Name,
        LayoutConfidence = Math.Round(page.LayoutConfidence, 3),
        Diagnosis = diagnosis,
        DiagnosisUnavailable = diagnosis is null ? diagnosisUnavailable : null,
        Measurements = measurements,
        // A lead drawn twice (II as rhythm strip) counts by its better trace.
        LeadQuality = page.Traces.GroupBy(t => t.Lead).ToDictionary(g => g.Key, g => Math.Round(g.Max(t => t.Quality), 3)),
        Warnings = page.Warnings,
        StageMs = stageMs,
    };
}
