using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using HeartGuard.Core;
using HeartGuard.Models.Data;
using HeartGuard.Models.Evaluation;
using HeartGuard.Models.Features;
using HeartGuard.Models.Heads;
using HeartGuard.Models.Training;

namespace HeartGuard.Models;

/// <summary>What every bundle records, whatever its routes: the selected model, classes and their order,
/// the code version, calibration, the training data's hashes and the cross-validated metrics with their
/// intervals. The ML.NET bundle (<see cref="BundleManifest"/>) and the TorchSharp one add their route parts.</summary>
public abstract record BundleManifestBase
{
    public const int CurrentFormat = 1;

    public int FormatVersion { get; init; } = CurrentFormat;
    public required string Model { get; init; }
    public required IReadOnlyList<string> Classes { get; init; }
    public required string CreatedUtc { get; init; }
    public required string CodeVersion { get; init; }
    public required double Temperature { get; init; }
    public required double ConfidenceThreshold { get; init; }
    public required TrainingDataManifest TrainingData { get; init; }
    public required CrossValidationManifest CrossValidation { get; init; }
    public double TrainingSeconds { get; init; }

    /// <summary>The manifest at <paramref name="path"/>, refused when its format or class order is not this
    /// version's (a permuted class order would silently relabel every prediction).</summary>
    public static T Read<T>(string path) where T : BundleManifestBase
    {
        var manifest = JsonSerializer.Deserialize<T>(File.ReadAllText(path), Json.Options)
                       ?? throw new InvalidDataException($"{path} is empty.");
        if (manifest.FormatVersion != CurrentFormat)
            throw new InvalidDataException($"Bundle format {manifest.FormatVersion} is not supported (expected {CurrentFormat}).");
        if (!manifest.Classes.SequenceEqual(DiagnosticClasses.All))
            throw new InvalidDataException($"Bundle classes [{string.Join(", ", manifest.Classes)}] differ from [{string.Join(", ", DiagnosticClasses.All)}].");
        return manifest;
    }
}

/// <summary>Everything needed to reproduce, audit and load a trained ML.NET model: the common part plus the
/// routes with their preprocessing parameters and fitted files.</summary>
public sealed record BundleManifest : BundleManifestBase
{
    /// <summary>The image part of the model (null for signal-only models).</summary>
    public ImageRouteManifest? ImageRoute { get; init; }
    /// <summary>The signal-feature part of the model (null for image-only models).</summary>
    public SignalRouteManifest? SignalRoute { get; init; }
    /// <summary>Out-of-distribution statistics of the image features (the signal part carries its own).</summary>
    public string? OutOfDistributionFile { get; init; }
}

public sealed record ImageRouteManifest(
    ImageFeatureSpec Views,
    string FeatureExtractor,
    string FeatureExtractorSha256,
    IReadOnlyList<HeadFile> Heads,
    double Weight = 1.0);

/// <summary>Signal features (names in vector order), the training means that fill missing ones, the heads,
/// SMOTE if it was used, out-of-distribution statistics and this part's weight in the blended probabilities.</summary>
public sealed record SignalRouteManifest(
    IReadOnlyList<string> FeatureNames,
    string ImputerFile,
    IReadOnlyList<HeadFile> Heads,
    string OutOfDistributionFile,
    bool Smote,
    double Weight = 1.0);

public sealed record HeadFile(HeadSpec Spec, string File);

public sealed record TrainingDataManifest(
    string Source,
    int Files,
    int DistinctImages,
    int ExactDuplicates,
    int NearDuplicates,
    int Groups,
    IReadOnlyDictionary<string, int> ClassCounts,
    string CombinedSha256,
    IReadOnlyList<string> ImageSha256)
{
    /// <summary>What a bundle records of its (deduplicated) training data: counts, class balance, and the
    /// SHA-256 of every distinct image and of their sorted list, so anyone can check they hold the same data.</summary>
    public static TrainingDataManifest Of(ImageDataset data, string source)
    {
        var items = data.Items;
        var shas = items.Select(i => i.Sha256).OrderBy(s => s, StringComparer.Ordinal).ToList();
        return new TrainingDataManifest(source, data.FileCount, items.Count, data.ExactDuplicates, data.NearDuplicates,
            items.Select(i => i.Group).Distinct().Count(),
            DiagnosticClasses.All.ToDictionary(c => c, c => items.Count(i => i.Label == c)),
            Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(string.Join("\n", shas)))), shas);
    }
}

public sealed record CrossValidationManifest(
    int Folds,
    int Seed,
    string Grouping,
    string Selected,
    IReadOnlyDictionary<string, RouteCv> Routes,
    double? SelectedCalibratedEce = null)
{
    public static CrossValidationManifest Of(TrainingOptions options, string selected, IReadOnlyDictionary<string, RouteCv> routes,
        double? selectedCalibratedEce = null) =>
        new(options.Folds, options.Seed, options.GroupsSource is null ? "image (no groups file)" : $"groups from {options.GroupsSource}",
            selected, routes, selectedCalibratedEce);
}

/// <summary>Cross-validated figures of one route; <see cref="MsPerPage"/> is its prediction cost (features
/// from the page image + heads), measured on the training machine while it trained. <see cref="Metrics"/> are
/// those of the first fold split; <see cref="RepeatMacroF1"/> has the macro-F1 of every split when training
/// repeated the cross-validation (the first is <see cref="Metrics"/>' own).</summary>
public sealed record RouteCv(ClassificationMetrics Metrics, IReadOnlyList<double> FoldMacroF1, double FoldMacroF1Sd, double? MsPerPage = null,
    IReadOnlyList<double>? RepeatMacroF1 = null)
{
    /// <summary>The macro-F1 routes are compared by: the mean over the repeated splits, or the one split's.</summary>
    public double SelectionMacroF1 => RepeatMacroF1 is { Count: > 0 } r ? r.Average() : Metrics.MacroF1;
}
