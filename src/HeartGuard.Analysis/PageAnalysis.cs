using HeartGuard.Core;

namespace HeartGuard.Analysis;

/// <summary>Everything one analysis produced: the public summary plus the artefacts that reports and
/// downloads are made from. Images are PNG bytes; all of it lives in memory only.</summary>
public sealed record PageAnalysis(
    AnalysisSummary Summary,
    EcgRecord Record,
    EcgLayout Layout,
    byte[] SourceImage,
    byte[]? OverlayPng,
    byte[]? HeatmapPng);

/// <summary>The digitized signals of one page (`POST /api/v1/digitize`): microvolts per lead at
/// <see cref="SamplingRateHz"/>, null where a sample is missing.</summary>
public sealed record PageSignals(
    string File,
    string Layout,
    double SamplingRateHz,
    GridCalibration Calibration,
    IReadOnlyDictionary<string, float?[]> LeadsUv,
    IReadOnlyList<string> Warnings);
