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

    /// <summary>Fits the network. Every tensor of a training step belongs to that step's dispose scope and every
    /// scalar libtorch reads is held until the call returns (<see cref="ScalarSafeAdamW"/>,
    /// <see cref="Networks.ScalarSafeBatchNorm"/>): nothing is left for the finalizer thread to free while
    /// libtorch works, which is what turned bit-identical runs into NaN losses and crashes at random epochs; the
    /// rarer non-finite first-block gradient that remained went with oneDNN limited to AVX2 (<see cref="TorchRuntime"/>).
    /// Those failures never repeated from the same seed, so a run that still meets a non-finite loss is started
    /// again from it, up to <see cref="MaxAttempts"/> times (a safety net none of the measured runs needed), and a
    /// loss that is non-finite in every attempt (NaN inputs, a rate too high) is an error.</summary>
    public static DeepClassifier Fit(DeepRouteSpec spec, IReadOnlyList<float[]> windows, IReadOnlyList<int> labels,
        IReadOnlyList<string> groups, int seed, Action<string>? log = null)
    {
        if (windows.Count == 0) throw new ArgumentException("No training rows.");
        TorchRuntime.Configure();
        for (var attempt = 1; ; attempt++)
        {
            torch.manual_seed(seed);
            var network = spec.Build();
            try
            {
                Train(network, spec, windows, labels, groups, seed, log);
                return new DeepClassifier(spec, network);
            }
            catch (NonFiniteLossException e)
            {
                network.Dispose();
                if (attempt == MaxAttempts) throw new InvalidOperationException($"{e.Message} The same happened in all {MaxAttempts} attempts.", e);
                log?.Invoke($"    {e.Message} (attempt {attempt} of {MaxAttempts}; starting again from the same seed)");
            }
            catch
            {
                network.Dispose();
                throw;
            }
        }
    }

    private sealed class NonFiniteLossException(string message) : InvalidOperationException(message);

    private static void Train(nn.Module<Tensor, Tensor> network, DeepRouteSpec spec, IReadOnlyList<float[]> windows,
        IReadOnlyList<int> labels, IReadOnlyList<string> groups, int seed, Action<string>? log)
    {
        var (train, validation) = SplitValidation(spec, labels, groups, seed);
        var classWeights = ClassWeights(train.Select(i => labels[i]));
        using var optimizer = new ScalarSafeAdamW(network.parameters(), spec.LearningRate, spec.WeightDecay);
        using var weights = torch.tensor(classWeights);
        var augmentation = IAugmentation.For(spec);
        var rng = new Random(seed);
        var order = train.ToArray();
        var buffer = new float[spec.BatchSize * spec.InputLength];
        var batchLabels = new long[spec.BatchSize];

        Dictionary<string, Tensor>? best = null;
        try
        {
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
                    trainLoss += Step(network, optimizer, spec, buffer, batchLabels, n, weights, epoch) * n;
                }
                if (validation.Count == 0) continue;
                var validationLoss = WeightedLoss(network, spec, windows, labels, validation, classWeights);
                if (validationLoss < bestLoss)
                {
                    bestLoss = validationLoss;
                    bestEpoch = epoch;
                    Dispose(best);
                    best = Snapshot(network);
                }
                log?.Invoke($"    epoch {epoch}: train loss {trainLoss / order.Length:F3}, validation loss {validationLoss:F3} ({clock.Elapsed.TotalSeconds:F0} s)");
                if (epoch - bestEpoch >= spec.Patience) break;
            }
            if (best != null)
            {
                network.load_state_dict(best);
                log?.Invoke($"    kept epoch {bestEpoch} (validation loss {bestLoss:F3}) of {train.Count} training / {validation.Count} validation pages");
            }
        }
        finally
        {
            Dispose(best);
        }
    }

    /// <summary>One forward/backward pass and optimizer step on the first <paramref name="n"/> rows of the batch
    /// buffers; returns the batch loss. Everything it creates is disposed before it returns.</summary>
    private static float Step(nn.Module<Tensor, Tensor> network, ScalarSafeAdamW optimizer, DeepRouteSpec spec, float[] buffer,
        long[] batchLabels, int n, Tensor weights, int epoch)
    {
        using var scope = torch.NewDisposeScope();
        optimizer.ZeroGrad();
        var x = torch.tensor(n == spec.BatchSize ? buffer : buffer[..(n * spec.InputLength)], [n, .. spec.InputShape]);
        var y = torch.tensor(n == spec.BatchSize ? batchLabels : batchLabels[..n], ScalarType.Int64);
        var loss = nn.functional.cross_entropy(network.forward(x), y, weights);
        var value = loss.item<float>();
        if (!float.IsFinite(value))
            throw new NonFiniteLossException($"{spec.Name}: the training loss became non-finite in epoch {epoch} (inputs with NaN or infinite values, or a learning rate too high).");
        loss.backward();
        optimizer.Step();
        return value;
    }

    /// <summary>A copy of the network's parameters and buffers that the caller owns.</summary>
    private static Dictionary<string, Tensor> Snapshot(nn.Module<Tensor, Tensor> network)
    {
        using var scope = torch.NewDisposeScope();
        return network.state_dict().ToDictionary(p => p.Key, p => p.Value.detach().clone().DetachFromDisposeScope());
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
        IReadOnlyList<int> labels, List<int> rows, float[] w)
    {
        var probabilities = new DeepClassifier(spec, network).Predict(rows.Select(i => windows[i]).ToList());
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
