using HeartGuard.Models.Evaluation;
using HeartGuard.Models.Features;
using HeartGuard.Models.Heads;

namespace HeartGuard.Models;

/// <summary>Everything needed to reproduce, audit and load a trained model: classes and their order, the
/// route with its preprocessing parameters, the fitted files, calibration, the training data's hashes, the
/// code version and the cross-validated metrics with their intervals.</summary>
public sealed record BundleManifest
{
    public const int CurrentFormat = 1;

    public int FormatVersion { get; init; } = CurrentFormat;
    public required string Model { get; init; }
    public required IReadOnlyList<string> Classes { get; init; }
    public required string CreatedUtc { get; init; }
    public required string CodeVersion { get; init; }
    public required ImageRouteManifest ImageRoute { get; init; }
    public required double Temperature { get; init; }
    public required double ConfidenceThreshold { get; init; }
    public required string OutOfDistributionFile { get; init; }
    public required TrainingDataManifest TrainingData { get; init; }
    public required CrossValidationManifest CrossValidation { get; init; }
    public double TrainingSeconds { get; init; }
}

public sealed record ImageRouteManifest(
    ImageFeatureSpec Views,
    string FeatureExtractor,
    string FeatureExtractorSha256,
    IReadOnlyList<HeadFile> Heads);

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
    IReadOnlyList<string> ImageSha256);

public sealed record CrossValidationManifest(
    int Folds,
    int Seed,
    string Grouping,
    string Selected,
    IReadOnlyDictionary<string, RouteCv> Routes);

public sealed record RouteCv(ClassificationMetrics Metrics, IReadOnlyList<double> FoldMacroF1, double FoldMacroF1Sd);
