using HeartGuard.Models.Heads;

namespace HeartGuard.Models.Training;

/// <summary>The trainable model routes by name (what <c>train --model</c> accepts).</summary>
public static class RouteCatalog
{
    public static readonly IReadOnlyDictionary<string, IReadOnlyList<HeadSpec>> ImageRoutes = new Dictionary<string, IReadOnlyList<HeadSpec>>
    {
        ["image-lr"] = [new HeadSpec(HeadKind.Logistic, L2: 1.0)],
        ["image-lr-pca"] = [new HeadSpec(HeadKind.Logistic, L2: 1.0, PcaRank: 64)],
        ["image-lgbm"] = [new HeadSpec(HeadKind.LightGbm)],
        ["image-svm"] = [new HeadSpec(HeadKind.Svm)],
        ["image-forest"] = [new HeadSpec(HeadKind.Forest)],
        ["image-vote"] = [new HeadSpec(HeadKind.Logistic, L2: 1.0), new HeadSpec(HeadKind.LightGbm), new HeadSpec(HeadKind.Svm)],
    };

    public static IReadOnlyList<HeadSpec> Resolve(string name) =>
        ImageRoutes.TryGetValue(name, out var specs) ? specs
            : throw new ArgumentException($"Unknown model '{name}'. Known: {string.Join(", ", ImageRoutes.Keys)}.");
}
