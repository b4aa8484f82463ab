namespace HeartGuard.Synthesis;

/// <summary>A degradation as it was applied, with the parameter values drawn from the seed.</summary>
public sealed record AppliedDegradation(string Name, IReadOnlyDictionary<string, double> Parameters);
