using HeartGuard.Core;

namespace HeartGuard.Models;

/// <summary>Why the model said what it said. <see cref="Heatmap"/> covers the whole page as a
/// <see cref="GridRows"/> x <see cref="GridColumns"/> grid (row-major, 0..1, 1 = the region whose occlusion
/// lowered the predicted class's probability most). <see cref="LeadContributions"/> is filled by signal
/// routes (change in the predicted probability when a lead's features are replaced by training means) and
/// is empty for image-only models.</summary>
public sealed record Explanation(
    string Label,
    string Method,
    int GridRows,
    int GridColumns,
    float[] Heatmap,
    IReadOnlyList<LeadContribution> LeadContributions);

public sealed record LeadContribution(string Lead, double ProbabilityChange);

/// <summary>A diagnosis with its per-lead contributions, and the page's feature rows it came from, so that
/// explaining it (<see cref="ModelBundle.Explain(PredictionInput, Prediction)"/>) needs no second featurisation.</summary>
public sealed record Prediction(Diagnosis Diagnosis, IReadOnlyList<LeadContribution> LeadContributions)
{
    // Explaining swaps rows in and out of this list and restores them, so it stays the bundle's own type.
    internal List<float[]> Features { get; init; } = [];
}
