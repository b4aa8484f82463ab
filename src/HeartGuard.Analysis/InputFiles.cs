using HeartGuard.Imaging.Loading;

namespace HeartGuard.Analysis;

/// <summary>Expands command-line inputs (image files and folders, searched recursively) into the image
/// files to analyze, in a stable order; inputs that do not exist are reported, not dropped.</summary>
public static class InputFiles
{
    public static (IReadOnlyList<string> Files, IReadOnlyList<string> Missing) Expand(IEnumerable<string> inputs)
    {
        var files = new List<string>();
        var missing = new List<string>();
        foreach (var input in inputs)
        {
            if (File.Exists(input)) files.Add(input);
            else if (Directory.Exists(input))
                files.AddRange(ImageFiles.In(input));
            else missing.Add(input);
        }
        return (files, missing);
    }
}
