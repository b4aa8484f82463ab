namespace HeartGuard.Models.Deep;

/// <summary>The manifest of a deep-route bundle: the route (network, input window and training schedule),
/// the state-dict file, calibration, training data and cross-validated figures, in the same terms as
/// <see cref="BundleManifest"/>.</summary>
public sealed record DeepBundleManifest
{
    public const int CurrentFormat = 1;
    public int FormatVersion { get; init; } = CurrentFormat;
    public required string Model { get; init; }
    public required IReadOnlyList<string> Classes { get; init; }
    public required string CreatedUtc { get; init; }
    public required string CodeVersion { get; init; }
    public required DeepRouteSpec Route { get; init; }
    public required string WeightsFile { get; init; }
    public required double Temperature { get; init; }
    public required double ConfidenceThreshold { get; init; }
    public required TrainingDataManifest TrainingData { get; init; }
    public required CrossValidationManifest CrossValidation { get; init; }
    public double TrainingSeconds { get; init; }
}
