namespace HeartGuard.Imaging.Loading;

/// <summary>Which files in a folder are page images (by extension, the formats <see cref="ImageHeader"/> reads),
/// listed recursively in ordinal order so batches, benches and datasets see files in the same stable order.</summary>
public static class ImageFiles
{
    public static readonly IReadOnlySet<string> Extensions =
        new HashSet<string>(StringComparer.OrdinalIgnoreCase) { ".png", ".jpg", ".jpeg", ".tif", ".tiff", ".bmp", ".webp" };

    public static bool IsImage(string path) => Extensions.Contains(Path.GetExtension(path));

    public static IEnumerable<string> In(string folder) =>
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Where(IsImage).Order(StringComparer.Ordinal);
}
