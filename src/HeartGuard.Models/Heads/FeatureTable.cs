namespace HeartGuard.Models.Heads;

/// <summary>Rows of features with their class indices (into DiagnosticClasses.All); -1 = unlabelled. The
/// optional groups (one per row) let a learner run its own grouped inner cross-validation (nested).</summary>
public sealed record FeatureTable(IReadOnlyList<float[]> Rows, IReadOnlyList<int> Labels, IReadOnlyList<string>? Groups = null)
{
    public int FeatureCount => Rows.Count == 0 ? 0 : Rows[0].Length;

    public FeatureTable Select(IEnumerable<int> indices)
    {
        var idx = indices.ToList();
        return new FeatureTable(idx.Select(i => Rows[i]).ToList(), idx.Select(i => Labels[i]).ToList(), Groups is null ? null : idx.Select(i => Groups[i]).ToList());
    }
}
