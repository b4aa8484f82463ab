using HeartGuard.Core;
using HeartGuard.Models.Data;
using HeartGuard.Models.Evaluation;
using HeartGuard.Models.Features;
using HeartGuard.Models.Features.Signal;
using HeartGuard.Models.Training;

namespace HeartGuard.Models.Tests.Training;

public class EndToEndTests
{
    [Fact]
    public void SmallImageModelTrainsSavesLoadsAndBeatsChanceOnUnseenSynthPages()
    {
        using var pages = new TestPages();
        var trainDir = pages.WriteDataset("train", perClass: 10, firstSeed: 1000);
        var testDir = pages.WriteDataset("test", perClass: 6, firstSeed: 5000);
        var bundleDir = Path.Combine(pages.Root, "bundle");
        var options = new TrainingOptions { Models = ["image-lr"], Folds = 3, Seed = 1, Views = new ImageFeatureSpec(1, 2, true, false) };

        var manifest = Trainer.Train(ImageDataset.Load(trainDir), "synth", options, bundleDir, _ => { });
        var bundle = ModelBundle.Load(bundleDir);
        var result = Evaluator.Run(bundle, ImageDataset.Load(testDir));

        Assert.Equal(DiagnosticClasses.All, manifest.Classes);
        Assert.Equal(30, manifest.TrainingData.DistinctImages);
        Assert.True(manifest.CrossValidation.Routes["image-lr"].Metrics.MacroF1 > 0.6, $"CV macro-F1 {manifest.CrossValidation.Routes["image-lr"].Metrics.MacroF1:F2}");
        // Three balanced classes: chance macro-F1 is about 0.33.
        Assert.True(result.Metrics.MacroF1 > 0.6, $"held-out macro-F1 {result.Metrics.MacroF1:F2}");
        Assert.Equal(0, result.SeenInTraining);
    }

    [Fact]
    public void RepeatedCrossValidationRecordsEverySplitAndChoosesRoutesByTheirMean()
    {
        using var pages = new TestPages();
        var trainDir = pages.WriteDataset("train", perClass: 8, firstSeed: 2000);
        var bundleDir = Path.Combine(pages.Root, "bundle");
        var options = new TrainingOptions { Models = ["image-lr", "image-forest"], Folds = 3, Seed = 7, Repeats = 3, Views = new ImageFeatureSpec(1, 2, true, false) };

        var manifest = Trainer.Train(ImageDataset.Load(trainDir), "synth", options, bundleDir, _ => { });
        var json = File.ReadAllText(Path.Combine(bundleDir, ModelBundle.ManifestFile));

        foreach (var route in manifest.CrossValidation.Routes.Values)
        {
            Assert.Equal(3, route.RepeatMacroF1!.Count);
            Assert.Equal(route.Metrics.MacroF1, route.RepeatMacroF1[0]);
            Assert.All(route.RepeatMacroF1, f => Assert.InRange(f, 0, 1));
        }
        var best = manifest.CrossValidation.Routes.MaxBy(r => r.Value.RepeatMacroF1!.Average()).Key;
        Assert.Equal(best, manifest.CrossValidation.Selected);
        Assert.Contains("\"repeat_macro_f1\"", json);
    }

    [Fact]
    public void PredictionsAndExplanationsAreWellFormedAndFlagForeignImages()
    {
        using var pages = new TestPages();
        var trainDir = pages.WriteDataset("train", perClass: 8, firstSeed: 2000);
        var bundleDir = Path.Combine(pages.Root, "bundle");
        Trainer.Train(ImageDataset.Load(trainDir), "synth", new TrainingOptions { Models = ["image-lr"], Folds = 3, Views = new ImageFeatureSpec(1, 2, true, false) }, bundleDir, _ => { });
        var bundle = ModelBundle.Load(bundleDir);
        var page = File.ReadAllBytes(Directory.GetFiles(Path.Combine(trainDir, DiagnosticClasses.MyocardialInfarction))[0]);

        var diagnosis = bundle.Predict(new PredictionInput(page));
        Assert.Equal(DiagnosticClasses.All, diagnosis.Probabilities.Keys);
        Assert.Equal(1.0, diagnosis.Probabilities.Values.Sum(), 6);
        Assert.Equal(diagnosis.Probabilities[diagnosis.Label], diagnosis.Confidence);

        var explanation = bundle.Explain(new PredictionInput(page));
        Assert.Equal(diagnosis.Label, explanation.Label);
        Assert.Equal(explanation.GridRows * explanation.GridColumns, explanation.Heatmap.Length);
        Assert.All(explanation.Heatmap, v => Assert.InRange(v, 0f, 1f));

        using var noise = new OpenCvSharp.Mat(300, 400, OpenCvSharp.MatType.CV_8UC3);
        OpenCvSharp.Cv2.Randu(noise, OpenCvSharp.Scalar.All(0), OpenCvSharp.Scalar.All(255));
        var foreign = bundle.Predict(new PredictionInput(noise.ImEncode(".png")));
        Assert.Contains("out_of_distribution", foreign.Flags);
        Assert.True(foreign.IsUncertain);

        Assert.Throws<InvalidDataException>(() => bundle.Predict(new PredictionInput(new byte[] { 1, 2, 3 })));
    }

