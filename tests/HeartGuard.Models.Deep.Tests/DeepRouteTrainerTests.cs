using System.Text.Json;
using HeartGuard.Core;
using HeartGuard.Models.Data;
using HeartGuard.Models.Deep.Training;
using HeartGuard.Models.Evaluation;
using HeartGuard.Models.Tests;
using HeartGuard.Models.Training;
using Xunit.Abstractions;

namespace HeartGuard.Models.Deep.Tests;

public class DeepRouteTrainerTests(ITestOutputHelper output)
{
    /// <summary>Pages rendered by the synthesizer -> route inputs (digitizer, or trace image) -> grouped CV ->
    /// bundle on disk -> loaded through the one loader analyze, evaluate and the web app use -> classifying
    /// pages it never saw, each probability under its own label (a permuted class order would score ~0).</summary>
    [Theory]
    [InlineData(DeepRouteSpec.SignalCnnNetwork)]
    [InlineData(DeepRouteSpec.ImageCnnNetwork)]
    public void TinyRouteTrainsFromPagesWritesABundleAndClassifiesUnseenPages(string network)
    {
        using var pages = new TestPages();
        var trainDir = pages.WriteDataset("train", perClass: 16, firstSeed: 3000);
        var testDir = pages.WriteDataset("test", perClass: 5, firstSeed: 7000);
        var bundleDir = Path.Combine(pages.Root, "bundle");
        var tiny = DeepRoutes.All[network] with { Width = 8, MaxEpochs = 40, BatchSize = 8 };

        var manifest = DeepRouteTrainer.Train(ImageDataset.Load(trainDir), "synth", [tiny], new TrainingOptions { Folds = 3, Seed = 1 }, bundleDir, output.WriteLine);
        var model = PageModels.Load(bundleDir);
        using var bundle = Assert.IsType<DeepBundle>(model);
        var test = ImageDataset.Load(testDir).Items;
        var predictions = test.Select(i => model.Predict(new PredictionInput(File.ReadAllBytes(i.Path)))).ToList();
        var metrics = ClassificationMetrics.Compute(test.Select(i => i.LabelIndex).ToList(),
            predictions.Select(d => DiagnosticClasses.All.Select(c => d.Probabilities[c]).ToArray()).ToList(), seed: 0);
        output.WriteLine($"held-out macro-F1 {metrics.MacroF1:F2}");

        Assert.Equal(DiagnosticClasses.All, manifest.Classes);
        Assert.Equal(tiny, JsonSerializer.Deserialize<DeepBundleManifest>(File.ReadAllText(Path.Combine(bundleDir, DeepBundle.ManifestFile)), Json.Options)!.Route);
        Assert.True(manifest.CrossValidation.Routes[tiny.Name].Metrics.MacroF1 > 0.5, $"CV macro-F1 {manifest.CrossValidation.Routes[tiny.Name].Metrics.MacroF1:F2}");
        // Three balanced classes: chance macro-F1 is about 0.33.
        Assert.True(metrics.MacroF1 > 0.5, $"held-out macro-F1 {metrics.MacroF1:F2}");
        Assert.All(predictions, d => Assert.Equal(1.0, d.Probabilities.Values.Sum(), 6));
        Assert.All(predictions, d => Assert.Equal(d.Probabilities.MaxBy(p => p.Value).Key, d.Label));
        Assert.Equal(network == DeepRouteSpec.ImageCnnNetwork, model.HasImagePart);
        // Every distinct training page's cross-validated prediction, as the ML.NET bundles keep it.
        var outOfFold = File.ReadAllLines(Path.Combine(bundleDir, Trainer.OutOfFoldFile));
        Assert.Equal(ImageDataset.Load(trainDir).Items.Count + 1, outOfFold.Length);
    }

    [Fact]
    public void TheLoaderReadsTheShippedMlNetBundleAndNamesAFolderWithoutAManifest()
    {
        Assert.IsType<ModelBundle>(PageModels.Load(ModelBundle.DefaultDirectory));
        var empty = Directory.CreateTempSubdirectory("hg-no-bundle-").FullName;
        try
        {
            var e = Assert.Throws<FileNotFoundException>(() => PageModels.Load(empty));
            Assert.Contains(empty, e.Message);
        }
        finally
        {
            Directory.Delete(empty);
        }
    }

    [Fact]
    public void UnknownDeepModelIsAClearError()
    {
        var e = Assert.Throws<ArgumentException>(() => DeepRouteTrainer.Train(
            new ImageDataset { Items = [], FileCount = 0, ExactDuplicates = 0, NearDuplicates = 0, Warnings = [] },
            "none", new TrainingOptions { Models = ["signal-transformer"] }, Path.GetTempPath(), _ => { }));
        Assert.Contains("signal-cnn", e.Message);
    }
}
