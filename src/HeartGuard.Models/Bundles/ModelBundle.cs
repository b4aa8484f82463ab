using HeartGuard.Core;
using HeartGuard.Models.Evaluation;
using HeartGuard.Models.Features;
using HeartGuard.Models.Features.Signal;
using HeartGuard.Models.Heads;
using HeartGuard.Models.Training;
using OpenCvSharp;

namespace HeartGuard.Models;

/// <summary>A trained model loaded from its bundle folder: classifies a page into the four classes with
/// calibrated probabilities and flags, and explains the decision.</summary>
public sealed class ModelBundle : IPageModel
{
    public const string ManifestFile = "manifest.json";
    private static readonly Lazy<ResNetFeaturizer> SharedFeaturizer = new(() => new ResNetFeaturizer());

    private static readonly Lazy<SignalPageFeaturizer> SharedSignalFeaturizer = new(() => new SignalPageFeaturizer());

    /// <summary>One route of the model with its weight in the blend and its out-of-distribution statistics.</summary>
    private sealed record Part(FeatureSource Source, FittedRoute Route, double Weight, OutOfDistribution Ood);

    private readonly IReadOnlyList<Part> _parts;

    private ModelBundle(string directory, BundleManifest manifest, IReadOnlyList<Part> parts, int[]? signalColumns)
    {
        Directory = directory;
        Manifest = manifest;
        _parts = parts;
        _signalColumns = signalColumns;
        _leadColumns = manifest.SignalRoute is { } signal ? LeadColumns(signal.FeatureNames) : [];
    }

    /// <summary>Where the signal part's features sit in the extractor's vector.</summary>
    private readonly int[]? _signalColumns;

    /// <summary>Per standard lead, the positions of its own features ("&lt;lead&gt;.…") in the signal part's row.</summary>
    private readonly int[][] _leadColumns;

    private static int[][] LeadColumns(IReadOnlyList<string> names) =>
        StandardLeads.Names.Select(lead => Enumerable.Range(0, names.Count)
            .Where(i => names[i].StartsWith(lead + ".", StringComparison.Ordinal)).ToArray()).ToArray();

    public string Directory { get; }
    public BundleManifest Manifest { get; }

    BundleManifestBase IPageModel.Manifest => Manifest;

