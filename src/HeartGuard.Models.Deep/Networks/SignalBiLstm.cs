using TorchSharp;
using static TorchSharp.torch;

namespace HeartGuard.Models.Deep.Networks;

/// <summary><c>signal-bilstm</c>: a two-block convolutional front end (shared by the 12 leads) brings 100 Hz
/// down to 25 Hz (P waves still span two or three steps), where a one-layer bidirectional LSTM reads each lead's sequence; its outputs are pooled
/// per lead over the shown samples (<see cref="LeadEncoderHead"/>).</summary>
public sealed class SignalBiLstm : LeadEncoderHead
{
    private readonly nn.Module<Tensor, Tensor> _frontEnd;
    private readonly TorchSharp.Modules.LSTM _lstm;
    private readonly long _hidden;

    public SignalBiLstm(int width, int classes, double dropout = 0.3) : base(nameof(SignalBiLstm), 2 * width, classes, dropout)
    {
        // No batch norm here: the LSTM route early-stops within a few epochs, before batch-norm running
        // statistics settle, and evaluation then sees differently scaled inputs than training did.
        _frontEnd = nn.Sequential(
            nn.Conv1d(Inputs.SignalWindow.Channels, width / 2, 7, padding: 3), nn.ReLU(), nn.MaxPool1d(2),
            nn.Conv1d(width / 2, width, 5, padding: 2), nn.ReLU(), nn.MaxPool1d(2));
        _hidden = width;
        _lstm = nn.LSTM(width, width, numLayers: 1, batchFirst: true, bidirectional: true);
        RegisterComponents();
    }

    protected override Tensor Encode(Tensor leads)
    {
        var steps = _frontEnd.forward(leads).transpose(1, 2).contiguous();
        var (output, _, _) = _lstm.forward(steps, (zeros(2, steps.shape[0], _hidden), zeros(2, steps.shape[0], _hidden)));
        return output.transpose(1, 2);
    }
}
