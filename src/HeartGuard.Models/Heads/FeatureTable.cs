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

    /// <summary>The columns in <paramref name="columns"/> of every row (one feature source of a stacked table).</summary>
    public FeatureTable Columns(Range columns) => this with { Rows = Rows.Select(r => r[columns]).ToList() };

    /// <summary>The given columns of every row, in that order (a feature subset of one source).</summary>
    public FeatureTable Columns(int[] columns) => this with { Rows = Rows.Select(r => columns.Select(c => r[c]).ToArray()).ToList() };

    /// <summary>Rows of the tables side by side (same rows, same order).</summary>
    public static FeatureTable Stack(IReadOnlyList<FeatureTable> tables) =>
        tables[0] with { Rows = Enumerable.Range(0, tables[0].Rows.Count).Select(i => tables.SelectMany(t => t.Rows[i]).ToArray()).ToList() };
}
