using HeartGuard.Core;
using HeartGuard.Models.Heads;

namespace HeartGuard.Models.Training;

/// <summary>Out-of-fold predictions of a learner under stratified group k-fold: the learner is handed the
/// training rows of a fold only (every transform it fits sees nothing else) and then scores that fold's
/// held-out rows.</summary>
public static class CrossValidation
{
    public sealed record Result(int[] Fold, double[][] OutOfFold);

    /// <summary><paramref name="fit"/> learns from a training table and returns a predictor of class probabilities.</summary>
    public static Result Run(FeatureTable table, IReadOnlyList<string> groups, int folds, int seed,
        Func<FeatureTable, Func<float[], double[]>> fit, Action<string>? log = null)
    {
        var fold = StratifiedGroupKFold.Assign(table.Labels, groups, folds, seed, DiagnosticClasses.All.Count);
        var oof = new double[table.Rows.Count][];
        for (var f = 0; f < folds; f++)
        {
            var train = Enumerable.Range(0, fold.Length).Where(i => fold[i] != f).ToList();
            var test = Enumerable.Range(0, fold.Length).Where(i => fold[i] == f).ToList();
            var predict = fit(table.Select(train));
            foreach (var i in test) oof[i] = predict(table.Rows[i]);
            log?.Invoke($"  fold {f + 1}/{folds}: trained on {train.Count}, scored {test.Count}");
        }
        return new Result(fold, oof);
    }
}
