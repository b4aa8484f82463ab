namespace HeartGuard.Synthesis;

/// <summary>The rhythm and morphology patterns the generator can produce.</summary>
public enum EcgPattern { Normal, AtrialFibrillation, PrematureVentricular, AcuteMiInferior, AcuteMiAnterior, OldMi }

/// <summary>The myocardial territory an infarct pattern affects.</summary>
public enum MiTerritory { Inferior, Anterior }

/// <summary>What to generate: pattern, mean heart rate (40-180 bpm), seed, duration and sampling rate.
/// The same spec always gives the same record.</summary>
public sealed record SignalSpec(EcgPattern Pattern, double HeartRateBpm, int Seed, double DurationS = 10, double SamplingRateHz = 500)
{
    public const double MinHeartRateBpm = 40, MaxHeartRateBpm = 180;

    /// <summary>Territory of an old infarct; when null, the seed chooses (even: inferior, odd: anterior).</summary>
    public MiTerritory? OldMiTerritory { get; init; }

    /// <summary>The territory the pattern's infarct lies in, or null for patterns without one.</summary>
    public MiTerritory? Territory => Pattern switch
    {
        EcgPattern.AcuteMiInferior => MiTerritory.Inferior,
        EcgPattern.AcuteMiAnterior => MiTerritory.Anterior,
        EcgPattern.OldMi => OldMiTerritory ?? ((Seed & 1) == 0 ? MiTerritory.Inferior : MiTerritory.Anterior),
        _ => null,
    };

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> with a readable message when a value is out of range.</summary>
    public void Validate()
    {
        if (!(HeartRateBpm >= MinHeartRateBpm && HeartRateBpm <= MaxHeartRateBpm))
            throw new ArgumentOutOfRangeException(nameof(HeartRateBpm), $"Heart rate must be {MinHeartRateBpm}-{MaxHeartRateBpm} bpm, got {HeartRateBpm}.");
        if (!(DurationS > 0 && DurationS <= 600))
            throw new ArgumentOutOfRangeException(nameof(DurationS), $"Duration must be in (0, 600] s, got {DurationS}.");
        if (!(SamplingRateHz >= 100 && SamplingRateHz <= 2000))
            throw new ArgumentOutOfRangeException(nameof(SamplingRateHz), $"Sampling rate must be 100-2000 Hz, got {SamplingRateHz}.");
        if (!Enum.IsDefined(Pattern))
            throw new ArgumentOutOfRangeException(nameof(Pattern), $"Unknown pattern {Pattern}.");
    }
}
