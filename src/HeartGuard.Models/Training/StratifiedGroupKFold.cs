namespace HeartGuard.Models.Training;

/// <summary>Stratified group k-fold: every group lands in exactly one fold, and groups are placed greedily
/// (largest and most class-skewed first, ties broken by the seed) into the fold that keeps each class's share
/// per fold closest to even - the same idea as scikit-learn's StratifiedGroupKFold.</summary>
public static class StratifiedGroupKFold
{
    /// <summary>The fold (0..k-1) of each row.</summary>
    public static int[] Assign(IReadOnlyList<int> labels, IReadOnlyList<string> groups, int k, int seed, int classCount)
    {
        if (labels.Count != groups.Count) throw new ArgumentException("labels and groups differ in length.");
        var distinctGroups = groups.Distinct().Count();
        if (k < 2 || k > distinctGroups)
            throw new ArgumentException($"Cannot make {k} folds from {distinctGroups} distinct group(s); need 2 <= folds <= groups.");

        var byGroup = Enumerable.Range(0, labels.Count).GroupBy(i => groups[i])
            .Select(g => (Rows: g.ToList(), Counts: CountClasses(g.Select(i => labels[i]), classCount))).ToList();
        var rng = new Random(seed);
        var order = byGroup.Select(g => (g, Key: rng.Next())).OrderByDescending(t => Spread(t.g.Counts)).ThenBy(t => t.Key)
            .Select(t => t.g).ToList();

        var totals = CountClasses(labels, classCount);
        var foldCounts = new double[k, classCount];
        var foldSizes = new int[k];
        var fold = new int[labels.Count];
        foreach (var (rows, counts) in order)
        {
            var best = -1;
            var bestCost = double.MaxValue;
            for (var f = 0; f < k; f++)
            {
                var cost = 0.0;
                for (var c = 0; c < classCount; c++)
                {
                    if (totals[c] == 0) continue;
                    for (var g = 0; g < k; g++)
                    {
                        var share = (foldCounts[g, c] + (g == f ? counts[c] : 0)) / totals[c];
                        cost += (share - 1.0 / k) * (share - 1.0 / k);
                    }
                }
                // Tie-break towards the smaller fold, so folds stay similar in size.
                cost += 1e-9 * (foldSizes[f] + rows.Count);
                if (cost < bestCost) { bestCost = cost; best = f; }
            }
            for (var c = 0; c < classCount; c++) foldCounts[best, c] += counts[c];
            foldSizes[best] += rows.Count;
            foreach (var r in rows) fold[r] = best;
        }
        return fold;
    }

    private static double[] CountClasses(IEnumerable<int> labels, int classCount)
    {
        var counts = new double[classCount];
        foreach (var l in labels) counts[l]++;
        return counts;
    }

    private static double Spread(double[] counts)
    {
        var mean = counts.Average();
        return Math.Sqrt(counts.Sum(c => (c - mean) * (c - mean)) / counts.Length);
    }
}
