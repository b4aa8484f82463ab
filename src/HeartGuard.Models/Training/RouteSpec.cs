using HeartGuard.Models.Features.Signal;
using HeartGuard.Models.Heads;

namespace HeartGuard.Models.Training;

/// <summary>Where a route's feature vector comes from.</summary>
public enum FeatureSource
{
    /// <summary>ResNet18 features of the page's chart views (no missing values).</summary>
    Image,
    /// <summary>SignalFeatureExtractor's named measurements of the digitized page (NaN = not measurable).</summary>
    Signal,
}

/// <summary>A route: a feature source and the heads that vote on it, with the fold-internal transforms the
/// heads do not carry themselves (mean imputation of missing signal features; SMOTE), and for the signal
/// source which of its features the heads see.</summary>
public sealed record RouteSpec(string Name, FeatureSource Source, IReadOnlyList<HeadSpec> Heads, bool Smote = false,
    SignalFeatureSet SignalFeatures = SignalFeatureSet.All)
{
    public bool ImputesMissing => Source == FeatureSource.Signal;
}

/// <summary>What <c>train --model NAME</c> fits: one route, or several whose probabilities are blended with
/// weights chosen by nested cross-validation.</summary>
public sealed record BlendSpec(string Name, IReadOnlyList<RouteSpec> Members);
