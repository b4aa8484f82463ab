using HeartGuard.Models.Features;

namespace HeartGuard.Models.Training;

/// <summary>What <c>heartguard train</c> was asked for. Several <see cref="Models"/> are compared by grouped
/// cross-validation and the best macro-F1 is shipped.</summary>
public sealed record TrainingOptions
{
    public IReadOnlyList<string> Models { get; init; } = ["signal-lgbm-lr"];
    public int Folds { get; init; } = 5;
    public int Seed { get; init; } = 42;
    public ImageFeatureSpec Views { get; init; } = ImageFeatureSpec.Default;
    public double ConfidenceThreshold { get; init; } = 0.6;
    public string? FeatureCachePath { get; init; }
    public string? GroupsSource { get; init; }
    /// <summary>SMOTE on each training fold of the signal routes.</summary>
    public bool Smote { get; init; }
    /// <summary>PCA rank for the signal routes' ML.NET heads (0 = none).</summary>
    public int PcaRank { get; init; }
    /// <summary>Cross-validation runs, each with its own fold assignment and trainer seed (Seed, Seed + 1, ...):
    /// on ~300 pages one fold split moves macro-F1 by several hundredths, so routes are chosen by the mean.</summary>
    public int Repeats { get; init; } = 1;
}
