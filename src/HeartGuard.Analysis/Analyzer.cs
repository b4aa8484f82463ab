using System.Diagnostics;
using HeartGuard.Core;
using HeartGuard.Imaging;
using HeartGuard.Models;
using HeartGuard.Signals;

namespace HeartGuard.Analysis;

/// <summary>The pipeline for one page, composed in one place: digitize -> measure -> classify -> explain.
/// Without a model bundle the diagnosis is left out, with the reason, never guessed.</summary>
public sealed class Analyzer(Digitizer digitizer, MeasurementPipeline measurement, ModelBundle? model, string? diagnosisUnavailableReason)
    : IPageAnalyzer
{
    /// <summary>Why this analyzer gives no diagnosis, or null when it has a model.</summary>
    public string? DiagnosisUnavailableReason { get; } = model is null ? diagnosisUnavailableReason ?? "no model bundle is loaded" : null;

    /// <summary>The shipped digitizer and measurement pipeline with the default model bundle, if one is found.</summary>
    public static Analyzer CreateDefault() => Create(null);

    /// <summary>The shipped digitizer and measurement pipeline with the bundle in <paramref name="bundleDirectory"/>
    /// (null: the default bundle); a bundle that cannot be loaded leaves the diagnosis out, with the reason.</summary>
    public static Analyzer Create(string? bundleDirectory)
    {
        try
        {
            var model = ModelBundle.Load(bundleDirectory ?? ModelBundle.DefaultDirectory);
            model.StartLoadingImageNetwork();
            return new Analyzer(new Digitizer(), new MeasurementPipeline(), model, null);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException or System.Text.Json.JsonException)
        {
            return new Analyzer(new Digitizer(), new MeasurementPipeline(), null, $"no model bundle could be loaded ({e.Message})");
        }
    }

    public PageAnalysis Analyze(ReadOnlyMemory<byte> image, string fileName, bool explain = false, CancellationToken cancellationToken = default)
    {
        var stages = new Dictionary<string, double>();
        var page = Timed(stages, "digitize", () => digitizer.Digitize(image, fileName));
        cancellationToken.ThrowIfCancellationRequested();
        var measurements = Timed(stages, "measure", () => measurement.Measure(page.Record));
        var input = new PredictionInput(image, page, measurements);
        var prediction = model is null ? null : Timed(stages, "classify", () => model.PredictWithLeadContributions(input));
        // A signal-only model's explanation is the lead contributions it already has: always given.
        var explanation = prediction is not null && (explain || !model!.HasImagePart)
            ? Timed(stages, "explain", () => model!.Explain(input, prediction)) : null;
        foreach (var (stage, ms) in page.StageMs) stages["digitize." + stage] = ms;
        return new PageAnalysis(AnalysisSummary.Of(fileName, page, measurements, prediction?.Diagnosis, DiagnosisUnavailableReason, stages)
                with { LeadContributions = prediction is { LeadContributions.Count: > 0 } ? prediction.LeadContributions : null },
            page, measurements, explanation, image);
    }

    public DigitizationResult Digitize(ReadOnlyMemory<byte> image, string fileName, CancellationToken cancellationToken = default) =>
        digitizer.Digitize(image, fileName);

    private static T Timed<T>(Dictionary<string, double> stages, string stage, Func<T> run)
    {
        var start = Stopwatch.GetTimestamp();
        var result = run();
        stages[stage] = Math.Round(Stopwatch.GetElapsedTime(start).TotalMilliseconds, 2);
        return result;
    }
}
