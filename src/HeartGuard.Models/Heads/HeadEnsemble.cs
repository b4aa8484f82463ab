namespace HeartGuard.Models.Heads;

/// <summary>Soft voting: the mean of the member heads' class probabilities.</summary>
public sealed class HeadEnsemble(IReadOnlyList<IClassifierHead> members)
{
    public IReadOnlyList<IClassifierHead> Members { get; } = members;

    public static HeadEnsemble Fit(FeatureTable train, IReadOnlyList<HeadSpec> specs, int seed) =>
        new(specs.Select(s => FitHead(train, s, seed)).ToList());

    public static HeadEnsemble Load(IReadOnlyList<HeadSpec> specs, IReadOnlyList<string> paths) =>
        new(specs.Select((s, i) => s.Kind == HeadKind.Knn ? (IClassifierHead)KnnHead.Load(paths[i]) : MlNetHead.Load(paths[i])).ToList());

    public double[] Predict(float[] features)
    {
        var sum = new double[HeartGuard.Core.DiagnosticClasses.All.Count];
        foreach (var m in Members)
        {
            var p = m.Predict(features);
            for (var k = 0; k < sum.Length; k++) sum[k] += p[k] / Members.Count;
        }
        return sum;
    }

    private static IClassifierHead FitHead(FeatureTable train, HeadSpec spec, int seed) =>
        spec.Kind == HeadKind.Knn ? KnnHead.Fit(train, spec.Neighbours, spec.BalanceClasses) : MlNetHead.Fit(train, spec, seed);
}
