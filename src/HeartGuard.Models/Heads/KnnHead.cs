using HeartGuard.Core;

namespace HeartGuard.Models.Heads;

/// <summary>k-nearest neighbours (ML.NET has none): features standardised with the training fold's mean and
/// spread, Euclidean distance, and each neighbour's vote weighted by the inverse of its class's size in the
/// training rows, so the 18 MI pages are not outvoted by the 140 abnormal-heartbeat pages by sheer number.
/// Probabilities are the smoothed vote shares.</summary>
public sealed class KnnHead : IClassifierHead
{
    private readonly Standardizer _scale;
    private readonly float[][] _rows;
    private readonly int[] _labels;
    private readonly double[] _classWeight;
    private readonly int _k;

    private KnnHead(Standardizer scale, float[][] rows, int[] labels, double[] classWeight, int k)
    {
        _scale = scale; _rows = rows; _labels = labels; _classWeight = classWeight; _k = k;
    }

    public static KnnHead Fit(FeatureTable train, int k, bool balance)
    {
        if (train.Rows.Count == 0) throw new ArgumentException("No training rows.");
        var scale = Standardizer.Fit(train.Rows);
        var counts = new int[DiagnosticClasses.All.Count];
        foreach (var l in train.Labels) counts[l]++;
        var weight = counts.Select(c => c == 0 ? 0 : balance ? 1.0 / c : 1.0).ToArray();
        return new KnnHead(scale, train.Rows.Select(r => scale.Apply(r)).ToArray(), train.Labels.ToArray(), weight, Math.Min(k, train.Rows.Count));
    }

    public double[] Predict(float[] features)
    {
        if (features.Length != _scale.Mean.Length) throw new ArgumentException($"Expected {_scale.Mean.Length} features, got {features.Length}.");
        var z = _scale.Apply(features);
        var distances = new double[_rows.Length];
        var order = new int[_rows.Length];
        for (var i = 0; i < _rows.Length; i++) { distances[i] = Smote.SquaredDistance(z, _rows[i]); order[i] = i; }
        Array.Sort(distances, order);
        var votes = new double[DiagnosticClasses.All.Count];
        for (var n = 0; n < _k; n++) votes[_labels[order[n]]] += _classWeight[_labels[order[n]]];
        // Half a neighbour's worth of prior keeps a class no neighbour voted for above probability 0.
        var prior = 0.5 * _classWeight.Where(w => w > 0).Min() / votes.Length;
        var total = votes.Sum() + prior * votes.Length;
        return votes.Select(v => (v + prior) / total).ToArray();
    }

    public void Save(string path)
    {
        using var w = new BinaryWriter(File.Create(path));
        w.Write(_k);
        _scale.Write(w);
        w.Write(_rows.Length);
        for (var i = 0; i < _rows.Length; i++)
        {
            w.Write(_labels[i]);
            foreach (var v in _rows[i]) w.Write(v);
        }
        foreach (var v in _classWeight) w.Write(v);
    }

    public static KnnHead Load(string path)
    {
        using var r = new BinaryReader(File.OpenRead(path));
        var k = r.ReadInt32();
        var scale = Standardizer.Read(r);
        var rows = new float[r.ReadInt32()][];
        var labels = new int[rows.Length];
        for (var i = 0; i < rows.Length; i++)
        {
            labels[i] = r.ReadInt32();
            rows[i] = new float[scale.Mean.Length];
            for (var j = 0; j < rows[i].Length; j++) rows[i][j] = r.ReadSingle();
        }
        var weight = new double[DiagnosticClasses.All.Count];
        for (var c = 0; c < weight.Length; c++) weight[c] = r.ReadDouble();
        return new KnnHead(scale, rows, labels, weight, k);
    }
}
