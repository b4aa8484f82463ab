namespace HeartGuard.Models.Heads;

/// <summary>SMOTE (Chawla et al. 2002): every class is topped up to the size of the largest with synthetic rows
/// placed at a random point between a row and one of its <c>k</c> nearest same-class neighbours (distances on
/// standardised features). Applied to a fold's training rows only - never before the split, which is how the
/// seed's published figures leaked. Rows must be complete (impute first).</summary>
public static class Smote
{
    public static FeatureTable Oversample(FeatureTable train, int k, int seed)
    {
        var rng = new Random(seed);
        var z = Standardizer.Fit(train.Rows);
        var scaled = train.Rows.Select(r => z.Apply(r)).ToList();
        var rows = train.Rows.ToList();
        var labels = train.Labels.ToList();
        var groups = train.Groups?.ToList();
        var byClass = Enumerable.Range(0, train.Rows.Count).GroupBy(i => train.Labels[i]).ToDictionary(g => g.Key, g => g.ToArray());
        var target = byClass.Values.Max(m => m.Length);
        foreach (var (label, members) in byClass)
        {
            if (members.Length < 2) continue;
            var neighbours = members.ToDictionary(i => i, i => Nearest(scaled, i, members, k));
            for (var added = members.Length; added < target; added++)
            {
                var a = members[rng.Next(members.Length)];
                var b = neighbours[a][rng.Next(neighbours[a].Length)];
                var t = (float)rng.NextDouble();
                var synthetic = new float[train.FeatureCount];
                for (var j = 0; j < synthetic.Length; j++) synthetic[j] = train.Rows[a][j] + t * (train.Rows[b][j] - train.Rows[a][j]);
                rows.Add(synthetic);
                labels.Add(label);
                // A synthetic row belongs to the group of the row it grew from, so inner splits keep it there.
                groups?.Add(train.Groups![a]);
            }
        }
        return new FeatureTable(rows, labels, groups);
    }

    private static int[] Nearest(List<float[]> scaled, int row, int[] members, int k) =>
        members.Where(m => m != row).OrderBy(m => SquaredDistance(scaled[row], scaled[m])).Take(k).ToArray();

    internal static double SquaredDistance(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        double sum = 0;
        for (var j = 0; j < a.Length; j++)
        {
            var d = a[j] - b[j];
            sum += d * d;
        }
        return sum;
    }
}
