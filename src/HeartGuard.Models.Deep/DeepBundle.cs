using HeartGuard.Core;
using HeartGuard.Models.Deep.Inputs;
using HeartGuard.Models.Evaluation;

namespace HeartGuard.Models.Deep;

/// <summary>A trained deep route loaded from its bundle folder: a page in, calibrated probabilities and the
/// low-confidence flag out. What only the ML.NET bundle has is left out rather than approximated: no
/// out-of-distribution flag (no feature statistics are kept), no per-lead contributions and no explanation.</summary>
public sealed class DeepBundle : IPageModel, IDisposable
{
    public const string ManifestFile = "deep-manifest.json";
    private readonly DeepClassifier _classifier;
    private readonly IDeepInputs _inputs;

    private DeepBundle(DeepBundleManifest manifest, DeepClassifier classifier)
    {
        Manifest = manifest;
        _classifier = classifier;
        _inputs = IDeepInputs.For(manifest.Route);
    }

    public DeepBundleManifest Manifest { get; }

    BundleManifestBase IPageModel.Manifest => Manifest;

    public bool HasImagePart => Manifest.Route.Input == DeepInputKind.TraceImage;

    public static bool IsDeepBundle(string directory) => File.Exists(Path.Combine(directory, ManifestFile));

    public static DeepBundle Load(string directory)
    {
        var path = Path.Combine(directory, ManifestFile);
        if (!File.Exists(path)) throw new FileNotFoundException($"{directory} is not a deep model bundle (no {ManifestFile}).", path);
        var manifest = BundleManifestBase.Read<DeepBundleManifest>(path);
        return new DeepBundle(manifest, DeepClassifier.Load(manifest.Route, Path.Combine(directory, manifest.WeightsFile)));
    }

    public Diagnosis Predict(PredictionInput input)
    {
        var p = TemperatureScaling.Apply(_classifier.Predict(_inputs.From(input)), Manifest.Temperature);
        var best = ClassificationMetrics.ArgMax(p);
        var flags = p[best] < Manifest.ConfidenceThreshold ? new List<string> { "low_confidence" } : [];
        var probabilities = new Dictionary<string, double>();
        for (var k = 0; k < p.Length; k++) probabilities[Manifest.Classes[k]] = p[k];
        return new Diagnosis(Manifest.Classes[best], probabilities, p[best], flags.Count > 0, flags);
    }

    public Prediction PredictWithLeadContributions(PredictionInput input) => new(Predict(input), []);

    public Explanation? Explain(PredictionInput input, Prediction prediction) => null;

    /// <summary>Nothing to start: the network is loaded with the bundle.</summary>
    public void StartLoading()
    {
    }

    public void Dispose() => _classifier.Dispose();
}
