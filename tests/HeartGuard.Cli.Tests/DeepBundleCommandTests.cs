using System.Text.Json;
using HeartGuard.Core;
using HeartGuard.Models.Data;
using HeartGuard.Models.Deep;
using HeartGuard.Models.Deep.Training;
using HeartGuard.Models.Tests;
using HeartGuard.Models.Training;

namespace HeartGuard.Cli.Tests;

/// <summary>A deep-route bundle (a tiny signal-cnn trained here on synthesizer pages) given to `evaluate
/// --model` and `analyze --model`: both load it and report the four probabilities under the right labels.</summary>
public sealed class DeepBundleCommandTests
{
    [Fact]
    public void Evaluate_and_analyze_load_a_deep_bundle_and_put_each_probability_under_its_label()
    {
        using var pages = new TestPages();
        var (tiny, bundleDir) = TrainTinyBundle(pages);
        var testDir = pages.WriteDataset("test", perClass: 5, firstSeed: 7000);

        var evaluation = CliRunner.Run(pages.Root, "evaluate", "--data", testDir, "--model", bundleDir, "--json");

        Assert.True(evaluation.ExitCode == 0, evaluation.Stderr);
        var json = JsonDocument.Parse(evaluation.Stdout).RootElement;
        Assert.Equal(tiny.Name, json.GetProperty("model").GetString());
        Assert.Equal(15, json.GetProperty("n").GetInt32());
        Assert.Equal(DiagnosticClasses.All, json.GetProperty("labels").EnumerateArray().Select(l => l.GetString()));
        // Three balanced classes: chance macro-F1 is about 0.33, and probabilities under permuted labels score
        // near 0; each class's pages must mostly land in their own row's diagonal cell.
        var macroF1 = json.GetProperty("macro_f1").GetDouble();
        Assert.True(macroF1 > 0.5, $"macro-F1 {macroF1:F2}");
        foreach (var (_, label) in TestPages.ThreeClasses)
        {
            var k = DiagnosticClasses.IndexOf(label);
            var row = json.GetProperty("confusion")[k].EnumerateArray().Select(c => c.GetInt32()).ToList();
            Assert.True(row[k] == row.Max(), $"{label}: confusion row [{string.Join(", ", row)}]");
        }

        var mi = Path.Combine(testDir, DiagnosticClasses.MyocardialInfarction);
        var analysis = CliRunner.Run(pages.Root, "analyze", mi, "--json", "--model", bundleDir);

        Assert.True(analysis.ExitCode == 0, analysis.Stderr);
        var items = JsonDocument.Parse(analysis.Stdout).RootElement.EnumerateArray().ToList();
        Assert.Equal(5, items.Count);
        foreach (var item in items)
        {
            var diagnosis = item.GetProperty("diagnosis");
            var probabilities = diagnosis.GetProperty("probabilities").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetDouble());
            Assert.Equal(DiagnosticClasses.All.Order(), probabilities.Keys.Order());
            Assert.Equal(1.0, probabilities.Values.Sum(), 6);
            Assert.Equal(probabilities.MaxBy(p => p.Value).Key, diagnosis.GetProperty("label").GetString());
        }
        Assert.True(items.Count(i => i.GetProperty("diagnosis").GetProperty("label").GetString() == DiagnosticClasses.MyocardialInfarction) >= 3,
            "most unseen acute-MI pages are called MyocardialInfarction");
    }

    private static (DeepRouteSpec Route, string Directory) TrainTinyBundle(TestPages pages)
    {
        var route = DeepRoutes.All[DeepRouteSpec.SignalCnnNetwork] with { Width = 8, MaxEpochs = 40, BatchSize = 8 };
        var directory = Path.Combine(pages.Root, "bundle");
        var data = ImageDataset.Load(pages.WriteDataset("train", perClass: 16, firstSeed: 3000));
        DeepRouteTrainer.Train(data, "synth", [route], new TrainingOptions { Folds = 3, Seed = 1 }, directory, _ => { });
        return (route, directory);
    }
}
