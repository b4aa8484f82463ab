using HeartGuard.Imaging;

namespace HeartGuard.Analysis;

/// <summary>One page image in, everything the tool can say about it out. The CLI, the web app and the REST
/// API all go through this, so a page gives the same answer everywhere. Both methods throw
/// <see cref="DigitizationException"/> when the bytes are not a usable ECG page.</summary>
public interface IPageAnalyzer
{
    /// <summary>Why analyses carry no diagnosis (no model bundle), or null when they do.</summary>
    string? DiagnosisUnavailableReason { get; }

    /// <summary>Digitizes, measures and classifies one page; with <paramref name="explain"/>, also computes
    /// the explanation heatmap (several times slower, so only for reports and the result page).</summary>
    PageAnalysis Analyze(ReadOnlyMemory<byte> image, string fileName, bool explain = false, CancellationToken cancellationToken = default);

    /// <summary>Only the digitization: calibrated signals without measurements or a diagnosis.</summary>
    DigitizationResult Digitize(ReadOnlyMemory<byte> image, string fileName, CancellationToken cancellationToken = default);
}
