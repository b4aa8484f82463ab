using HeartGuard.Core;

namespace HeartGuard.Models.Evaluation;

public sealed record ClassMetrics(double Precision, double Recall, double F1, int Support, double? RocAuc);

public sealed record Interval(double Low, double High);

/// <summary>The field's classification figures over distinct images: accuracy, macro-F1, per-class
/// precision/recall/F1/support, confusion (rows = true, columns = predicted, in <see cref="Labels"/> order),
/// one-vs-rest ROC-AUC, expected calibration error, and 95% bootstrap intervals.</summary>
public sealed record ClassificationMetrics(
    int N,
    IReadOnlyList<string> Labels,
    double Accuracy,
    double MacroF1,
    IReadOnlyDictionary<string, ClassMetrics> PerClass,
    int[][] Confusion,
    double? MacroRocAuc,
    double Ece,
    Interval? AccuracyCi95,
    Interval? MacroF1Ci95)
{
    public const int EceBins = 10;

    /// <summary>Computes every figure; <paramref name="bootstrapResamples"/> = 0 leaves the intervals out.</summary>
    public static ClassificationMetrics Compute(IReadOnlyList<int> truth, IReadOnlyList<double[]> probabilities, int bootstrapResamples = 1000, int seed = 1)
    {
        var labels = DiagnosticClasses.All;
        var k = labels.Count;
        var predicted = probabilities.Select(ArgMax).ToArray();
        var confusion = ConfusionOf(truth, predicted, k, Enumerable.Range(0, truth.Count));
        var perClass = new Dictionary<string, ClassMetrics>();
        var aucs = new List<double>();
        for (var c = 0; c < k; c++)
        {
            var (p, r, f1, support) = ClassScores(confusion, c);
            var auc = RocAuc(truth, probabilities, c);
            if (auc is { } a) aucs.Add(a);
            perClass[labels[c]] = new ClassMetrics(p, r, f1, support, auc);
        }
        Interval? accCi = null, f1Ci = null;
        if (bootstrapResamples > 0 && truth.Count > 1)
            (accCi, f1Ci) = Bootstrap(truth, predicted, k, bootstrapResamples, seed);
        return new ClassificationMetrics(truth.Count, labels, AccuracyOf(confusion), MacroF1Of(confusion), perClass, confusion,
            aucs.Count > 0 ? aucs.Average() : null, ExpectedCalibrationError(truth, probabilities, predicted), accCi, f1Ci);
    }

    public static int ArgMax(double[] p)
    {
        var best = 0;
        for (var i = 1; i < p.Length; i++) if (p[i] > p[best]) best = i;
        return best;
    }

    private static int[][] ConfusionOf(IReadOnlyList<int> truth, int[] predicted, int k, IEnumerable<int> rows)
    {
        var m = new int[k][];
        for (var i = 0; i < k; i++) m[i] = new int[k];
        foreach (var i in rows) m[truth[i]][predicted[i]]++;
        return m;
    }

    private static (double P, double R, double F1, int Support) ClassScores(int[][] m, int c)
    {
        var tp = m[c][c];
        var support = m[c].Sum();
        var predictedCount = m.Sum(row => row[c]);
        var p = predictedCount == 0 ? 0 : (double)tp / predictedCount;
        var r = support == 0 ? 0 : (double)tp / support;
        return (p, r, p + r == 0 ? 0 : 2 * p * r / (p + r), support);
    }

    private static double AccuracyOf(int[][] m)
    {
        var total = m.Sum(r => r.Sum());
        return total == 0 ? 0 : (double)Enumerable.Range(0, m.Length).Sum(i => m[i][i]) / total;
    }

    /// <summary>Mean F1 over the classes present in the truth (a class with no examples has no defined recall).</summary>
    private static double MacroF1Of(int[][] m)
    {
        var present = Enumerable.Range(0, m.Length).Where(c => m[c].Sum() > 0).ToList();
        return present.Count == 0 ? 0 : present.Average(c => ClassScores(m, c).F1);
    }

    /// <summary>One-vs-rest ROC-AUC as the Mann-Whitney probability that a positive outranks a negative.</summary>
    private static double? RocAuc(IReadOnlyList<int> truth, IReadOnlyList<double[]> probabilities, int c)
    {
        var pos = new List<double>();
        var neg = new List<double>();
        for (var i = 0; i < truth.Count; i++) (truth[i] == c ? pos : neg).Add(probabilities[i][c]);
        if (pos.Count == 0 || neg.Count == 0) return null;
        var wins = 0.0;
        foreach (var p in pos)
            foreach (var q in neg)
                wins += p > q ? 1 : p == q ? 0.5 : 0;
        return wins / (pos.Count * (double)neg.Count);
    }

    /// <summary>ECE of the top-class confidence over equal-width bins.</summary>
    public static double ExpectedCalibrationError(IReadOnlyList<int> truth, IReadOnlyList<double[]> probabilities, int[] predicted)
    {
        var count = new int[EceBins];
        var conf = new double[EceBins];
        var correct = new double[EceBins];
        for (var i = 0; i < truth.Count; i++)
        {
            var p = probabilities[i][predicted[i]];
            var b = Math.Min(EceBins - 1, (int)(p * EceBins));
            count[b]++; conf[b] += p; correct[b] += truth[i] == predicted[i] ? 1 : 0;
        }
        var ece = 0.0;
        for (var b = 0; b < EceBins; b++)
            if (count[b] > 0) ece += Math.Abs(conf[b] - correct[b]) / truth.Count;
        return ece;
    }

    /// <summary>Reliability diagram points: (mean confidence, accuracy, count) per non-empty bin.</summary>
    public static IReadOnlyList<(double Confidence, double Accuracy, int Count)> Reliability(IReadOnlyList<int> truth, IReadOnlyList<double[]> probabilities)
    {
        var bins = new List<(double, double, int)>();
        for (var b = 0; b < EceBins; b++)
        {
            var members = Enumerable.Range(0, truth.Count).Where(i =>
            {
                var p = probabilities[i].Max();
                return Math.Min(EceBins - 1, (int)(p * EceBins)) == b;
            }).ToList();
            if (members.Count == 0) continue;
            bins.Add((members.Average(i => probabilities[i].Max()), members.Average(i => truth[i] == ArgMax(probabilities[i]) ? 1.0 : 0.0), members.Count));
        }
        return bins;
    }

    /// <summary>One-vs-rest ROC curve points (false positive rate, true positive rate) for class c.</summary>
    public static IReadOnlyList<(double Fpr, double Tpr)> RocCurve(IReadOnlyList<int> truth, IReadOnlyList<double[]> probabilities, int c)
    {
        var order = Enumerable.Range(0, truth.Count).OrderByDescending(i => probabilities[i][c]).ToList();
        double pos = truth.Count(t => t == c), neg = truth.Count - pos;
        var points = new List<(double, double)> { (0, 0) };
        double tp = 0, fp = 0;
        foreach (var i in order)
        {
            if (truth[i] == c) tp++; else fp++;
            points.Add((neg == 0 ? 0 : fp / neg, pos == 0 ? 0 : tp / pos));
        }
        return points;
    }

    private static (Interval Accuracy, Interval MacroF1) Bootstrap(IReadOnlyList<int> truth, int[] predicted, int k, int resamples, int seed)
    {
        var rng = new Random(seed);
        var accs = new double[resamples];
        var f1s = new double[resamples];
        var sample = new int[truth.Count];
        for (var b = 0; b < resamples; b++)
        {
            for (var i = 0; i < sample.Length; i++) sample[i] = rng.Next(truth.Count);
            var m = ConfusionOf(truth, predicted, k, sample);
            accs[b] = AccuracyOf(m);
            f1s[b] = MacroF1Of(m);
        }
        return (Percentiles(accs), Percentiles(f1s));
    }

    private static Interval Percentiles(double[] values)
    {
        Array.Sort(values);
        return new Interval(values[(int)(0.025 * (values.Length - 1))], values[(int)Math.Ceiling(0.975 * (values.Length - 1))]);
    }
}
