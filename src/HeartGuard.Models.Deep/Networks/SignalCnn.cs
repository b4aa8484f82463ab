using TorchSharp;
using static TorchSharp.torch;

namespace HeartGuard.Models.Deep.Networks;

/// <summary><c>signal-cnn</c>: a small 1-D CNN shared by all 12 leads, pooled per lead over the shown samples
/// (<see cref="LeadEncoderHead"/>). Three blocks halve the time axis (at 100 Hz one step is then 80 ms and sees
/// ~0.7 s: a beat with its ST segment); two dilated blocks widen that to ~2.6 s, so a step sees neighbouring
/// beats and their spacing, which pooling alone cannot recover (an irregular rhythm).</summary>
public sealed class SignalCnn : LeadEncoderHead
{
    private readonly nn.Module<Tensor, Tensor> _encoder;

    public SignalCnn(int width, int classes, double dropout = 0.3) : base(nameof(SignalCnn), 2 * width, classes, dropout)
    {
        _encoder = nn.Sequential(
            Block(Inputs.SignalWindow.Channels, width / 2, 7), nn.MaxPool1d(2),
            Block(width / 2, width, 7), nn.MaxPool1d(2),
            Block(width, 2 * width, 5), nn.MaxPool1d(2),
            Block(2 * width, 2 * width, 5, dilation: 2),
            Block(2 * width, 2 * width, 5, dilation: 4));
        RegisterComponents();
    }

    internal static nn.Module<Tensor, Tensor> Block(long input, long output, long kernel, long dilation = 1) => nn.Sequential(
        nn.Conv1d(input, output, kernel, padding: dilation * (kernel / 2), dilation: dilation, bias: false), new ScalarSafeBatchNorm(output), nn.ReLU());

    protected override Tensor Encode(Tensor leads) => _encoder.forward(leads);
}
