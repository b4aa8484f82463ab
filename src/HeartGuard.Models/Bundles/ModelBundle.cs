using System.Text.Json;
using HeartGuard.Core;
using HeartGuard.Models.Evaluation;
using HeartGuard.Models.Features;
using HeartGuard.Models.Heads;
using HeartGuard.Models.Training;
using OpenCvSharp;

namespace HeartGuard.Models;

/// <summary>A trained model loaded from its bundle folder: classifies a page into the four classes with
/// calibrated probabilities and flags, and explains the decision.</summary>
public sealed class ModelBundle
{
    public const string ManifestFile = "manifest.json";
    private static readonly Lazy<ResNetFeaturizer> SharedFeaturizer = new(() => new ResNetFeaturizer());

    private readonly HeadEnsemble _heads;
    private readonly OutOfDistribution _ood;

    private ModelBundle(string directory, BundleManifest manifest, HeadEnsemble heads, OutOfDistribution ood)
    {
        Directory = directory;
        Manifest = manifest;
        _heads = heads;
        _ood = ood;
    }

    public string Directory { get; }
    public BundleManifest Manifest { get; }

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
        var manifest = JsonSerializer.Deserialize<BundleManifest>(File.ReadAllText(manifestPath), Json.Options)
                       ?? throw new InvalidDataException($"{manifestPath} is empty.");
        if (manifest.FormatVersion != BundleManifest.CurrentFormat)
            throw new InvalidDataException($"Bundle format {manifest.FormatVersion} is not supported (expected {BundleManifest.CurrentFormat}).");
        if (!manifest.Classes.SequenceEqual(DiagnosticClasses.All))
            throw new InvalidDataException($"Bundle classes [{string.Join(", ", manifest.Classes)}] differ from [{string.Join(", ", DiagnosticClasses.All)}].");
        var heads = new HeadEnsemble(manifest.ImageRoute.Heads.Select(h => MlNetHead.Load(Path.Combine(directory, h.File))).ToList());
        var ood = OutOfDistribution.Load(Path.Combine(directory, manifest.OutOfDistributionFile));
        return new ModelBundle(directory, manifest, heads, ood);
    }

    internal static ResNetFeaturizer Featurizer => SharedFeaturizer.Value;

    /// <summary>Starts loading the image network on a worker thread (about a second), so a caller that digitizes
    /// the page first finds it ready instead of waiting for it; a load error surfaces at the first prediction.</summary>
    public void StartLoadingImageNetwork() => _ = Task.Run(() => SharedFeaturizer.Value);

    public Diagnosis Predict(PredictionInput input)
    {
        using var page = PageViews.Decode(input.ImageBytes.Span, Manifest.ImageRoute.Views.Grayscale);
        return Diagnose(Featurizer.Featurize(page, Manifest.ImageRoute.Views));
    }

    /// <summary>Classifies one feature vector of this bundle's route (for evaluation and explanation).</summary>
    public Diagnosis Diagnose(float[] features)
    {
        var p = TemperatureScaling.Apply(_heads.Predict(features), Manifest.Temperature);
        var best = ClassificationMetrics.ArgMax(p);
        var flags = new List<string>();
        if (_ood.IsOutlier(features)) flags.Add("out_of_distribution");
        if (p[best] < Manifest.ConfidenceThreshold) flags.Add("low_confidence");
        var probabilities = new Dictionary<string, double>();
        for (var k = 0; k < p.Length; k++) probabilities[DiagnosticClasses.All[k]] = p[k];
        return new Diagnosis(DiagnosticClasses.All[best], probabilities, p[best], flags.Count > 0, flags);
    }

    /// <summary>Occlusion sensitivity: each cell of a grid twice as fine as the tiles is painted with the
    /// page's paper colour, only the views it touches are re-featurised, and the drop in the predicted class's
    /// probability is the cell's heat (scaled so the hottest cell is 1).</summary>
    public Explanation Explain(PredictionInput input)
    {
        var spec = Manifest.ImageRoute.Views;
        using var page = PageViews.Decode(input.ImageBytes.Span, spec.Grayscale);
        var views = PageViews.Rectangles(page, spec);
        var features = Featurizer.Featurize(page, spec);
        var diagnosis = Diagnose(features);
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
                var p = TemperatureScaling.Apply(_heads.Predict(scratch), Manifest.Temperature);
                heat[r * cols + c] = (float)Math.Max(0, baseP - p[target]);
                using (var original = new Mat(page, cell))
                using (var region = new Mat(occluded, cell)) original.CopyTo(region);
            }
        var max = heat.Max();
        if (max > 0) for (var i = 0; i < heat.Length; i++) heat[i] /= max;
        return new Explanation(diagnosis.Label, "occlusion", rows, cols, heat, []);
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
