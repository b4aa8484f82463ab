using HeartGuard.Core;
using HeartGuard.Models.Deep.Networks;
using TorchSharp;
using static TorchSharp.torch;

namespace HeartGuard.Models.Deep;

/// <summary>A deep route: the network and its input window, and how it is trained. Part of the bundle
/// manifest, so a bundle rebuilds exactly the network whose state dict it holds.</summary>
public sealed record DeepRouteSpec(
    string Name,
    string Network,
    double RateHz = 100,
    double DurationS = 10,
    int Width = 16,
    double Dropout = 0.3,
    int BatchSize = 16,
    int MaxEpochs = 30,
    int Patience = 6,
    double LearningRate = 2e-3,
    double WeightDecay = 1e-2,
    double ValidationShare = 1.0 / 6)
{
    public const string SignalCnnNetwork = "signal-cnn";
    public const string SignalBiLstmNetwork = "signal-bilstm";

    public int InputLength => Inputs.SignalWindow.Length(RateHz, DurationS);

    public long[] InputShape => [Inputs.SignalWindow.Leads, Inputs.SignalWindow.Channels, Inputs.SignalWindow.Samples(RateHz, DurationS)];

    /// <summary>A freshly initialised network (from torch's global seed), run once on an empty input outside
    /// any dispose scope in training mode: TorchSharp creates some scalars on a module's first call (batch
    /// norm's step counter increment), and when that call is inside a batch's dispose scope they are freed
    /// under it ("Unknown scalar type" in BatchNorm.forward, NaN losses, in some runs). The state before the
    /// call and the random generator's state are restored, so training starts exactly as without it.</summary>
    public nn.Module<Tensor, Tensor> Build()
    {
        nn.Module<Tensor, Tensor> network = Network switch
        {
            SignalCnnNetwork => new SignalCnn(Width, DiagnosticClasses.All.Count, Dropout),
            SignalBiLstmNetwork => new SignalBiLstm(Width, DiagnosticClasses.All.Count, Dropout),
            _ => throw new InvalidDataException($"Unknown deep network '{Network}'."),
        };
        var initial = network.state_dict().ToDictionary(p => p.Key, p => p.Value.detach().clone());
        using var random = torch.random.get_rng_state();
        network.train();
        using (torch.no_grad())
        using (var empty = torch.zeros([1, .. InputShape]))
            network.forward(empty).Dispose();
        torch.random.set_rng_state(random);
        network.load_state_dict(initial);
        foreach (var tensor in initial.Values) tensor.Dispose();
        return network;
    }
}
