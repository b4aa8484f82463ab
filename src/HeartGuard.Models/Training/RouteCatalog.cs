using HeartGuard.Models.Features.Signal;
using HeartGuard.Models.Heads;

namespace HeartGuard.Models.Training;

/// <summary>The trainable model routes by name (what <c>train --model</c> accepts): a route is a feature
/// source plus heads; an ensemble names the routes it blends. Add a route by adding a line.</summary>
public static class RouteCatalog
{
    public static readonly IReadOnlyDictionary<string, RouteSpec> Routes = new[]
    {
        Image("image-lr", new HeadSpec(HeadKind.Logistic, L2: 1.0)),
        Image("image-lr-pca", new HeadSpec(HeadKind.Logistic, L2: 1.0, PcaRank: 64)),
        Image("image-lgbm", new HeadSpec(HeadKind.LightGbm)),
        Image("image-svm", new HeadSpec(HeadKind.Svm)),
        Image("image-forest", new HeadSpec(HeadKind.Forest)),
        Image("image-vote", new HeadSpec(HeadKind.Logistic, L2: 1.0), new HeadSpec(HeadKind.LightGbm), new HeadSpec(HeadKind.Svm)),
        Signal("signal-lgbm", new HeadSpec(HeadKind.LightGbm)),
        Signal("signal-lgbm-small", new HeadSpec(HeadKind.LightGbm, Trees: 400, LearningRate: 0.03, Leaves: 4, MinLeafRows: 10, FeatureFraction: 0.3)),
        // Trees and a linear model err on different pages; the median-beat samples only add noise to both.
        Signal("signal-lgbm-lr", new HeadSpec(HeadKind.LightGbm), new HeadSpec(HeadKind.Logistic, L2: 1.0)) with { SignalFeatures = SignalFeatureSet.Measured },
        Signal("signal-forest", new HeadSpec(HeadKind.Forest)),
        Signal("signal-lr", new HeadSpec(HeadKind.Logistic, L2: 1.0)),
        Signal("signal-svm", new HeadSpec(HeadKind.Svm)),
        Signal("signal-knn", new HeadSpec(HeadKind.Knn, BalanceClasses: false, Neighbours: 7)),
        Signal("signal-vote", new HeadSpec(HeadKind.Logistic, L2: 1.0), new HeadSpec(HeadKind.LightGbm), new HeadSpec(HeadKind.Forest), new HeadSpec(HeadKind.Knn, BalanceClasses: false, Neighbours: 7)),
    }.ToDictionary(r => r.Name);

    /// <summary>Cross-route ensembles: the named routes' probabilities, weighted by nested cross-validation.</summary>
    public static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> Ensembles = new Dictionary<string, IReadOnlyList<string>>
    {
        ["ensemble"] = ["image-lr", "signal-lgbm"],
        ["ensemble-lgbm-lr"] = ["image-lr", "signal-lgbm-lr"],
    };

    public static IEnumerable<string> Names => Routes.Keys.Concat(Ensembles.Keys);

    /// <summary>The blend for <paramref name="name"/>; <paramref name="smote"/> and <paramref name="pcaRank"/>
    /// (0 = none) apply to signal routes, as the seed offered them for its tabular models (PCA reaches the
    /// ML.NET heads; k-NN keeps all standardised features).</summary>
    public static BlendSpec Resolve(string name, bool smote = false, int pcaRank = 0)
    {
        RouteSpec Adjust(RouteSpec r) => r.Source != FeatureSource.Signal ? r
            : r with { Smote = smote, Heads = r.Heads.Select(h => h.Kind == HeadKind.Knn || pcaRank <= 0 ? h : h with { PcaRank = pcaRank }).ToList() };
        if (Routes.TryGetValue(name, out var route)) return new BlendSpec(name, [Adjust(route)]);
        if (Ensembles.TryGetValue(name, out var members)) return new BlendSpec(name, members.Select(m => Adjust(Routes[m])).ToList());
        throw new ArgumentException($"Unknown model '{name}'. Known: {string.Join(", ", Names)}.");
    }

    private static RouteSpec Image(string name, params HeadSpec[] heads) => new(name, FeatureSource.Image, heads);
    private static RouteSpec Signal(string name, params HeadSpec[] heads) => new(name, FeatureSource.Signal, heads);
}
