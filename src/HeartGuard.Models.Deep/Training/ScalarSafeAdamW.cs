using TorchSharp;
using static TorchSharp.torch;

namespace HeartGuard.Models.Deep.Training;

/// <summary>AdamW (decoupled weight decay), step for step the arithmetic of TorchSharp's
/// <c>torch.optim.AdamW</c> (amsgrad off). It exists because TorchSharp's step passes implicit
/// <see cref="Scalar"/>s (betas, step sizes, the alpha of an addition) that are unreachable while libtorch reads them: a collection in
/// that window lets the finalizer thread free one under the call (NaN losses, crashes). Here every scalar is
/// held in a local until the operation that reads it has returned, and every tensor of a step is disposed by
/// its scope.</summary>
public sealed class ScalarSafeAdamW : IDisposable
{
    private const double Beta1 = 0.9, Beta2 = 0.999, Epsilon = 1e-8;
    private readonly TorchSharp.Modules.Parameter[] _parameters;
    private readonly Tensor[] _averages;
    private readonly Tensor[] _squaredAverages;
    private readonly double _learningRate;
    private readonly double _weightDecay;
    private long _step;

    public ScalarSafeAdamW(IEnumerable<TorchSharp.Modules.Parameter> parameters, double learningRate, double weightDecay)
    {
        _parameters = parameters.ToArray();
        _averages = _parameters.Select(p => zeros_like(p).DetachFromDisposeScope()).ToArray();
        _squaredAverages = _parameters.Select(p => zeros_like(p).DetachFromDisposeScope()).ToArray();
        _learningRate = learningRate;
        _weightDecay = weightDecay;
    }

    /// <summary>Updates every parameter that has a gradient.</summary>
    public void Step()
    {
        _step++;
        var correction1 = 1 - Math.Pow(Beta1, _step);
        var correction2 = 1 - Math.Pow(Beta2, _step);
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        using var decay = (1 - _learningRate * _weightDecay).ToScalar();
        using var beta1 = Beta1.ToScalar();
        using var oneMinusBeta1 = (1 - Beta1).ToScalar();
        using var beta2 = Beta2.ToScalar();
        using var oneMinusBeta2 = (1 - Beta2).ToScalar();
        using var rootCorrection2 = Math.Sqrt(correction2).ToScalar();
        using var epsilon = Epsilon.ToScalar();
        using var one = 1.ToScalar();
        using var stepSize = (-_learningRate / correction1).ToScalar();
        for (var i = 0; i < _parameters.Length; i++)
        {
            var parameter = _parameters[i];
            var grad = parameter.grad;
            if (grad is null) continue;
            parameter.mul_(decay);
            _averages[i].mul_(beta1).add_(grad, alpha: oneMinusBeta1);
            _squaredAverages[i].mul_(beta2).addcmul_(grad, grad, value: oneMinusBeta2);
            var denominator = (_squaredAverages[i].sqrt() / rootCorrection2).add_(epsilon, alpha: one);
            parameter.addcdiv_(_averages[i], denominator, value: stepSize);
        }
    }

    /// <summary>Clears the gradients before the next backward pass.</summary>
    public void ZeroGrad()
    {
        foreach (var parameter in _parameters)
            parameter.grad?.zero_();
    }

    public void Dispose()
    {
        foreach (var t in _averages) t.Dispose();
        foreach (var t in _squaredAverages) t.Dispose();
    }
}