    [Fact]
    public void SignalRouteTrainsFromDigitizedSynthPagesGetsEveryClassRightAndExplainsByLead()
    {
        using var pages = new TestPages();
        var trainDir = pages.WriteDataset("train", perClass: 10, firstSeed: 3000);
        var testDir = pages.WriteDataset("test", perClass: 6, firstSeed: 7000);
        var bundleDir = Path.Combine(pages.Root, "bundle");

        var manifest = Trainer.Train(ImageDataset.Load(trainDir), "synth", new TrainingOptions { Models = ["signal-lgbm-lr"], Folds = 3, Seed = 1 }, bundleDir, _ => { });
        var bundle = ModelBundle.Load(bundleDir);
        var result = Evaluator.Run(bundle, ImageDataset.Load(testDir));

        Assert.Null(manifest.ImageRoute);
        // The route's heads see the measured features only, and the bundle names exactly those.
        Assert.Equal(SignalFeatureSets.Names(SignalFeatureSet.Measured), manifest.SignalRoute!.FeatureNames);
        Assert.DoesNotContain(manifest.SignalRoute.FeatureNames, SignalFeatureExtractor.IsMedianBeatSample);
        Assert.All(manifest.CrossValidation.Routes.Values, r => Assert.True(r.Metrics.MacroF1 > 0.6, $"CV macro-F1 {r.Metrics.MacroF1:F2}"));
        // Every class's own pages must mostly come back under its own label: a permuted class order would
        // send them to another class and fail here even if the model separated the classes perfectly.
        foreach (var (_, label) in TestPages.ThreeClasses)
            Assert.True(result.Metrics.PerClass[label].Recall > 0.6, $"{label} recall {result.Metrics.PerClass[label].Recall:F2}");

        var mi = File.ReadAllBytes(Directory.GetFiles(Path.Combine(testDir, DiagnosticClasses.MyocardialInfarction))[0]);
        var leads = bundle.ExplainLeads(new PredictionInput(mi));
        Assert.Equal(StandardLeads.Names, leads.Select(l => l.Lead));
        Assert.Contains(leads, l => l.ProbabilityChange != 0);
    }

    [Fact]
    public void EnsembleOfImageAndSignalRoutesSavesBothPartsAndExplainsBoth()
    {
        using var pages = new TestPages();
        var trainDir = pages.WriteDataset("train", perClass: 8, firstSeed: 4000);
        var bundleDir = Path.Combine(pages.Root, "bundle");

        var manifest = Trainer.Train(ImageDataset.Load(trainDir), "synth",
            new TrainingOptions { Models = ["ensemble"], Folds = 3, Seed = 1, Views = new ImageFeatureSpec(1, 2, true, false) }, bundleDir, _ => { });
        var bundle = ModelBundle.Load(bundleDir);
        var page = new PredictionInput(File.ReadAllBytes(Directory.GetFiles(Path.Combine(trainDir, DiagnosticClasses.Normal))[0]));
        var diagnosis = bundle.Predict(page);
        var explanation = bundle.Explain(page);

        Assert.Equal(1.0, manifest.ImageRoute!.Weight + manifest.SignalRoute!.Weight, 9);
        Assert.True(manifest.CrossValidation.Routes["ensemble"].Metrics.MacroF1 > 0.6);
        Assert.Equal(1.0, diagnosis.Probabilities.Values.Sum(), 6);
        Assert.Equal(diagnosis.Label, explanation.Label);
        Assert.Equal(explanation.GridRows * explanation.GridColumns, explanation.Heatmap.Length);
        Assert.True(explanation.Heatmap.Length > 0);
        Assert.Equal(12, explanation.LeadContributions.Count);
    }
}
