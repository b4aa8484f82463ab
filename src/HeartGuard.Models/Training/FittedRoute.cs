using HeartGuard.Models.Heads;

namespace HeartGuard.Models.Training;

/// <summary>One route fitted on a training table: imputation of missing features (training means), optional
/// SMOTE on the imputed training rows, then the heads. Everything here saw the training rows only.</summary>
public sealed class FittedRoute(RouteSpec spec, MeanImputer? imputer, HeadEnsemble heads)
{
    public RouteSpec Spec { get; } = spec;
    public MeanImputer? Imputer { get; } = imputer;
    public HeadEnsemble Heads { get; } = heads;

    public static FittedRoute Fit(FeatureTable train, RouteSpec spec, int seed)
    {
        var imputer = spec.ImputesMissing ? MeanImputer.Fit(train.Rows) : null;
        var rows = imputer?.Apply(train) ?? train;
        if (spec.Smote) rows = Smote.Oversample(rows, k: 5, seed);
        return new FittedRoute(spec, imputer, HeadEnsemble.Fit(rows, spec.Heads, seed));
    }

    /// <summary>The row with missing values filled as in training.</summary>
    public float[] Complete(float[] features) => Imputer?.Apply(features) ?? features;

    public double[] Predict(float[] features) => Heads.Predict(Complete(features));
}
