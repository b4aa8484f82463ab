namespace HeartGuard.Models.Heads;

/// <summary>Replaces missing (NaN) features by the training fold's mean of that feature (0 when the fold never
/// measured it). Fitted on training rows only; the features' presence indicators keep the fact of absence.</summary>
public sealed class MeanImputer(float[] means)
{
    public float[] Means { get; } = means;

    public static MeanImputer Fit(IReadOnlyList<float[]> rows)
    {
        var n = rows[0].Length;
        var sum = new double[n];
        var count = new int[n];
        foreach (var r in rows)
            for (var j = 0; j < n; j++)
                if (!float.IsNaN(r[j])) { sum[j] += r[j]; count[j]++; }
        var means = new float[n];
        for (var j = 0; j < n; j++) means[j] = count[j] == 0 ? 0 : (float)(sum[j] / count[j]);
        return new MeanImputer(means);
    }

    public float[] Apply(float[] row)
    {
        if (row.Length != Means.Length) throw new ArgumentException($"Expected {Means.Length} features, got {row.Length}.");
        var filled = (float[])row.Clone();
        for (var j = 0; j < filled.Length; j++) if (float.IsNaN(filled[j])) filled[j] = Means[j];
        return filled;
    }

    public FeatureTable Apply(FeatureTable table) => table with { Rows = table.Rows.Select(Apply).ToList() };

    public void Save(string path)
    {
        using var w = new BinaryWriter(File.Create(path));
        w.Write(Means.Length);
        foreach (var v in Means) w.Write(v);
    }

    public static MeanImputer Load(string path)
    {
        using var r = new BinaryReader(File.OpenRead(path));
        var means = new float[r.ReadInt32()];
        for (var j = 0; j < means.Length; j++) means[j] = r.ReadSingle();
        return new MeanImputer(means);
    }
}
