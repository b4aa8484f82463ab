using HeartGuard.Core;
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

    /// <summary>Per lead, the fraction of the lead's page window that was traced (0..1).</summary>
    public IReadOnlyDictionary<string, double>? LeadQuality { get; init; }

    public IReadOnlyList<string>? Warnings { get; init; }
    public IReadOnlyDictionary<string, double>? StageMs { get; init; }

    public string? Error { get; init; }
    public RejectionKind? ErrorKind { get; init; }

    public static AnalysisSummary Failed(string file, string error, RejectionKind? kind = null) =>
        new() { File = file, Error = error, ErrorKind = kind };
}
