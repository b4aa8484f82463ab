namespace HeartGuard.Models.Heads;

/// <summary>Rows of features with their class indices (into DiagnosticClasses.All); -1 = unlabelled.</summary>
public sealed record FeatureTable(IReadOnlyList<float[]> Rows, IReadOnlyList<int> Labels)
{
    public int FeatureCount => Rows.Count == 0 ? 0 : Rows[0].Length;

    public FeatureTable Select(IEnumerable<int> indices)
    {
        var idx = indices.ToList();
        return new FeatureTable(idx.Select(i => Rows[i]).ToList(), idx.Select(i => Labels[i]).ToList());
    }
}
