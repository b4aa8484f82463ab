using System.CommandLine;
using HeartGuard.Models;
using HeartGuard.Models.Data;
using HeartGuard.Models.Deep;
using HeartGuard.Models.Deep.Training;
using HeartGuard.Models.Features;
using HeartGuard.Models.Training;

namespace HeartGuard.Cli.Commands;

internal static class TrainCommand
{
    public static Command Create()
    {
        var data = new Option<string>("--data") { Description = "Labelled folder: one subfolder per class (Normal, AbnormalHeartbeat, MyocardialInfarction, HistoryOfMI; Mendeley names accepted).", Required = true };
        var output = new Option<string>("--output", "-o") { Description = "Bundle folder to write.", Required = true };
        var groups = new Option<string?>("--groups") { Description = "CSV with a file column and a group column (e.g. printed_id) kept inside one fold." };
        var model = new Option<string>("--model") { Description = $"Route(s) to cross-validate, comma-separated; the best macro-F1 is shipped. Known: {string.Join(", ", RouteCatalog.Names)}; deep (not mixed with the others): {string.Join(", ", DeepRoutes.All.Keys)}.", DefaultValueFactory = _ => string.Join(",", new TrainingOptions().Models) };
        var folds = new Option<int>("--folds") { Description = "Cross-validation folds.", DefaultValueFactory = _ => 5 };
        var seed = new Option<int>("--seed") { Description = "Seed for fold assignment and trainers.", DefaultValueFactory = _ => 42 };
        var tiles = new Option<string>("--tiles") { Description = "Tile grid ROWSxCOLUMNS of page views (plus the whole page).", DefaultValueFactory = _ => "3x4" };
        var cache = new Option<string?>("--feature-cache") { Description = "File to reuse page features across runs (an accelerator only)." };
        var smote = new Option<bool>("--smote") { Description = "SMOTE-oversample the minority classes of each training fold (signal routes)." };
        var pca = new Option<int>("--pca") { Description = "Project signal features to N principal components inside each fold (signal routes' ML.NET heads; 0 = off).", DefaultValueFactory = _ => 0 };
        var repeats = new Option<int>("--repeats") { Description = "Cross-validation runs with different fold splits (seeds --seed, --seed + 1, ...); routes are chosen by their mean macro-F1 (ML.NET routes).", DefaultValueFactory = _ => 1 };
        var command = new Command("train", "Train a classifier bundle with grouped cross-validation.");
        foreach (var o in new Option[] { data, output, groups, model, folds, seed, repeats, tiles, cache, smote, pca }) command.Options.Add(o);
        command.SetAction(parse =>
        {
            try
            {
                var groupsPath = parse.GetValue(groups);
                var dataset = ImageDataset.Load(parse.GetValue(data)!, groupsPath is null ? null : GroupsCsv.Load(groupsPath));
                foreach (var w in dataset.Warnings) Console.Error.WriteLine("warning: " + w);
                var grid = parse.GetValue(tiles)!.Split('x');
                var options = new TrainingOptions
                {
                    Models = parse.GetValue(model)!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
                    Folds = parse.GetValue(folds),
                    Seed = parse.GetValue(seed),
                    Views = ImageFeatureSpec.Default with { TileRows = int.Parse(grid[0]), TileColumns = int.Parse(grid[1]) },
                    FeatureCachePath = parse.GetValue(cache),
                    GroupsSource = groupsPath is null ? null : Path.GetFileName(groupsPath),
                    Smote = parse.GetValue(smote),
                    PcaRank = parse.GetValue(pca),
                    Repeats = Math.Max(1, parse.GetValue(repeats)),
                };
                var source = Path.GetFileName(Path.GetFullPath(parse.GetValue(data)!).TrimEnd('/'));
                BundleOutput.Write(parse.GetValue(output)!, [ModelBundle.ManifestFile, DeepBundle.ManifestFile], dir =>
                {
                    if (options.Models.All(DeepRoutes.All.ContainsKey)) DeepRouteTrainer.Train(dataset, source, options, dir, Console.WriteLine);
                    else Trainer.Train(dataset, source, options, dir, Console.WriteLine);
                });
                Console.WriteLine($"Bundle written to {parse.GetValue(output)}.");
                return 0;
            }
            catch (Exception e) when (e is IOException or InvalidDataException or ArgumentException or FormatException or UnauthorizedAccessException)
            {
                Console.Error.WriteLine("train: " + e.Message);
                return 1;
            }
        });
        return command;
    }
}
