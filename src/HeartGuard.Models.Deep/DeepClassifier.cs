using TorchSharp;
using static TorchSharp.torch;

namespace HeartGuard.Models.Deep;

/// <summary>A trained deep network in evaluation mode: input windows in, class probabilities (in
/// DiagnosticClasses.All order: the network's output units are trained in that order) out.</summary>
public sealed class DeepClassifier : IDisposable
{
    private const int PredictBatch = 32;
    private readonly nn.Module<Tensor, Tensor> _network;
    private readonly object _gate = new();

    internal DeepClassifier(DeepRouteSpec spec, nn.Module<Tensor, Tensor> network)
    {
        Spec = spec;
        _network = network;
        _network.eval();
    }

    public DeepRouteSpec Spec { get; }

    public double[] Predict(float[] window) => Predict([window])[0];

    public double[][] Predict(IReadOnlyList<float[]> windows)
    {
        var result = new double[windows.Count][];
        var length = Spec.InputLength;
        TorchRuntime.Configure();
        lock (_gate)
        {
            using var noGrad = torch.no_grad();
            for (var start = 0; start < windows.Count; start += PredictBatch)
            {
                var n = Math.Min(PredictBatch, windows.Count - start);
                var buffer = new float[n * length];
                for (var i = 0; i < n; i++)
                {
                    if (windows[start + i].Length != length)
                        throw new ArgumentException($"Input window has {windows[start + i].Length} values; {Spec.Name} expects {length}.");
                    windows[start + i].CopyTo(buffer, i * length);
                }
                using var scope = torch.NewDisposeScope();
                var probabilities = nn.functional.softmax(_network.forward(torch.tensor(buffer, [n, .. Spec.InputShape])), 1)
                    .to_type(ScalarType.Float64).data<double>().ToArray();
                for (var i = 0; i < n; i++)
                    result[start + i] = probabilities.AsSpan(i * HeartGuard.Core.DiagnosticClasses.All.Count, HeartGuard.Core.DiagnosticClasses.All.Count).ToArray();
            }
        }
        return result;
    }

    /// <summary>Writes the network's state dict (TorchSharp's format; TorchSharp has no ONNX export).</summary>
    public void Save(string path)
    {
        lock (_gate) _network.save(path);
    }

    public static DeepClassifier Load(DeepRouteSpec spec, string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"Deep route weights {path} are missing.", path);
        TorchRuntime.Configure();
        var network = spec.Build();
        network.load(path);
        return new DeepClassifier(spec, network);
    }

    public void Dispose() => _network.Dispose();
}
