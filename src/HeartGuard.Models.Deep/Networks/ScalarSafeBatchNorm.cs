using TorchSharp;
using static TorchSharp.torch;

namespace HeartGuard.Models.Deep.Networks;

/// <summary>Batch normalisation over the channel axis of [B, C, ...] (1-D or 2-D), the same arithmetic and the
/// same state-dict entries (weight, bias, running_mean, running_var, num_batches_tracked) as TorchSharp's
/// BatchNorm1d/2d, so bundles load either way. It exists because TorchSharp's counts batches with
/// <c>num_batches_tracked.add_(1)</c>, which passes two implicit <see cref="Scalar"/>s (the 1 and the scale
/// factor alpha) that are unreachable while libtorch reads them: a collection in that window lets the
/// finalizer thread free one under the call (NaN losses, "Unknown scalar type", crashes). Here the scalar
/// is held for the module's lifetime and passed for both.</summary>
public sealed class ScalarSafeBatchNorm : nn.Module<Tensor, Tensor>
{
    private const double Momentum = 0.1, Epsilon = 1e-5;
    private readonly Scalar _one = 1L.ToScalar();
    private readonly TorchSharp.Modules.Parameter _weight;
    private readonly TorchSharp.Modules.Parameter _bias;
    private readonly Tensor _runningMean;
    private readonly Tensor _runningVar;
    private readonly Tensor _batchesTracked;

    public ScalarSafeBatchNorm(long channels) : base(nameof(ScalarSafeBatchNorm))
    {
        _weight = nn.Parameter(ones(channels));
        _bias = nn.Parameter(zeros(channels));
        _runningMean = zeros(channels);
        _runningVar = ones(channels);
        _batchesTracked = tensor(0L);
        register_parameter("weight", _weight);
        register_parameter("bias", _bias);
        register_buffer("running_mean", _runningMean);
        register_buffer("running_var", _runningVar);
        register_buffer("num_batches_tracked", _batchesTracked);
    }

    public override Tensor forward(Tensor input)
    {
        if (training) _batchesTracked.add_(_one, alpha: _one);
        return nn.functional.batch_norm(input, _runningMean, _runningVar, _weight, _bias, training, Momentum, Epsilon);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _one.Dispose();
            _weight.Dispose();
            _bias.Dispose();
            _runningMean.Dispose();
            _runningVar.Dispose();
            _batchesTracked.Dispose();
        }
        base.Dispose(disposing);
    }
}
