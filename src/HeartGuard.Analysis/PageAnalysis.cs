using HeartGuard.Imaging;
using HeartGuard.Models;
using HeartGuard.Signals;

namespace HeartGuard.Analysis;

/// <summary>Everything one analysis produced: the public summary plus what reports and downloads are drawn
/// from (the digitization with its traces, the measurements, the explanation when asked for, and the
/// source image). All of it lives in memory only.</summary>
public sealed record PageAnalysis(
    AnalysisSummary Summary,
    DigitizationResult Digitization,
    Measurements Measurements,
    Explanation? Explanation,
    ReadOnlyMemory<byte> SourceImage);
