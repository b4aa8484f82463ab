using HeartGuard.Core;
using HeartGuard.Models.Deep.Networks;
using TorchSharp;
using static TorchSharp.torch;

namespace HeartGuard.Models.Deep;

/// <summary>A deep route: the network and its input (a signal window, or the trace image for
/// <c>image-cnn</c>), and how it is trained. Part of the bundle manifest, so a bundle rebuilds exactly the
/// network whose state dict it holds and feeds it the input it was trained on.</summary>
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
    double ValidationShare = 1.0 / 6,
    int ImageHeightPx = 192,
    int ImageWidthPx = 320)
{
    public const string SignalCnnNetwork = "signal-cnn";
    public const string SignalBiLstmNetwork = "signal-bilstm";
    public const string ImageCnnNetwork = "image-cnn";

    /// <summary>What the network reads; follows from the network, so a spec cannot pair one with the other's input.</summary>
    public DeepInputKind Input => Network == ImageCnnNetwork ? DeepInputKind.TraceImage : DeepInputKind.SignalWindow;

    public int InputLength => Input == DeepInputKind.TraceImage ? ImageHeightPx * ImageWidthPx : Inputs.SignalWindow.Length(RateHz, DurationS);

    public long[] InputShape => Input == DeepInputKind.TraceImage
        ? [1, ImageHeightPx, ImageWidthPx]
        : [Inputs.SignalWindow.Leads, Inputs.SignalWindow.Channels, Inputs.SignalWindow.Samples(RateHz, DurationS)];

    /// <summary>A freshly initialised network (from torch's global seed).</summary>
    public nn.Module<Tensor, Tensor> Build() => Network switch
    {
        SignalCnnNetwork => new SignalCnn(Width, DiagnosticClasses.All.Count, Dropout),
        SignalBiLstmNetwork => new SignalBiLstm(Width, DiagnosticClasses.All.Count, Dropout),
        ImageCnnNetwork => new ImageCnn(Width, DiagnosticClasses.All.Count, Dropout),
        _ => throw new InvalidDataException($"Unknown deep network '{Network}'."),
    };
}
