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
