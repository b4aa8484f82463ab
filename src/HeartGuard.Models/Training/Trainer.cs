using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using HeartGuard.Core;
using HeartGuard.Models.Data;
using HeartGuard.Models.Evaluation;
using HeartGuard.Models.Features;
using HeartGuard.Models.Heads;

namespace HeartGuard.Models.Training;

/// <summary>The whole of <c>heartguard train</c>: featurise the distinct pages, cross-validate every asked
/// route with groups kept inside folds, keep the best by macro-F1, calibrate it on its out-of-fold
/// predictions, refit it on all pages and write the bundle.</summary>
public static class Trainer
{
    public static BundleManifest Train(ImageDataset data, string dataSource, TrainingOptions options, string outputDirectory, Action<string> log)
    {
        var clock = Stopwatch.StartNew();
        var items = data.Items;
        log($"{data.FileCount} files -> {items.Count} distinct images ({data.ExactDuplicates} exact, {data.NearDuplicates} near duplicates collapsed), " +
            $"{items.Select(i => i.Group).Distinct().Count()} groups.");
        var table = Featurize(items, options, log);
        var groups = items.Select(i => i.Group).ToList();

        var results = new Dictionary<string, (RouteCv Cv, double[][] Oof, int[] Fold)>();
        foreach (var model in options.Models)
        {
            var specs = RouteCatalog.Resolve(model);
            log($"Cross-validating {model} ({options.Folds} grouped folds) ...");
            var cv = CrossValidation.Run(table, groups, options.Folds, options.Seed,
                train => HeadEnsemble.Fit(train, specs, options.Seed).Predict, log);
            var metrics = ClassificationMetrics.Compute(table.Labels, cv.OutOfFold, seed: options.Seed);
            var foldF1 = Enumerable.Range(0, options.Folds).Select(f =>
            {
                var rows = Enumerable.Range(0, items.Count).Where(i => cv.Fold[i] == f).ToList();
                return ClassificationMetrics.Compute(rows.Select(i => table.Labels[i]).ToList(), rows.Select(i => cv.OutOfFold[i]).ToList(), 0).MacroF1;
            }).ToList();
            var sd = Math.Sqrt(foldF1.Sum(v => (v - foldF1.Average()) * (v - foldF1.Average())) / Math.Max(1, foldF1.Count - 1));
            results[model] = (new RouteCv(metrics, foldF1, sd), cv.OutOfFold, cv.Fold);
            log($"  {model}: macro-F1 {metrics.MacroF1:F3} [{metrics.MacroF1Ci95?.Low:F3}, {metrics.MacroF1Ci95?.High:F3}], accuracy {metrics.Accuracy:F3}, fold SD {sd:F3}");
        }

        var selected = results.MaxBy(r => r.Value.Cv.Metrics.MacroF1).Key;
        var (_, oof, fold) = results[selected];
        var temperature = TemperatureScaling.Fit(table.Labels, oof);
        log($"Selected {selected}; calibration temperature {temperature:F2}. Fitting on all {items.Count} images ...");

        Directory.CreateDirectory(outputDirectory);
        var specsSelected = RouteCatalog.Resolve(selected);
        var final = HeadEnsemble.Fit(table, specsSelected, options.Seed);
        var heads = new List<HeadFile>();
        for (var h = 0; h < final.Members.Count; h++)
        {
            var file = $"head-{h}-{specsSelected[h].Name}.zip";
            final.Members[h].Save(Path.Combine(outputDirectory, file));
            heads.Add(new HeadFile(specsSelected[h], file));
        }
        const string oodFile = "ood.bin";
        FitOutOfDistribution(table, fold, options.Folds).Save(Path.Combine(outputDirectory, oodFile));

        var shas = items.Select(i => i.Sha256).OrderBy(s => s, StringComparer.Ordinal).ToList();
        var manifest = new BundleManifest
        {
            Model = selected,
            Classes = DiagnosticClasses.All,
            CreatedUtc = DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ"),
            CodeVersion = CodeVersion.Current(),
            ImageRoute = new ImageRouteManifest(options.Views, "Microsoft.ML.DnnImageFeaturizer.ResNet18 0.23.1 " + ResNetFeaturizer.ModelFileName,
                ModelBundle.Featurizer.ModelSha256(), heads),
            Temperature = temperature,
            ConfidenceThreshold = options.ConfidenceThreshold,
            OutOfDistributionFile = oodFile,
            TrainingData = new TrainingDataManifest(dataSource, data.FileCount, items.Count, data.ExactDuplicates, data.NearDuplicates,
                groups.Distinct().Count(),
                DiagnosticClasses.All.ToDictionary(c => c, c => items.Count(i => i.Label == c)),
                Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(string.Join("\n", shas)))), shas),
            CrossValidation = new CrossValidationManifest(options.Folds, options.Seed,
                options.GroupsSource is null ? "image (no groups file)" : $"groups from {options.GroupsSource}", selected,
                results.ToDictionary(r => r.Key, r => r.Value.Cv)),
            TrainingSeconds = Math.Round(clock.Elapsed.TotalSeconds, 1),
        };
        File.WriteAllText(Path.Combine(outputDirectory, ModelBundle.ManifestFile), JsonSerializer.Serialize(manifest, Json.Options));
        log($"Bundle written to {outputDirectory} in {clock.Elapsed.TotalSeconds:F0} s.");
        return manifest;
    }

    private static FeatureTable Featurize(IReadOnlyList<LabelledImage> items, TrainingOptions options, Action<string> log)
    {
        var cache = new FeatureCache(options.FeatureCachePath, options.Views);
        var rows = new List<float[]>(items.Count);
        var clock = Stopwatch.StartNew();
        foreach (var item in items)
        {
            rows.Add(cache.GetOrAdd(item.Sha256, () =>
            {
                using var page = PageViews.Decode(File.ReadAllBytes(item.Path), options.Views.Grayscale);
                return ModelBundle.Featurizer.Featurize(page, options.Views);
            }));
            if (rows.Count % 25 == 0 || rows.Count == items.Count)
                log($"  features {rows.Count}/{items.Count} ({clock.Elapsed.TotalSeconds:F0} s)");
        }
        cache.Save();
        return new FeatureTable(rows, items.Select(i => i.LabelIndex).ToList());
    }

    /// <summary>Statistics from all pages; the threshold from pages scored by statistics that did not see them.</summary>
    private static OutOfDistribution FitOutOfDistribution(FeatureTable table, int[] fold, int folds)
    {
        var heldOut = new List<double>();
        for (var f = 0; f < folds; f++)
        {
            var inFold = OutOfDistribution.Fit(Enumerable.Range(0, fold.Length).Where(i => fold[i] != f).Select(i => table.Rows[i]).ToList());
            heldOut.AddRange(Enumerable.Range(0, fold.Length).Where(i => fold[i] == f).Select(i => inFold.Score(table.Rows[i])));
        }
        var ood = OutOfDistribution.Fit(table.Rows);
        ood.Calibrate(heldOut);
        return ood;
    }
}
