using System.Diagnostics;
using System.Text.Json;
using HeartGuard.Core;
using HeartGuard.Models.Data;
using HeartGuard.Models.Evaluation;
using HeartGuard.Models.Features;
using HeartGuard.Models.Features.Signal;
using HeartGuard.Models.Heads;

namespace HeartGuard.Models.Training;

/// <summary>The whole of <c>heartguard train</c>: featurise the distinct pages (image and/or signal features,
/// as the asked routes need), cross-validate every asked route or ensemble with groups kept inside folds, keep
/// the best by macro-F1, calibrate it on its out-of-fold predictions, refit it on all pages and write the
/// bundle.</summary>
public static class Trainer
{
    public static BundleManifest Train(ImageDataset data, string dataSource, TrainingOptions options, string outputDirectory, Action<string> log)
    {
        var clock = Stopwatch.StartNew();
        var items = data.Items;
        var blends = options.Models.Select(m => RouteCatalog.Resolve(m, options.Smote, options.PcaRank)).ToList();
        log($"{data.FileCount} files -> {items.Count} distinct images ({data.ExactDuplicates} exact, {data.NearDuplicates} near duplicates collapsed), " +
            $"{items.Select(i => i.Group).Distinct().Count()} groups.");
        var groups = items.Select(i => i.Group).ToList();
        var sources = blends.SelectMany(b => b.Members).Select(m => m.Source).Distinct().ToList();
        var features = sources.ToDictionary(s => s, s => s == FeatureSource.Image ? FeaturizeImages(items, options, log) : FeaturizeSignals(items, log));

        var results = new Dictionary<string, (RouteCv Cv, double[][] Oof, int[] Fold)>();
        foreach (var blend in blends)
        {
            var (table, columns) = Stack(blend, features, groups);
            log($"Cross-validating {blend.Name} ({options.Folds} grouped folds) ...");
            var predictTicks = 0L;
            var cv = CrossValidation.Run(table, groups, options.Folds, options.Seed, train =>
            {
                var fitted = RouteBlend.Fit(train, blend, columns, options.Seed);
                return row =>
                {
                    var start = Stopwatch.GetTimestamp();
                    var p = fitted.Predict(row);
                    predictTicks += Stopwatch.GetTimestamp() - start;
                    return p;
                };
            }, log);
            var metrics = ClassificationMetrics.Compute(table.Labels, cv.OutOfFold, seed: options.Seed);
            var foldF1 = Enumerable.Range(0, options.Folds).Select(f =>
            {
                var rows = Enumerable.Range(0, items.Count).Where(i => cv.Fold[i] == f).ToList();
                return ClassificationMetrics.Compute(rows.Select(i => table.Labels[i]).ToList(), rows.Select(i => cv.OutOfFold[i]).ToList(), 0).MacroF1;
            }).ToList();
            var sd = SampleSpread.Sd(foldF1);
            var headMs = predictTicks * 1000.0 / Stopwatch.Frequency / items.Count;
            var featureMs = blend.Members.Select(m => features[m.Source].MsPerPage).ToList();
            double? msPerPage = featureMs.Any(ms => ms is null) ? null : Math.Round(featureMs.Sum()!.Value + headMs, 2);
            log($"  {blend.Name}: macro-F1 {metrics.MacroF1:F3} [{metrics.MacroF1Ci95?.Low:F3}, {metrics.MacroF1Ci95?.High:F3}], accuracy {metrics.Accuracy:F3}, fold SD {sd:F3}, " +
                $"heads {headMs:F2} ms/page, features {string.Join(" + ", featureMs.Select(ms => ms is null ? "cached" : $"{ms:F0}"))} ms/page");
            var repeats = RepeatedMacroF1(table, groups, blend, columns, options, metrics.MacroF1, log);
            results[blend.Name] = (new RouteCv(metrics, foldF1, sd, msPerPage, repeats), cv.OutOfFold, cv.Fold);
        }

        var selected = results.MaxBy(r => r.Value.Cv.SelectionMacroF1).Key;
        var (_, oof, fold) = results[selected];
        var truth = items.Select(i => i.LabelIndex).ToList();
        var temperature = TemperatureScaling.Fit(truth, oof);
        var calibratedEce = TemperatureScaling.CrossFittedEce(truth, oof, fold);
        log($"Selected {selected}; calibration temperature {temperature:F2} (out-of-fold ECE {results[selected].Cv.Metrics.Ece:F3} -> " +
            $"{calibratedEce:F3} with each fold's temperature fitted on the others). Fitting on all {items.Count} images ...");

        Directory.CreateDirectory(outputDirectory);
        WriteOutOfFold(Path.Combine(outputDirectory, OutOfFoldFile), items, oof, fold);
        var selectedBlend = blends.First(b => b.Name == selected);
        var (fullTable, fullColumns) = Stack(selectedBlend, features, groups);
        var final = RouteBlend.Fit(fullTable, selectedBlend, fullColumns, options.Seed);
        if (final.Members.Count > 1) log($"  blend weights {string.Join(", ", final.Members.Select((m, i) => $"{m.Spec.Name} {final.Weights[i]:F2}"))}");
        ImageRouteManifest? imageRoute = null;
        SignalRouteManifest? signalRoute = null;
        string? imageOod = null;
        for (var m = 0; m < final.Members.Count; m++)
        {
            var member = final.Members[m];
            var table = MemberTable(member.Spec, features);
            if (member.Spec.Source == FeatureSource.Image)
            {
                imageOod = "ood.bin";
                FitOutOfDistribution(table, fold, options.Folds).Save(Path.Combine(outputDirectory, imageOod));
                imageRoute = new ImageRouteManifest(options.Views, "Microsoft.ML.DnnImageFeaturizer.ResNet18 0.23.1 " + ResNetFeaturizer.ModelFileName,
                    ModelBundle.Featurizer.ModelSha256(), SaveHeads(member, "", outputDirectory), final.Weights[m]);
            }
            else
            {
                const string imputerFile = "signal-imputer.bin", oodFile = "ood-signal.bin";
                member.Imputer!.Save(Path.Combine(outputDirectory, imputerFile));
                FitOutOfDistribution(member.Imputer.Apply(table), fold, options.Folds).Save(Path.Combine(outputDirectory, oodFile));
                signalRoute = new SignalRouteManifest(SignalFeatureSets.Names(member.Spec.SignalFeatures), imputerFile, SaveHeads(member, "signal-", outputDirectory), oodFile,
                    member.Spec.Smote, final.Weights[m]);
            }
        }

        var manifest = new BundleManifest
        {
            Model = selected,
            Classes = DiagnosticClasses.All,
            CreatedUtc = DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ"),
            CodeVersion = CodeVersion.Current(),
            ImageRoute = imageRoute,
            SignalRoute = signalRoute,
            Temperature = temperature,
            ConfidenceThreshold = options.ConfidenceThreshold,
            OutOfDistributionFile = imageOod,
            TrainingData = TrainingDataManifest.Of(data, dataSource),
            CrossValidation = CrossValidationManifest.Of(options, selected, results.ToDictionary(r => r.Key, r => r.Value.Cv), calibratedEce),
            TrainingSeconds = Math.Round(clock.Elapsed.TotalSeconds, 1),
        };
        File.WriteAllText(Path.Combine(outputDirectory, ModelBundle.ManifestFile), JsonSerializer.Serialize(manifest, Json.Options));
        log($"Bundle complete in {clock.Elapsed.TotalSeconds:F0} s.");
        return manifest;
    }

