namespace HeartGuard.Models.Deep;

/// <summary>The input a deep network reads.</summary>
public enum DeepInputKind
{
    /// <summary>The digitizer's 12 leads as a <see cref="Inputs.SignalWindow"/>.</summary>
    SignalWindow,

    /// <summary>The page's chart area as a cleaned grey image (<see cref="Inputs.TraceImage"/>).</summary>
    TraceImage,
}
