namespace HeartGuard.Models.Heads;

/// <summary>Per-feature mean and standard deviation of a set of rows (fitted on a training fold only), and the
/// z-scores of any row against them. Constant features get spread 1 so they neither explode nor matter.</summary>
public sealed class Standardizer(float[] mean, float[] std)
{
    public float[] Mean { get; } = mean;
    public float[] Std { get; } = std;

    public static Standardizer Fit(IReadOnlyList<float[]> rows)
    {
        var n = rows[0].Length;
        var mean = new double[n];
        var variance = new double[n];
        foreach (var r in rows) for (var j = 0; j < n; j++) mean[j] += r[j];
        for (var j = 0; j < n; j++) mean[j] /= rows.Count;
        foreach (var r in rows) for (var j = 0; j < n; j++) variance[j] += (r[j] - mean[j]) * (r[j] - mean[j]);
        var std = new float[n];
        for (var j = 0; j < n; j++)
        {
            var s = Math.Sqrt(variance[j] / rows.Count);
            std[j] = s > 1e-6 ? (float)s : 1f;
        }
        return new Standardizer(mean.Select(v => (float)v).ToArray(), std);
    }

    public float[] Apply(ReadOnlySpan<float> row)
    {
        var z = new float[row.Length];
        for (var j = 0; j < row.Length; j++) z[j] = (row[j] - Mean[j]) / Std[j];
        return z;
    }

    public void Write(BinaryWriter w)
    {
        w.Write(Mean.Length);
        foreach (var v in Mean) w.Write(v);
        foreach (var v in Std) w.Write(v);
    }

    public static Standardizer Read(BinaryReader r)
    {
        var n = r.ReadInt32();
        var mean = new float[n];
        var std = new float[n];
        for (var j = 0; j < n; j++) mean[j] = r.ReadSingle();
        for (var j = 0; j < n; j++) std[j] = r.ReadSingle();
        return new Standardizer(mean, std);
    }
}
