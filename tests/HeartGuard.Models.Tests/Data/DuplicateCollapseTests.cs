using HeartGuard.Core;
using HeartGuard.Models.Data;
using HeartGuard.Models.Training;
using HeartGuard.Synthesis;
using OpenCvSharp;

namespace HeartGuard.Models.Tests.Data;

public class DuplicateCollapseTests
{
    [Fact]
    public void ExactAndReencodedCopiesCollapseAndTheirGroupsMerge()
    {
        using var pages = new TestPages();
        var dir = pages.WriteDataset("dups", perClass: 3, firstSeed: 10);
        var normal = Path.Combine(dir, DiagnosticClasses.Normal);
        var original = Directory.GetFiles(normal).Order().First();
        File.Copy(original, Path.Combine(normal, "exact-copy.png"));
        using (var img = Cv2.ImRead(original))
        using (var smaller = new Mat())
        {
            Cv2.Resize(img, smaller, new Size(img.Width * 9 / 10, img.Height * 9 / 10), 0, 0, InterpolationFlags.Area);
            Cv2.ImWrite(Path.Combine(normal, "resized-copy.jpg"), smaller, new ImageEncodingParam(ImwriteFlags.JpegQuality, 85));
        }
        var originalName = Path.GetFileName(original);
        var groupsCsv = Path.Combine(pages.Root, "groups.csv");
        File.WriteAllLines(groupsCsv, ["file,printed_id", $"Normal/{originalName},A", "Normal/exact-copy.png,B", "Normal/resized-copy.jpg,C"]);

        var data = ImageDataset.Load(dir, GroupsCsv.Load(groupsCsv));

        Assert.Equal(11, data.FileCount);
        Assert.Equal(9, data.Items.Count);
        Assert.Equal(1, data.ExactDuplicates);
        Assert.Equal(1, data.NearDuplicates);
        var kept = Assert.Single(data.Items, i => i.DuplicatePaths.Count > 0);
        Assert.Equal(2, kept.DuplicatePaths.Count);
        // The three groups were joined by the duplicates into one.
        Assert.Single(data.Items.Where(i => i.Group.StartsWith("group:")).Select(i => i.Group).Distinct());
    }

    [Fact]
    public void DistinctPagesOfOneLayoutAreNotMistakenForDuplicates()
    {
        using var pages = new TestPages();
        var dir = pages.WriteDataset("distinct", perClass: 6, firstSeed: 100);

        var data = ImageDataset.Load(dir);

        Assert.Equal(18, data.Items.Count);
        Assert.Equal(0, data.NearDuplicates);
    }

    [Fact]
    public void GroupsLinkedByADuplicateLandInOneFold()
    {
        // Two files of one image with different printed IDs: after collapsing, the image's group absorbs
        // both IDs, so the other image sharing ID "B" cannot be put in a different fold from it.
        var files = new List<(string, string, string)>
        {
            ("a1", "Normal/a1.png", DiagnosticClasses.Normal), ("a2", "Normal/a2.png", DiagnosticClasses.Normal),
            ("b", "Normal/b.png", DiagnosticClasses.Normal),
        };
        for (var i = 0; i < 12; i++) files.Add(($"x{i}", $"HistoryOfMI/x{i}.png", DiagnosticClasses.HistoryOfMI));
        var hashes = files.Select((_, i) => Enumerable.Range(0, 16).Select(w => (ulong)(i * 7919 + w) * 0x9E3779B97F4A7C15UL).ToArray()).ToList();
        hashes[1] = (ulong[])hashes[0].Clone();
        hashes[1][3] ^= 0b111; // 3 bits away: a near duplicate
        var csvPath = Path.GetTempFileName();
        try
        {
            File.WriteAllLines(csvPath, ["file,group", "Normal/a1.png,A", "Normal/a2.png,B", "Normal/b.png,B"]);
            var data = ImageDataset.FromHashes(files, files.Select((_, i) => "sha" + i).ToList(), hashes,
                files.Select(_ => true).ToList(), GroupsCsv.Load(csvPath), ImageDataset.DefaultNearDuplicateBits, []);

            Assert.Equal(14, data.Items.Count);
            var a = data.Items.Single(i => i.RelativePath == "Normal/a1.png");
            var b = data.Items.Single(i => i.RelativePath == "Normal/b.png");
            Assert.Equal(a.Group, b.Group);
            var fold = StratifiedGroupKFold.Assign(data.Items.Select(i => i.LabelIndex).ToList(), data.Items.Select(i => i.Group).ToList(), 3, 1, 4);
            Assert.Equal(fold[data.Items.ToList().IndexOf(a)], fold[data.Items.ToList().IndexOf(b)]);
        }
        finally
        {
            File.Delete(csvPath);
        }
    }
}