    /// <summary>Macro-F1 of <see cref="TrainingOptions.Repeats"/> cross-validations, the first being the one already
    /// run (<paramref name="first"/>); null for a single run.</summary>
    private static List<double>? RepeatedMacroF1(FeatureTable table, List<string> groups, BlendSpec blend, List<Range> columns,
        TrainingOptions options, double first, Action<string> log)
    {
        if (options.Repeats <= 1) return null;
        var scores = new List<double> { first };
        for (var r = 1; r < options.Repeats; r++)
        {
            var seed = options.Seed + r;
            var cv = CrossValidation.Run(table, groups, options.Folds, seed, train =>
            {
                var fitted = RouteBlend.Fit(train, blend, columns, seed);
                return fitted.Predict;
            });
            scores.Add(ClassificationMetrics.Compute(table.Labels, cv.OutOfFold, 0).MacroF1);
        }
        log($"  {blend.Name}: macro-F1 over {scores.Count} fold splits (seeds {options.Seed}-{options.Seed + scores.Count - 1}): " +
            $"mean {scores.Average():F3}, SD {SampleSpread.Sd(scores):F3}, range {scores.Min():F3}-{scores.Max():F3}");
        return scores;
    }

    /// <summary>The selected route's out-of-fold prediction of every distinct training page, so the pages it
    /// misses can be looked at (one row per page: relative path, true label, fold, predicted label, probabilities).</summary>
    public const string OutOfFoldFile = "out-of-fold.csv";

    /// <summary>Writes <see cref="OutOfFoldFile"/>: every page's cross-validated probabilities (before calibration)
    /// and its fold, for any route (the deep routes write the same file).</summary>
    public static void WriteOutOfFold(string path, IReadOnlyList<LabelledImage> items, IReadOnlyList<double[]> oof, int[] fold)
    {
        using var w = new StreamWriter(path);
        w.WriteLine("file,label,fold,predicted," + string.Join(",", DiagnosticClasses.All.Select(c => "p_" + c)));
        for (var i = 0; i < items.Count; i++)
            w.WriteLine(string.Join(",", [Csv(items[i].RelativePath), items[i].Label, fold[i].ToString(),
                DiagnosticClasses.All[ClassificationMetrics.ArgMax(oof[i])], .. oof[i].Select(p => p.ToString("F4", System.Globalization.CultureInfo.InvariantCulture))]));
    }

