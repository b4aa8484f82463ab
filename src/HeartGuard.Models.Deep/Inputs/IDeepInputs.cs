namespace HeartGuard.Models.Deep.Inputs;

/// <summary>Page -> the flat input row a deep route's network reads (<see cref="DeepRouteSpec.InputShape"/>).</summary>
public interface IDeepInputs
{
    float[] From(PredictionInput input, string name = "page");

    /// <summary>The inputs the route was trained on: its spec decides, so a bundle is fed as it was trained.</summary>
    static IDeepInputs For(DeepRouteSpec spec) => spec.Input switch
    {
        DeepInputKind.TraceImage => new TraceImage(spec.ImageHeightPx, spec.ImageWidthPx),
        _ => new SignalInputs(spec),
    };
}
