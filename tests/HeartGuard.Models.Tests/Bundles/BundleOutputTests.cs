using HeartGuard.Models;

namespace HeartGuard.Models.Tests.Bundles;

public class BundleOutputTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("hg-bundle-").FullName;
    private static readonly string[] Manifests = [ModelBundle.ManifestFile];

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private static void WriteBundle(string dir, params string[] files)
    {
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, ModelBundle.ManifestFile), "{}");
        foreach (var f in files) File.WriteAllText(Path.Combine(dir, f), f);
    }

    [Fact]
    public void A_bundle_written_over_an_older_one_replaces_it_whole()
    {
        var target = Path.Combine(_root, "model");
        WriteBundle(target, "signal-head-0-lightgbm.zip", "signal-head-1-lbfgs-logistic.zip");

        BundleOutput.Write(target, Manifests, dir => WriteBundle(dir, "signal-head-0-lbfgs-logistic.zip"));

        Assert.Equal([ModelBundle.ManifestFile, "signal-head-0-lbfgs-logistic.zip"], Directory.GetFiles(target).Select(Path.GetFileName).Order());
        Assert.Equal([target], Directory.GetDirectories(_root));
    }

    [Fact]
    public void A_failed_training_leaves_the_previous_bundle_and_no_partial_folder()
    {
        var target = Path.Combine(_root, "model");
        WriteBundle(target, "signal-head-0-lightgbm.zip");

        Assert.Throws<InvalidDataException>(() => BundleOutput.Write(target, Manifests, dir =>
        {
            WriteBundle(dir, "half-written.zip");
            throw new InvalidDataException("no pages");
        }));

        Assert.True(File.Exists(Path.Combine(target, "signal-head-0-lightgbm.zip")));
        Assert.False(File.Exists(Path.Combine(target, "half-written.zip")));
        Assert.Equal([target], Directory.GetDirectories(_root));
    }

    [Fact]
    public void A_folder_holding_other_files_is_refused_before_training()
    {
        var target = Path.Combine(_root, "papers");
        Directory.CreateDirectory(target);
        File.WriteAllText(Path.Combine(target, "notes.txt"), "keep me");
        var trained = false;

        Assert.Throws<IOException>(() => BundleOutput.Write(target, Manifests, _ => trained = true));

        Assert.False(trained);
        Assert.Equal("keep me", File.ReadAllText(Path.Combine(target, "notes.txt")));
    }
}
