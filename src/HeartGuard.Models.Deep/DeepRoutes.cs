namespace HeartGuard.Models.Deep;

/// <summary>The deep routes <c>train --model</c> accepts.</summary>
public static class DeepRoutes
{
    public static readonly IReadOnlyDictionary<string, DeepRouteSpec> All = new Dictionary<string, DeepRouteSpec>
    {
        ["signal-cnn"] = new("signal-cnn", DeepRouteSpec.SignalCnnNetwork),
        // The LSTM learns slower than the convolutions in front of it: a higher rate, more patience.
        ["signal-bilstm"] = new("signal-bilstm", DeepRouteSpec.SignalBiLstmNetwork, LearningRate: 5e-3, Patience: 8),
        ["image-cnn"] = new("image-cnn", DeepRouteSpec.ImageCnnNetwork, LearningRate: 1e-3, Patience: 8),
    };
}
