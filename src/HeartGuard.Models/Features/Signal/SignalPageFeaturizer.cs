using HeartGuard.Imaging;
using HeartGuard.Signals;

namespace HeartGuard.Models.Features.Signal;

/// <summary>Page -> digitized record -> measurements -> <see cref="SignalFeatureExtractor"/> vector, reusing the
/// caller's digitization and measurements when it already has them (analyze does). A readable picture with no
/// traces the digitizer can follow gives every signal feature missing (all leads absent) rather than an
/// error: the heads impute it and the out-of-distribution check flags it, and an ensemble still has its image
/// part.</summary>
public sealed class SignalPageFeaturizer(Digitizer digitizer, MeasurementPipeline measurement)
{
    public SignalPageFeaturizer() : this(new Digitizer(), new MeasurementPipeline()) { }

    /// <exception cref="InvalidDataException">The file is not a readable picture (the reason is in the message).</exception>
    public float[] Featurize(PredictionInput input, string name = "page")
    {
        var measurements = input.Measurements;
        if (measurements is null)
        {
            DigitizationResult page;
            try
            {
                page = input.Digitization ?? digitizer.Digitize(input.ImageBytes, name);
            }
            catch (DigitizationException e) when (e.Kind == DigitizationError.NotAnEcg)
            {
                return SignalFeatureExtractor.Extract(Measurements.NotMeasurable(0));
            }
            catch (DigitizationException e)
            {
                throw new InvalidDataException($"{name}: {e.Reason}", e);
            }
            measurements = measurement.Measure(page.Record);
        }
        return SignalFeatureExtractor.Extract(measurements);
    }
}
