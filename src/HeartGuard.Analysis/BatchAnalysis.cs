using HeartGuard.Imaging;

namespace HeartGuard.Analysis;

/// <summary>Analyzes many files in parallel and carries on past bad ones: every input gets a summary, in input
/// order, with <see cref="AnalysisSummary.Error"/> set for a file that failed.</summary>
public sealed class BatchAnalysis(IPageAnalyzer analyzer, int maxParallelism)
{
    /// <summary>Called on a worker thread after each successful analysis (e.g. to write its report).</summary>
    public Action<PageAnalysis>? OnAnalyzed { get; init; }

    /// <summary>Whether to compute explanations (for reports); several times slower.</summary>
    public bool Explain { get; init; }

    /// <param name="onCompleted">Called after each file, in completion order, from any thread (progress).</param>
    public IReadOnlyList<AnalysisSummary> Run(IReadOnlyList<string> files, Action<AnalysisSummary>? onCompleted = null,
        CancellationToken cancellationToken = default)
    {
        var results = new AnalysisSummary[files.Count];
        Parallel.For(0, files.Count,
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, maxParallelism), CancellationToken = cancellationToken },
            i =>
            {
                results[i] = AnalyzeOne(files[i], cancellationToken);
                onCompleted?.Invoke(results[i]);
            });
        return results;
    }

    private AnalysisSummary AnalyzeOne(string path, CancellationToken cancellationToken)
    {
        byte[] bytes;
        try { bytes = File.ReadAllBytes(path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return AnalysisSummary.Failed(path, $"cannot read the file ({e.GetType().Name})");
        }
        try
        {
            var analysis = analyzer.Analyze(bytes, path, Explain, cancellationToken);
            OnAnalyzed?.Invoke(analysis);
            return analysis.Summary;
        }
        catch (DigitizationException e)
        {
            return AnalysisSummary.Failed(path, e.Reason, e.Kind);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // One broken page must not stop a batch of thousands; the message names the failure, not the page content.
            return AnalysisSummary.Failed(path, $"internal error while analyzing ({e.GetType().Name}: {e.Message})");
        }
    }
}
