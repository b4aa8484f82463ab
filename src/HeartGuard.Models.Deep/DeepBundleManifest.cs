namespace HeartGuard.Models.Deep;

/// <summary>The manifest of a deep-route bundle: the common bundle record plus the route (network, input
/// window and training schedule) and the state-dict file.</summary>
public sealed record DeepBundleManifest : BundleManifestBase
{
    public required DeepRouteSpec Route { get; init; }
    public required string WeightsFile { get; init; }
}
