namespace HeartGuard.Analysis;

/// <summary>One page image in, everything the tool can say about it out. The CLI, the web app and the REST
/// API all go through this, so a page gives the same answer everywhere.</summary>
public interface IPageAnalyzer
{
    /// <summary>Digitizes, measures, classifies and explains one page. Throws <see cref="PageRejectedException"/>
    /// when the bytes are not a usable ECG page.</summary>
    PageAnalysis Analyze(ReadOnlyMemory<byte> image, string fileName, CancellationToken cancellationToken = default);

    /// <summary>Only the digitization: calibrated signals without measurements or a diagnosis.</summary>
    PageSignals Digitize(ReadOnlyMemory<byte> image, string fileName, CancellationToken cancellationToken = default);
}
