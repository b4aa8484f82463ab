using System.Diagnostics;
using System.Text.Json;
using HeartGuard.Core;
using HeartGuard.Models.Data;
using HeartGuard.Models.Deep.Inputs;
using HeartGuard.Models.Evaluation;
using HeartGuard.Models.Heads;
using HeartGuard.Models.Training;

namespace HeartGuard.Models.Deep.Training;

/// <summary><c>heartguard train --model signal-cnn,...</c>: prepare every distinct page's input once per route
/// (digitized for the signal routes, the cleaned trace image for image-cnn), cross-validate
/// every asked deep route with the project's grouped folds (<see cref="CrossValidation"/>, same seed, so the
/// same folds as the ML.NET routes), keep the best macro-F1, calibrate it on its out-of-fold predictions,
/// refit it on all pages and write a deep bundle.</summary>
public static class DeepRouteTrainer
{
    /// <summary>Trains the routes <paramref name="options"/> names (see <see cref="DeepRoutes"/>).</summary>
    public static DeepBundleManifest Train(ImageDataset data, string dataSource, TrainingOptions options, string outputDirectory, Action<string> log) =>
        Train(data, dataSource, options.Models.Select(m => DeepRoutes.All.TryGetValue(m, out var r) ? r
            : throw new ArgumentException($"Unknown deep model '{m}'. Known: {string.Join(", ", DeepRoutes.All.Keys)}.")).ToList(), options, outputDirectory, log);

    public static DeepBundleManifest Train(ImageDataset data, string dataSource, IReadOnlyList<DeepRouteSpec> routes, TrainingOptions options,
        string outputDirectory, Action<string> log)
    {
        var clock = Stopwatch.StartNew();
        var items = data.Items;
        var groups = items.Select(i => i.Group).ToList();
        var labels = items.Select(i => i.LabelIndex).ToList();
        log($"{data.FileCount} files -> {items.Count} distinct images, {groups.Distinct().Count()} groups.");

        var results = new Dictionary<string, (RouteCv Cv, double[][] Oof, int[] Fold, List<float[]> Rows)>();
        foreach (var route in routes)
        {
            var rows = Inputs(items, route, log);
            var table = new FeatureTable(rows, labels, groups);
            log($"Cross-validating {route.Name} ({options.Folds} grouped folds) ...");
            var cv = CrossValidation.Run(table, groups, options.Folds, options.Seed, train =>
            {
                var model = DeepTrainer.Fit(route, train.Rows, train.Labels, train.Groups!, options.Seed, log);
                return model.Predict;
            }, log);
            var metrics = ClassificationMetrics.Compute(labels, cv.OutOfFold, seed: options.Seed);
            var foldF1 = Enumerable.Range(0, options.Folds).Select(f =>
            {
                var inFold = Enumerable.Range(0, items.Count).Where(i => cv.Fold[i] == f).ToList();
                return ClassificationMetrics.Compute(inFold.Select(i => labels[i]).ToList(), inFold.Select(i => cv.OutOfFold[i]).ToList(), 0).MacroF1;
            }).ToList();
            var sd = SampleSpread.Sd(foldF1);
            results[route.Name] = (new RouteCv(metrics, foldF1, sd), cv.OutOfFold, cv.Fold, rows);
            log($"  {route.Name}: macro-F1 {metrics.MacroF1:F3} [{metrics.MacroF1Ci95?.Low:F3}, {metrics.MacroF1Ci95?.High:F3}], accuracy {metrics.Accuracy:F3}, " +
                $"fold SD {sd:F3}, recall {string.Join(", ", metrics.PerClass.Select(c => $"{c.Key} {c.Value.Recall:F2}"))} ({clock.Elapsed.TotalSeconds:F0} s)");
        }

        var selected = results.MaxBy(r => r.Value.Cv.Metrics.MacroF1).Key;
        var temperature = TemperatureScaling.Fit(labels, results[selected].Oof);
        var spec = routes.First(r => r.Name == selected);
        log($"Selected {selected}; calibration temperature {temperature:F2}. Fitting on all {items.Count} images ...");
        Directory.CreateDirectory(outputDirectory);
        Trainer.WriteOutOfFold(Path.Combine(outputDirectory, Trainer.OutOfFoldFile), items, results[selected].Oof, results[selected].Fold);
        const string weightsFile = "deep-weights.bin";
        using (var final = DeepTrainer.Fit(spec, results[selected].Rows, labels, groups, options.Seed, log))
            final.Save(Path.Combine(outputDirectory, weightsFile));

        var manifest = new DeepBundleManifest
        {
            Model = selected,
            Classes = DiagnosticClasses.All,
            CreatedUtc = DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ"),
            CodeVersion = CodeVersion.Current(),
            Route = spec,
            WeightsFile = weightsFile,
            Temperature = temperature,
            ConfidenceThreshold = options.ConfidenceThreshold,
            TrainingData = TrainingDataManifest.Of(data, dataSource),
            CrossValidation = CrossValidationManifest.Of(options, selected, results.ToDictionary(r => r.Key, r => r.Value.Cv)),
            TrainingSeconds = Math.Round(clock.Elapsed.TotalSeconds, 1),
        };
        File.WriteAllText(Path.Combine(outputDirectory, DeepBundle.ManifestFile), JsonSerializer.Serialize(manifest, Json.Options));
        log($"Bundle complete in {clock.Elapsed.TotalSeconds:F0} s.");
        return manifest;
    }

    /// <summary>Every page's input row, once (digitized for the signal routes, decoded and cleaned for the image route).</summary>
    private static List<float[]> Inputs(IReadOnlyList<LabelledImage> items, DeepRouteSpec route, Action<string> log)
    {
        var inputs = IDeepInputs.For(route);
        var clock = Stopwatch.StartNew();
        var windows = new List<float[]>(items.Count);
        foreach (var item in items)
        {
            windows.Add(inputs.From(new PredictionInput(File.ReadAllBytes(item.Path)), Path.GetFileNameWithoutExtension(item.Path)));
            if (windows.Count % 50 == 0 || windows.Count == items.Count)
                log($"  prepared {windows.Count}/{items.Count} ({clock.Elapsed.TotalSeconds:F0} s)");
        }
        return windows;
    }
}
