using HeartGuard.Models.Data;
using HeartGuard.Models.Features;

namespace HeartGuard.Models.Evaluation;

/// <summary>Scores a model (either bundle kind) on a labelled folder's distinct images.</summary>
public static class Evaluator
{
    public sealed record Result(
        ClassificationMetrics Metrics,
        IReadOnlyList<int> Truth,
        IReadOnlyList<double[]> Probabilities,
        int FilesRead,
        int SeenInTraining,
        int FlaggedUncertain,
        double MeanMsPerImage);

    public static Result Run(IPageModel bundle, ImageDataset data, Action<string>? log = null)
    {
        var trained = bundle.Manifest.TrainingData.ImageSha256.ToHashSet();
        var truth = new List<int>();
        var probabilities = new List<double[]>();
        var uncertain = 0;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        foreach (var item in data.Items)
        {
            var diagnosis = bundle.Predict(new PredictionInput(File.ReadAllBytes(item.Path)));
            truth.Add(item.LabelIndex);
            probabilities.Add(HeartGuard.Core.DiagnosticClasses.All.Select(c => diagnosis.Probabilities[c]).ToArray());
            if (diagnosis.IsUncertain) uncertain++;
            if (truth.Count % 25 == 0) log?.Invoke($"  {truth.Count}/{data.Items.Count} images");
        }
        var ms = data.Items.Count == 0 ? 0 : clock.Elapsed.TotalMilliseconds / data.Items.Count;
        return new Result(ClassificationMetrics.Compute(truth, probabilities), truth, probabilities, data.FileCount,
            data.Items.Count(i => trained.Contains(i.Sha256)), uncertain, ms);
    }
}
