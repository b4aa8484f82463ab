namespace HeartGuard.Models.Evaluation;

/// <summary>Spread of a handful of cross-validation figures (per fold, per fold split).</summary>
public static class SampleSpread
{
    /// <summary>Sample standard deviation (n - 1); 0 for fewer than two values.</summary>
    public static double Sd(IReadOnlyList<double> values)
    {
        if (values.Count < 2) return 0;
        var mean = values.Average();
        return Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Count - 1));
    }
}
