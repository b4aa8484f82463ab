using System.Diagnostics;
using HeartGuard.Imaging;
using HeartGuard.Models;
using HeartGuard.Models.Deep;
using HeartGuard.Signals;

namespace HeartGuard.Analysis;

/// <summary>The pipeline for one page, composed in one place: digitize -> measure -> classify -> explain.
/// Without a model bundle the diagnosis is left out, with the reason, never guessed.</summary>
public sealed class Analyzer : IPageAnalyzer
{
    private readonly Digitizer _digitizer;
    private readonly MeasurementPipeline _measurement;
    private readonly Lazy<(IPageModel? Model, string? Reason)> _model;

    public Analyzer(Digitizer digitizer, MeasurementPipeline measurement, IPageModel? model, string? diagnosisUnavailableReason)
        : this(digitizer, measurement, new Lazy<(IPageModel?, string?)>((model, model is null ? diagnosisUnavailableReason ?? "no model bundle is loaded" : null)))
    {
    }

    private Analyzer(Digitizer digitizer, MeasurementPipeline measurement, Lazy<(IPageModel? Model, string? Reason)> model)
    {
        _digitizer = digitizer;
        _measurement = measurement;
        _model = model;
    }

    /// <summary>Why this analyzer gives no diagnosis, or null when it has a model (waits for the bundle to load).</summary>
    public string? DiagnosisUnavailableReason => _model.Value.Reason;

    /// <summary>The shipped digitizer and measurement pipeline with the default model bundle, if one is found.</summary>
    public static Analyzer CreateDefault() => Create(null);

    /// <summary>The shipped digitizer and measurement pipeline with the bundle in <paramref name="bundleDirectory"/>
    /// (null: the default bundle; an ML.NET or a deep-route bundle, see <see cref="PageModels"/>); a bundle that cannot be loaded leaves the diagnosis out, with the reason.
    /// The bundle loads on a worker thread (about 0.4 s of ML.NET or libtorch start-up) while the first page is digitized,
    /// and the first classification waits for it.</summary>
    public static Analyzer Create(string? bundleDirectory)
    {
        var loading = Task.Run(() => Load(bundleDirectory));
        return new Analyzer(new Digitizer(), new MeasurementPipeline(), new Lazy<(IPageModel?, string?)>(() => loading.GetAwaiter().GetResult()));
    }

    private static (IPageModel? Model, string? Reason) Load(string? bundleDirectory)
    {
        try
        {
            var model = PageModels.Load(bundleDirectory ?? ModelBundle.DefaultDirectory);
            model.StartLoading();
            return (model, null);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException or System.Text.Json.JsonException)
        {
            return (null, $"no model bundle could be loaded ({e.Message})");
        }
    }

    public PageAnalysis Analyze(ReadOnlyMemory<byte> image, string fileName, bool explain = false, CancellationToken cancellationToken = default)
    {
        var stages = new Dictionary<string, double>();
        var page = Timed(stages, "digitize", () => _digitizer.Digitize(image, fileName));
        cancellationToken.ThrowIfCancellationRequested();
        var measurements = Timed(stages, "measure", () => _measurement.Measure(page.Record));
        var model = _model.Value.Model;
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
        _digitizer.Digitize(image, fileName);

    private static T Timed<T>(Dictionary<string, double> stages, string stage, Func<T> run)
    {
        var start = Stopwatch.GetTimestamp();
        var result = run();
        stages[stage] = Math.Round(Stopwatch.GetElapsedTime(start).TotalMilliseconds, 2);
        return result;
    }
}
