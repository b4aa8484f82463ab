namespace HeartGuard.Models.Heads;

/// <summary>The classifiers a feature route can end in (ML.NET trainers; SVM and forest are binary in
/// ML.NET and run one-versus-all with calibrated outputs).</summary>
public enum HeadKind { Logistic, LightGbm, Svm, Forest }

/// <summary>A head and the options that shape it; part of the bundle manifest.</summary>
public sealed record HeadSpec(HeadKind Kind, double L2 = 1.0, int PcaRank = 0, int Trees = 200, bool BalanceClasses = true)
{
    public string Name => Kind switch
    {
        HeadKind.Logistic => "lbfgs-logistic",
        HeadKind.LightGbm => "lightgbm",
        HeadKind.Svm => "linear-svm-ova",
        HeadKind.Forest => "fastforest-ova",
        _ => Kind.ToString(),
    } + (PcaRank > 0 ? $"+pca{PcaRank}" : "");
}
