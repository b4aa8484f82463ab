namespace HeartGuard.Models.Deep.Training;

/// <summary>Writes a randomly perturbed copy of one training input row; the perturbation is drawn from the
/// caller's generator only, so a seed gives the same training run.</summary>
public interface IAugmentation
{
    void Apply(ReadOnlySpan<float> input, Span<float> target, Random rng);

    /// <summary>The augmentation that suits the route's input.</summary>
    static IAugmentation For(DeepRouteSpec spec) => spec.Input switch
    {
        DeepInputKind.TraceImage => new ImageAugmentation(spec.ImageHeightPx, spec.ImageWidthPx),
        _ => new SignalAugmentation(maxShiftSamples: (int)Math.Round(0.5 * spec.RateHz), samples: (int)spec.InputShape[2]),
    };

    /// <summary>A standard normal draw (Box-Muller).</summary>
    static float Gaussian(Random rng) =>
        (float)(Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble()));
}
