namespace HeartGuard.Models.Deep;

/// <summary>The one loader of model bundles: it picks the kind by the manifest the folder holds (a deep-route
/// bundle's <see cref="DeepBundle.ManifestFile"/>, else the ML.NET bundle's <see cref="ModelBundle.ManifestFile"/>).
/// It lives here, above both kinds, so neither bundle depends on the other.</summary>
public static class PageModels
{
    public static IPageModel Load(string directory) =>
        DeepBundle.IsDeepBundle(directory) ? DeepBundle.Load(directory) : ModelBundle.Load(directory);
}
