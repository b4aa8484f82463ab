using HeartGuard.Imaging.Loading;
using System.Security.Cryptography;
using HeartGuard.Core;
using OpenCvSharp;

namespace HeartGuard.Models.Data;

/// <summary>A labelled image folder (one subfolder per class, Mendeley folder names accepted) reduced to
/// distinct pages: exact (SHA-256) and near (perceptual hash) duplicates are collapsed before anything
/// else sees the data, and groups linked by a duplicate are merged so no page can appear on both sides of a split.</summary>
public sealed class ImageDataset
{

    public required IReadOnlyList<LabelledImage> Items { get; init; }
    public required int FileCount { get; init; }
    public required int ExactDuplicates { get; init; }
    public required int NearDuplicates { get; init; }
    public required IReadOnlyList<string> Warnings { get; init; }

    /// <summary>Hamming distance (of <see cref="PerceptualHash.Bits"/>) at or below which two pages count as the same image:
    /// well under the 114 bits that separate the closest distinct pages of the Mendeley set.</summary>
    public const int DefaultNearDuplicateBits = 48;

    public static ImageDataset Load(string directory, GroupsCsv? groups = null, int nearDuplicateBits = DefaultNearDuplicateBits)
    {
        if (!Directory.Exists(directory)) throw new DirectoryNotFoundException($"Data folder {directory} does not exist.");
        var files = new List<(string Path, string Relative, string Label)>();
        var warnings = new List<string>();
        foreach (var sub in Directory.GetDirectories(directory).OrderBy(d => d, StringComparer.Ordinal))
        {
            var label = DiagnosticClasses.FromFolderName(System.IO.Path.GetFileName(sub));
            if (label is null) { warnings.Add($"Ignored folder '{System.IO.Path.GetFileName(sub)}': not a class name."); continue; }
            foreach (var f in ImageFiles.In(sub))
                files.Add((f, System.IO.Path.GetRelativePath(directory, f).Replace('\\', '/'), label));
        }
        if (files.Count == 0) throw new InvalidDataException($"No images in class subfolders of {directory} (expected {string.Join(", ", DiagnosticClasses.All)}).");

        var shas = new string[files.Count];
        var hashes = new ulong[files.Count][];
        var readable = new bool[files.Count];
        for (var i = 0; i < files.Count; i++)
        {
            var bytes = File.ReadAllBytes(files[i].Path);
            shas[i] = Convert.ToHexStringLower(SHA256.HashData(bytes));
            // Full resolution: a reduced decode aliases thin traces and makes resized copies drift ~40 bits.
            using var img = Cv2.ImDecode(bytes, ImreadModes.Grayscale);
            readable[i] = !img.Empty();
            hashes[i] = readable[i] ? PerceptualHash.Compute(img) : [];
            if (!readable[i]) warnings.Add($"Skipped {files[i].Relative}: not a readable image.");
        }
        return FromHashes(files, shas, hashes, readable, groups, nearDuplicateBits, warnings);
    }

    /// <summary>The collapse itself, separated from file reading so it can be tested on chosen hashes.</summary>
    public static ImageDataset FromHashes(
        IReadOnlyList<(string Path, string Relative, string Label)> files, IReadOnlyList<string> shas,
        IReadOnlyList<ulong[]> hashes, IReadOnlyList<bool> readable, GroupsCsv? groups, int nearDuplicateBits,
        List<string> warnings)
    {
        var n = files.Count;
        var clusters = new UnionFind(n);
        int exact = 0, near = 0;
        for (var i = 0; i < n; i++)
        {
            if (!readable[i]) continue;
            for (var j = 0; j < i; j++)
            {
                if (!readable[j] || clusters.Find(i) == clusters.Find(j)) continue;
                if (shas[i] == shas[j]) { clusters.Union(i, j); exact++; }
                else if (PerceptualHash.Distance(hashes[i], hashes[j]) <= nearDuplicateBits) { clusters.Union(i, j); near++; }
            }
        }

        var groupNames = new string[n];
        for (var i = 0; i < n; i++) groupNames[i] = groups?.Find(files[i].Relative) is { } g ? "group:" + g : "file:" + files[i].Relative;
        var distinctGroups = groupNames.Distinct().ToList();
        var groupIndex = distinctGroups.Select((g, k) => (g, k)).ToDictionary(t => t.g, t => t.k);
        var mergedGroups = new UnionFind(distinctGroups.Count);
        for (var i = 0; i < n; i++)
            if (readable[i]) mergedGroups.Union(groupIndex[groupNames[i]], groupIndex[groupNames[clusters.Find(i)]]);

        var items = new List<LabelledImage>();
        foreach (var cluster in Enumerable.Range(0, n).Where(i => readable[i]).GroupBy(clusters.Find))
        {
            var members = cluster.ToList();
            var rep = members[0];
            if (members.Any(m => files[m].Label != files[rep].Label))
            {
                warnings.Add($"Dropped {string.Join(", ", members.Select(m => files[m].Relative))}: the same image carries different labels.");
                continue;
            }
            var group = distinctGroups[mergedGroups.Find(groupIndex[groupNames[rep]])];
            items.Add(new LabelledImage(files[rep].Path, files[rep].Relative, files[rep].Label, shas[rep], hashes[rep], group,
                members.Skip(1).Select(m => files[m].Relative).ToList()));
        }
        if (groups is not null)
        {
            var missing = files.Count(f => groups.Find(f.Relative) is null);
            if (missing > 0) warnings.Add($"{missing} file(s) have no group in the groups file; each is its own group.");
        }
        return new ImageDataset { Items = items, FileCount = n, ExactDuplicates = exact, NearDuplicates = near, Warnings = warnings };
    }
}
