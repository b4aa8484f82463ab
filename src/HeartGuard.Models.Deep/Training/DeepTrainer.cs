using System.Diagnostics;
using HeartGuard.Core;
using HeartGuard.Models.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace HeartGuard.Models.Deep.Training;

/// <summary>Trains a deep route on the rows it is given (one cross-validation training fold, or all pages
/// for the shipped model). Early stopping looks only inside those rows: a validation split of whole groups
/// is carved from them (stratified group k-fold, first fold), the weights of the epoch with the lowest
/// class-weighted validation loss are kept. Class weights (inverse frequency) come from the training part.</summary>
public static class DeepTrainer
{
    public const int MaxAttempts = 3;

    /// <summary>Fits the network; a run whose loss turns non-finite is started again from the same seed, up to
    /// <see cref="MaxAttempts"/> times. TorchSharp training here has, not reproducibly, produced a NaN batch
    /// loss in a run whose earlier epochs were bit-identical to a clean run's (seen at epoch 1 and at epoch 20
    /// of the same fold, more often under heavy load; the cause is not found). A rerun gives the network the
    /// seed gives; a loss that is non-finite in every attempt (e.g. NaN inputs) is an error.</summary>
    public static DeepClassifier Fit(DeepRouteSpec spec, IReadOnlyList<float[]> windows, IReadOnlyList<int> labels,
        IReadOnlyList<string> groups, int seed, Action<string>? log = null)
    {
        if (windows.Count == 0) throw new ArgumentException("No training rows.");
        TorchRuntime.Configure();
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            if (TryFit(spec, windows, labels, groups, seed, log) is { } classifier) return classifier;
            log?.Invoke($"    the training loss became non-finite (attempt {attempt} of {MaxAttempts})");
        }
        throw new InvalidOperationException($"{spec.Name}: training diverged in all {MaxAttempts} attempts (non-finite loss).");
    }

    private static DeepClassifier? TryFit(DeepRouteSpec spec, IReadOnlyList<float[]> windows, IReadOnlyList<int> labels,
        IReadOnlyList<string> groups, int seed, Action<string>? log)
    {
        var (train, validation) = SplitValidation(spec, labels, groups, seed);
        var classWeights = ClassWeights(train.Select(i => labels[i]));

        torch.manual_seed(seed);
        var network = spec.Build();
        using var optimizer = torch.optim.AdamW(network.parameters(), spec.LearningRate, weight_decay: spec.WeightDecay);
        using var weights = torch.tensor(classWeights);
        var augmentation = IAugmentation.For(spec);
        var rng = new Random(seed);
        var order = train.ToArray();
        var buffer = new float[spec.BatchSize * spec.InputLength];
        var batchLabels = new long[spec.BatchSize];

        Dictionary<string, Tensor>? best = null;
        var bestLoss = double.MaxValue;
        var bestEpoch = 0;
        var clock = Stopwatch.StartNew();
        for (var epoch = 1; epoch <= spec.MaxEpochs; epoch++)
        {
            network.train();
            rng.Shuffle(order);
            double trainLoss = 0;
            for (var start = 0; start < order.Length; start += spec.BatchSize)
            {
                var n = Math.Min(spec.BatchSize, order.Length - start);
                for (var i = 0; i < n; i++)
                {
                    augmentation.Apply(windows[order[start + i]], buffer.AsSpan(i * spec.InputLength, spec.InputLength), rng);
                    batchLabels[i] = labels[order[start + i]];
                }
                optimizer.zero_grad();
                using (var x = torch.tensor(buffer.AsSpan(0, n * spec.InputLength).ToArray(), [n, .. spec.InputShape]))
                using (var y = torch.tensor(batchLabels.AsSpan(0, n).ToArray(), ScalarType.Int64))
                using (var logits = network.forward(x))
                using (var loss = nn.functional.cross_entropy(logits, y, weights))
                {
                    var value = loss.item<float>();
                    if (!float.IsFinite(value))
                    {
                        Dispose(best);
                        network.Dispose();
                        return null;
                    }
                    loss.backward();
                    trainLoss += value * n;
                }
                optimizer.step();
                // No dispose scope around a training step: TorchSharp objects created lazily inside one (the
                // optimizer's moments, batch-norm scalars) were freed under later steps (NaN losses, "Unknown
                // scalar type" in some runs). The forward pass's intermediates are released here instead.
                GC.Collect();
                GC.WaitForPendingFinalizers();
            }
            if (validation.Count == 0) continue;
            var validationLoss = WeightedLoss(network, spec, windows, labels, validation, weights);
            if (validationLoss < bestLoss)
            {
                bestLoss = validationLoss;
                bestEpoch = epoch;
                Dispose(best);
                best = network.state_dict().ToDictionary(p => p.Key, p => p.Value.detach().clone());
            }
            log?.Invoke($"    epoch {epoch}: train loss {trainLoss / order.Length:F3}, validation loss {validationLoss:F3} ({clock.Elapsed.TotalSeconds:F0} s)");
            if (epoch - bestEpoch >= spec.Patience) break;
        }
        if (best != null)
        {
            network.load_state_dict(best);
            Dispose(best);
            log?.Invoke($"    kept epoch {bestEpoch} (validation loss {bestLoss:F3}) of {train.Count} training / {validation.Count} validation pages");
        }
        return new DeepClassifier(spec, network);
    }

    /// <summary>Training and validation rows; no validation (train all epochs) when there are too few groups.</summary>
    private static (List<int> Train, List<int> Validation) SplitValidation(DeepRouteSpec spec, IReadOnlyList<int> labels, IReadOnlyList<string> groups, int seed)
    {
        var all = Enumerable.Range(0, labels.Count).ToList();
        var folds = (int)Math.Round(1 / spec.ValidationShare);
        if (groups.Distinct().Count() < Math.Max(2, folds)) return (all, []);
        var fold = StratifiedGroupKFold.Assign(labels, groups, folds, seed, DiagnosticClasses.All.Count);
        return (all.Where(i => fold[i] != 0).ToList(), all.Where(i => fold[i] == 0).ToList());
    }

    /// <summary>n / (classes present · n_k): every present class weighs as much in the loss as any other.</summary>
    private static float[] ClassWeights(IEnumerable<int> labels)
    {
        var counts = new int[DiagnosticClasses.All.Count];
        foreach (var l in labels) counts[l]++;
        var present = counts.Count(c => c > 0);
        var total = counts.Sum();
        return counts.Select(c => c == 0 ? 0f : (float)total / (present * c)).ToArray();
    }

    private static double WeightedLoss(nn.Module<Tensor, Tensor> network, DeepRouteSpec spec, IReadOnlyList<float[]> windows,
        IReadOnlyList<int> labels, List<int> rows, Tensor weights)
    {
        var probabilities = new DeepClassifier(spec, network).Predict(rows.Select(i => windows[i]).ToList());
        var w = weights.data<float>().ToArray();
        double loss = 0, weightSum = 0;
        for (var i = 0; i < rows.Count; i++)
        {
            var k = labels[rows[i]];
            loss -= w[k] * Math.Log(Math.Max(probabilities[i][k], 1e-12));
            weightSum += w[k];
        }
        return weightSum > 0 ? loss / weightSum : 0;
    }

    private static void Dispose(Dictionary<string, Tensor>? state)
    {
        if (state is null) return;
        foreach (var t in state.Values) t.Dispose();
    }
}