    private static string Csv(string value) => value.Contains(',') || value.Contains('"') ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;

    /// <summary>A page-feature table of one source and what computing it cost per page (null when every
    /// page came from the feature cache).</summary>
    private sealed record SourceFeatures(FeatureTable Table, double? MsPerPage);

    /// <summary>The blend's sources side by side, with each member's column range and the rows' groups.</summary>
    private static (FeatureTable Table, List<Range> Columns) Stack(BlendSpec blend, Dictionary<FeatureSource, SourceFeatures> features, List<string> groups)
    {
        var tables = blend.Members.Select(m => MemberTable(m, features)).ToList();
        var columns = new List<Range>();
        var at = 0;
        foreach (var t in tables) { columns.Add(new Range(at, at + t.FeatureCount)); at += t.FeatureCount; }
        var stacked = tables.Count == 1 ? tables[0] : FeatureTable.Stack(tables);
        return (stacked with { Groups = groups }, columns);
    }

    /// <summary>The columns of its source that a route's heads see.</summary>
    private static FeatureTable MemberTable(RouteSpec route, Dictionary<FeatureSource, SourceFeatures> features)
    {
        var table = features[route.Source].Table;
        return route.Source == FeatureSource.Signal && route.SignalFeatures != SignalFeatureSet.All
            ? table.Columns(SignalFeatureSets.ColumnsOf(SignalFeatureSets.Names(route.SignalFeatures)))
            : table;
    }

    private static List<HeadFile> SaveHeads(FittedRoute route, string prefix, string outputDirectory)
    {
        var files = new List<HeadFile>();
        for (var h = 0; h < route.Heads.Members.Count; h++)
        {
            var spec = route.Spec.Heads[h];
            var file = $"{prefix}head-{h}-{spec.Name}.{(spec.Kind == HeadKind.Knn ? "bin" : "zip")}";
            route.Heads.Members[h].Save(Path.Combine(outputDirectory, file));
            files.Add(new HeadFile(spec, file));
        }
        return files;
    }

    private static SourceFeatures FeaturizeImages(IReadOnlyList<LabelledImage> items, TrainingOptions options, Action<string> log)
    {
        var cache = new FeatureCache(options.FeatureCachePath, options.Views);
        var rows = new List<float[]>(items.Count);
        var clock = Stopwatch.StartNew();
        var computed = 0;
        var computeTicks = 0L;
        foreach (var item in items)
        {
            rows.Add(cache.GetOrAdd(item.Sha256, () =>
            {
                var start = Stopwatch.GetTimestamp();
                using var page = PageViews.Decode(File.ReadAllBytes(item.Path), options.Views.Grayscale);
                var f = ModelBundle.Featurizer.Featurize(page, options.Views);
                computed++;
                computeTicks += Stopwatch.GetTimestamp() - start;
                return f;
            }));
            if (rows.Count % 25 == 0 || rows.Count == items.Count)
                log($"  image features {rows.Count}/{items.Count} ({clock.Elapsed.TotalSeconds:F0} s)");
        }
        cache.Save();
        return new SourceFeatures(new FeatureTable(rows, items.Select(i => i.LabelIndex).ToList()),
            computed == 0 ? null : computeTicks * 1000.0 / Stopwatch.Frequency / computed);
    }

    /// <summary>Digitize and measure every page; a page the digitizer cannot read enters with every signal
    /// feature missing (imputed inside each fold), so it still counts in the evaluation.</summary>
    private static SourceFeatures FeaturizeSignals(IReadOnlyList<LabelledImage> items, Action<string> log)
    {
        var featurizer = new SignalPageFeaturizer();
        var rows = new List<float[]>(items.Count);
        var clock = Stopwatch.StartNew();
        foreach (var item in items)
        {
            try
            {
                rows.Add(featurizer.Featurize(new PredictionInput(File.ReadAllBytes(item.Path)), item.RelativePath));
            }
            catch (InvalidDataException e)
            {
                log("  warning: " + e.Message);
                rows.Add(SignalFeatureExtractor.Extract(HeartGuard.Signals.Measurements.NotMeasurable(0)));
            }
            if (rows.Count % 50 == 0 || rows.Count == items.Count)
                log($"  signal features {rows.Count}/{items.Count} ({clock.Elapsed.TotalSeconds:F0} s)");
        }
        return new SourceFeatures(new FeatureTable(rows, items.Select(i => i.LabelIndex).ToList()), clock.Elapsed.TotalMilliseconds / Math.Max(1, items.Count));
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
