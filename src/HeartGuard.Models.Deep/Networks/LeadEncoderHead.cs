using TorchSharp;
using static TorchSharp.torch;

namespace HeartGuard.Models.Deep.Networks;

/// <summary>What both signal networks share around their per-lead encoders: the page tensor
/// [B, 12, 2, T] is split into 12·B single-lead sequences (signal + mask) that one encoder reads, each lead's
/// encoding is pooled over the samples the page showed (masked mean and max), and the 12 lead vectors,
/// concatenated in standard lead order, go through dropout into a linear layer with one logit per class.
/// A lead missing from the page pools to zeros. Every <see cref="Scalar"/> libtorch reads here, the scale
/// factor (alpha) of additions included, is held by the module: TorchSharp's implicit ones are unreachable
/// while libtorch reads them, and a collection in that window lets the finalizer thread free one under the
/// call.</summary>
public abstract class LeadEncoderHead : nn.Module<Tensor, Tensor>
{
    private readonly nn.Module<Tensor, Tensor> _dropout;
    private readonly nn.Module<Tensor, Tensor> _classifier;
    private readonly Scalar _one = 1.ToScalar();
    private readonly Scalar _hiddenOffset = 1e4f.ToScalar();

    protected LeadEncoderHead(string name, int encodingChannels, int classes, double dropout) : base(name)
    {
        _dropout = nn.Dropout(dropout);
        _classifier = nn.Linear(Inputs.SignalWindow.Leads * 2L * encodingChannels, classes);
    }

    /// <summary>[N, 2, T] single-lead sequences -> [N, C, T'] encodings.</summary>
    protected abstract Tensor Encode(Tensor leads);

    public override Tensor forward(Tensor pages)
    {
        var batch = pages.shape[0];
        var leads = pages.reshape(-1, Inputs.SignalWindow.Channels, pages.shape[3]);
        var encoded = Encode(leads);
        // The mask at the encoder's time resolution: a step counts when any input sample under it was shown.
        var mask = nn.functional.adaptive_max_pool1d(leads.narrow(1, 1, 1), encoded.shape[2]);
        var shown = mask.sum(2).clamp_min(_one);
        var mean = (encoded * mask).sum(2) / shown;
        var max = encoded.add(mask.sub(_one).mul(_hiddenOffset), _one).amax(2) * mask.amax(2);
        var perLead = cat([mean, max], 1);
        return _classifier.forward(_dropout.forward(perLead.reshape(batch, -1)));
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _one.Dispose();
            _hiddenOffset.Dispose();
        }
        base.Dispose(disposing);
    }
}
