namespace HeartGuard.Models.Heads;

/// <summary>Soft voting: the mean of the member heads' class probabilities.</summary>
public sealed class HeadEnsemble(IReadOnlyList<MlNetHead> members)
{
    public IReadOnlyList<MlNetHead> Members { get; } = members;

    public static HeadEnsemble Fit(FeatureTable train, IReadOnlyList<HeadSpec> specs, int seed) =>
        new(specs.Select(s => MlNetHead.Fit(train, s, seed)).ToList());

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
}
