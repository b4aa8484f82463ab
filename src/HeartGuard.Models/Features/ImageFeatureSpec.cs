namespace HeartGuard.Models.Features;

/// <summary>How a page becomes one feature vector: the whole page squashed to the network's input, plus a
/// grid of tiles (each a 224x224 view at several times the whole page's resolution, so ST segments and Q
/// waves survive the downscale), all cut from the <see cref="Crop"/> area. Every view gives <see cref="ResNetFeaturizer.FeatureCount"/> features.</summary>
public sealed record ImageFeatureSpec(int TileRows, int TileColumns, bool WholePage, bool Grayscale, ViewCrop Crop = ViewCrop.None)
{
    public static ImageFeatureSpec Default { get; } = new(3, 4, true, false, ViewCrop.GridBand);

    public int ViewCount => TileRows * TileColumns + (WholePage ? 1 : 0);
    public int FeatureCount => ViewCount * ResNetFeaturizer.FeatureCount;
}
