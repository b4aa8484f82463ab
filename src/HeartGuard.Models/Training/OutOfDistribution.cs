namespace HeartGuard.Models.Training;

/// <summary>Flags inputs unlike the training pages: the mean squared z-score of their features against the
/// training rows' per-feature mean and spread, compared with a threshold taken from held-out (cross-validated)
/// training pages, so a typical unseen page of the training kind passes.</summary>
public sealed class OutOfDistribution
{
    public OutOfDistribution(float[] mean, float[] std, double threshold)
    {
        Mean = mean; Std = std; Threshold = threshold;
    }

    public float[] Mean { get; }
    public float[] Std { get; }
    public double Threshold { get; private set; }

    public static OutOfDistribution Fit(IReadOnlyList<float[]> rows)
    {
        var n = rows[0].Length;
        var mean = new float[n];
        var std = new float[n];
        foreach (var r in rows) for (var j = 0; j < n; j++) mean[j] += r[j] / rows.Count;
        foreach (var r in rows) for (var j = 0; j < n; j++) std[j] += (r[j] - mean[j]) * (r[j] - mean[j]) / rows.Count;
        // The floor keeps near-constant features (dead ReLU channels) from dominating the score.
        var floor = 1e-3f + std.Average() * 0.1f;
        for (var j = 0; j < n; j++) std[j] = MathF.Max(MathF.Sqrt(std[j]), floor);
        return new OutOfDistribution(mean, std, double.PositiveInfinity);
    }

    public double Score(ReadOnlySpan<float> features)
    {
        var sum = 0.0;
        for (var j = 0; j < features.Length; j++)
        {
            var z = (features[j] - Mean[j]) / Std[j];
            sum += z * z;
        }
        return sum / features.Length;
    }

    public bool IsOutlier(ReadOnlySpan<float> features) => Score(features) > Threshold;

    /// <summary>Sets the threshold to a high quantile of scores of pages the statistics did not see.</summary>
    public void Calibrate(IReadOnlyList<double> heldOutScores, double quantile = 0.99)
    {
        var sorted = heldOutScores.OrderBy(s => s).ToArray();
        Threshold = sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(quantile * (sorted.Length - 1)))];
    }

    public void Save(string path)
    {
        using var w = new BinaryWriter(File.Create(path));
        w.Write(Mean.Length);
        foreach (var v in Mean) w.Write(v);
        foreach (var v in Std) w.Write(v);
        w.Write(Threshold);
    }

    public static OutOfDistribution Load(string path)
    {
        using var r = new BinaryReader(File.OpenRead(path));
        var n = r.ReadInt32();
        var mean = new float[n];
        var std = new float[n];
        for (var j = 0; j < n; j++) mean[j] = r.ReadSingle();
        for (var j = 0; j < n; j++) std[j] = r.ReadSingle();
        return new OutOfDistribution(mean, std, r.ReadDouble());
    }
}
