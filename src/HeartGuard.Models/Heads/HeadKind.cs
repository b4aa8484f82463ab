namespace HeartGuard.Models.Heads;

/// <summary>The classifiers a feature route can end in (ML.NET trainers - SVM and forest are binary in
/// ML.NET and run one-versus-all with calibrated outputs - and our own k-nearest neighbours).</summary>
public enum HeadKind { Logistic, LightGbm, Svm, Forest, Knn }

/// <summary>A head and the options that shape it; part of the bundle manifest.</summary>
/// <param name="Leaves">LightGBM: leaves per tree.</param>
/// <param name="MinLeafRows">LightGBM: fewest training rows a leaf may hold.</param>
/// <param name="FeatureFraction">LightGBM: share of the features each tree may split on (1 = all).</param>
public sealed record HeadSpec(HeadKind Kind, double L2 = 1.0, int PcaRank = 0, int Trees = 200, bool BalanceClasses = true, int Neighbours = 7,
    double LearningRate = 0.05, int Leaves = 8, int MinLeafRows = 5, double FeatureFraction = 1.0)
{
    public string Name => Kind switch
    {
        HeadKind.Logistic => "lbfgs-logistic",
        HeadKind.LightGbm => "lightgbm",
        HeadKind.Svm => "linear-svm-ova",
        HeadKind.Forest => "fastforest-ova",
        HeadKind.Knn => $"knn{Neighbours}",
        _ => Kind.ToString(),
    } + (PcaRank > 0 ? $"+pca{PcaRank}" : "");
}