    /// <summary>The shipped model: env HEARTGUARD_MODEL, else the nearest models/default (with a manifest)
    /// walking up from the application folder.</summary>
    public static string DefaultDirectory
    {
        get
        {
            var env = Environment.GetEnvironmentVariable("HEARTGUARD_MODEL");
            if (!string.IsNullOrWhiteSpace(env)) return Path.GetFullPath(env);
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "models", "default");
                if (File.Exists(Path.Combine(candidate, ManifestFile))) return candidate;
            }
            throw new DirectoryNotFoundException("No model bundle found: set HEARTGUARD_MODEL or keep models/default/manifest.json beside the application.");
        }
    }

    public static ModelBundle Load(string directory)
    {
        var manifestPath = Path.Combine(directory, ManifestFile);
        if (!File.Exists(manifestPath)) throw new FileNotFoundException($"{directory} is not a model bundle (no {ManifestFile}).", manifestPath);
        var manifest = BundleManifestBase.Read<BundleManifest>(manifestPath);
        // The bundle names the features its heads saw; any this version extracts can be picked out by name.
        var signalColumns = manifest.SignalRoute is { } named ? SignalFeatureSets.ColumnsOf(named.FeatureNames) : null;
        var parts = new List<Part>();
        if (manifest.ImageRoute is { } image)
            parts.Add(LoadPart(directory, manifest.Model, FeatureSource.Image, image.Heads, null, image.Weight,
                manifest.OutOfDistributionFile ?? throw new InvalidDataException("The bundle's image route has no out-of-distribution file.")));
        if (manifest.SignalRoute is { } signal)
            parts.Add(LoadPart(directory, manifest.Model, FeatureSource.Signal, signal.Heads, signal.ImputerFile, signal.Weight, signal.OutOfDistributionFile));
        if (parts.Count == 0) throw new InvalidDataException($"{manifestPath} names no route.");
        return new ModelBundle(directory, manifest, parts, signalColumns);
    }

    private static Part LoadPart(string directory, string model, FeatureSource source, IReadOnlyList<HeadFile> heads, string? imputerFile, double weight, string oodFile)
    {
        var ensemble = HeadEnsemble.Load(heads.Select(h => h.Spec).ToList(), heads.Select(h => Path.Combine(directory, h.File)).ToList());
        var imputer = imputerFile is null ? null : MeanImputer.Load(Path.Combine(directory, imputerFile));
        var route = new FittedRoute(new RouteSpec(model, source, heads.Select(h => h.Spec).ToList()), imputer, ensemble);
        return new Part(source, route, weight, OutOfDistribution.Load(Path.Combine(directory, oodFile)));
    }

    internal static ResNetFeaturizer Featurizer => SharedFeaturizer.Value;

    /// <summary>Starts loading the image network on a worker thread (about a second), so a caller that digitizes
    /// the page first finds it ready instead of waiting for it; a load error surfaces at the first prediction.
    /// Does nothing for a model without an image part.</summary>
    public void StartLoading()
    {
        if (HasImagePart) _ = Task.Run(() => SharedFeaturizer.Value);
    }

    /// <summary>Whether the model reads the page image itself (then explaining it re-runs the image network on
    /// dozens of occluded pages); a signal-only model is explained by its lead contributions at no extra cost.</summary>
    public bool HasImagePart => _parts.Any(p => p.Source == FeatureSource.Image);

    public Diagnosis Predict(PredictionInput input) => Diagnose(Featurize(input));

    /// <summary>The feature row of each part of the model, in the bundle's part order.</summary>
    private List<float[]> Featurize(PredictionInput input) =>
        _parts.Select(p => p.Source == FeatureSource.Image ? FeaturizeImage(input) : FeaturizeSignal(input)).ToList();

    private float[] FeaturizeSignal(PredictionInput input) =>
        SignalFeatureSets.Select(SharedSignalFeaturizer.Value.Featurize(input), _signalColumns!);

    private float[] FeaturizeImage(PredictionInput input)
    {
        var views = Manifest.ImageRoute!.Views;
        using var page = PageViews.Decode(input.ImageBytes.Span, views.Grayscale);
        return Featurizer.Featurize(page, views);
    }

    private double[] Probabilities(IReadOnlyList<float[]> features) =>
        TemperatureScaling.Apply(RouteBlend.Mix(_parts.Select((p, i) => p.Route.Predict(features[i])).ToList(), _parts.Select(p => p.Weight).ToList()), Manifest.Temperature);

    /// <summary>Classifies the feature rows of this bundle's parts (for evaluation and explanation).</summary>
    private Diagnosis Diagnose(IReadOnlyList<float[]> features)
    {
        var p = Probabilities(features);
        var best = ClassificationMetrics.ArgMax(p);
        var flags = new List<string>();
        if (_parts.Where((part, i) => part.Ood.IsOutlier(part.Route.Complete(features[i]))).Any()) flags.Add("out_of_distribution");
        if (p[best] < Manifest.ConfidenceThreshold) flags.Add("low_confidence");
        var probabilities = new Dictionary<string, double>();
        for (var k = 0; k < p.Length; k++) probabilities[DiagnosticClasses.All[k]] = p[k];
        return new Diagnosis(DiagnosticClasses.All[best], probabilities, p[best], flags.Count > 0, flags);
    }

    /// <summary>Why the model decided as it did: the occlusion heatmap of the image part (if the model has one)
    /// and the per-lead contributions of the signal part (if it has one; see <see cref="PredictWithLeadContributions"/>).</summary>
    public Explanation Explain(PredictionInput input) => Explain(input, PredictWithLeadContributions(input));

    /// <summary><see cref="Explain(PredictionInput)"/> of a prediction already made for the same input: the page is
    /// not featurised a second time (13 ResNet passes for an image part).</summary>
    public Explanation Explain(PredictionInput input, Prediction prediction)
    {
        var (diagnosis, leads) = (prediction.Diagnosis, prediction.LeadContributions);
        var image = _parts.ToList().FindIndex(p => p.Source == FeatureSource.Image);
        if (image < 0) return new Explanation(diagnosis.Label, "lead-replacement", 0, 0, [], leads);
        var (rows, cols, heat) = Occlusion(input, prediction.Features, image, diagnosis);
        return new Explanation(diagnosis.Label, leads.Count > 0 ? "occlusion+lead-replacement" : "occlusion", rows, cols, heat, leads);
    }

    /// <summary>Per-lead contributions of the signal part (empty for image-only models): each lead's features
    /// are replaced by the training means (as if that lead were an average page's) and the drop of the
    /// predicted class's probability is that lead's contribution; negative = the lead argued against it.
    /// Costs one head evaluation per lead, no image work beyond the prediction itself.</summary>
    public IReadOnlyList<LeadContribution> ExplainLeads(PredictionInput input) => PredictWithLeadContributions(input).LeadContributions;

    /// <summary>The diagnosis and the per-lead contributions of <see cref="ExplainLeads"/> from one featurisation;
    /// the contributions are empty for an image-only model.</summary>
    public Prediction PredictWithLeadContributions(PredictionInput input)
    {
        var features = Featurize(input);
        var diagnosis = Diagnose(features);
        return new Prediction(diagnosis, LeadContributions(features, diagnosis)) { Features = features };
    }

    private List<LeadContribution> LeadContributions(List<float[]> features, Diagnosis diagnosis)
    {
        var signal = _parts.ToList().FindIndex(p => p.Source == FeatureSource.Signal);
        if (signal < 0) return [];
        var target = DiagnosticClasses.IndexOf(diagnosis.Label);
        var baseP = diagnosis.Probabilities[diagnosis.Label];
        var means = _parts[signal].Route.Imputer!.Means;
        var original = features[signal];
        var contributions = new List<LeadContribution>(StandardLeads.Names.Count);
        for (var lead = 0; lead < StandardLeads.Names.Count; lead++)
        {
            var replaced = (float[])original.Clone();
            foreach (var i in _leadColumns[lead]) replaced[i] = means[i];
            features[signal] = replaced;
            contributions.Add(new LeadContribution(StandardLeads.Names[lead], baseP - Probabilities(features)[target]));
        }
        features[signal] = original;
        return contributions;
    }

    /// <summary>Occlusion sensitivity: each cell of a grid twice as fine as the tiles is painted with the
    /// page's paper colour, only the views it touches are re-featurised, and the drop in the predicted class's
    /// probability is the cell's heat (scaled so the hottest cell is 1). Other parts' features stay fixed.</summary>
    private (int Rows, int Columns, float[] Heat) Occlusion(PredictionInput input, List<float[]> allFeatures, int imagePart, Diagnosis diagnosis)
    {
        var spec = Manifest.ImageRoute!.Views;
        using var page = PageViews.Decode(input.ImageBytes.Span, spec.Grayscale);
        var views = PageViews.Rectangles(page, spec);
        var features = allFeatures[imagePart];
        var target = DiagnosticClasses.IndexOf(diagnosis.Label);
        var baseP = diagnosis.Probabilities[diagnosis.Label];
        int rows = Math.Max(1, spec.TileRows) * 2, cols = Math.Max(1, spec.TileColumns) * 2;
        var paper = PaperColour(page);
        var heat = new float[rows * cols];
        using var occluded = page.Clone();
        var scratch = new float[features.Length];
        for (var r = 0; r < rows; r++)
            for (var c = 0; c < cols; c++)
            {
                var cell = PageViews.Cell(new Rect(0, 0, page.Width, page.Height), rows, cols, r, c);
                using (var region = new Mat(occluded, cell)) region.SetTo(paper);
                features.CopyTo(scratch, 0);
                for (var v = 0; v < views.Length; v++)
                    if ((views[v] & cell).Width > 0)
                        Featurizer.FeaturizeView(occluded, views[v], scratch.AsSpan(v * ResNetFeaturizer.FeatureCount, ResNetFeaturizer.FeatureCount));
                allFeatures[imagePart] = scratch;
                var p = Probabilities(allFeatures);
                heat[r * cols + c] = (float)Math.Max(0, baseP - p[target]);
                using (var original = new Mat(page, cell))
                using (var region = new Mat(occluded, cell)) original.CopyTo(region);
            }
        allFeatures[imagePart] = features;
        var max = heat.Max();
        if (max > 0) for (var i = 0; i < heat.Length; i++) heat[i] /= max;
        return (rows, cols, heat);
    }

    private static Scalar PaperColour(Mat page)
    {
        // The median of a coarse thumbnail is the paper, not the ink or the grid, on any ECG page.
        using var small = new Mat();
        Cv2.Resize(page, small, new Size(64, 64), 0, 0, InterpolationFlags.Area);
        var channels = small.Split();
        var medians = new double[3];
        for (var ch = 0; ch < channels.Length && ch < 3; ch++)
        {
            channels[ch].GetArray(out byte[] values);
            Array.Sort(values);
            medians[ch] = values[values.Length / 2];
            channels[ch].Dispose();
        }
        return new Scalar(medians[0], medians[1], medians[2]);
    }
}
