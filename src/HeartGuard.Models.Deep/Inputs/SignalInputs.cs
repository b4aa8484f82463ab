using HeartGuard.Imaging;

namespace HeartGuard.Models.Deep.Inputs;

/// <summary>Page -> <see cref="SignalWindow"/> for a route: the caller's digitization when it has one (analyze
/// does), else the page is digitized here. A page the digitizer cannot read becomes an empty window (every
/// lead missing), so the network's answer falls back to what it learnt for pages without signal.</summary>
public sealed class SignalInputs(DeepRouteSpec spec) : IDeepInputs
{
    private readonly Digitizer _digitizer = new();

    public float[] From(PredictionInput input, string name = "page") =>
        input.Digitization is { } page ? SignalWindow.From(page.Record, spec.RateHz, spec.DurationS) : FromImage(input.ImageBytes, name);

    public float[] FromImage(ReadOnlyMemory<byte> image, string name)
    {
        try
        {
            return SignalWindow.From(_digitizer.Digitize(image, name).Record, spec.RateHz, spec.DurationS);
        }
        catch (DigitizationException)
        {
            return SignalWindow.Empty(spec.RateHz, spec.DurationS);
        }
    }
}
