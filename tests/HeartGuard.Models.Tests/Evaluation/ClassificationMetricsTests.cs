using HeartGuard.Models.Evaluation;

namespace HeartGuard.Models.Tests.Evaluation;

public class ClassificationMetricsTests
{
    private static double[] OneHot(int k, double p = 0.7)
    {
        var v = Enumerable.Repeat((1 - p) / 3, 4).ToArray();
        v[k] = p;
        return v;
    }

    [Fact]
    public void FiguresMatchAHandCount()
    {
        // truth:     0 0 0 1 1 2 3 3
        // predicted: 0 0 1 1 1 2 3 0
        int[] truth = [0, 0, 0, 1, 1, 2, 3, 3];
        int[] predicted = [0, 0, 1, 1, 1, 2, 3, 0];
        var m = ClassificationMetrics.Compute(truth, predicted.Select(p => OneHot(p)).ToList(), bootstrapResamples: 200);

        Assert.Equal(8, m.N);
        Assert.Equal(6.0 / 8, m.Accuracy, 9);
        Assert.Equal([2, 1, 0, 0], m.Confusion[0]);
        Assert.Equal([1, 0, 0, 1], m.Confusion[3]);
        // class 0: P = 2/3, R = 2/3; class 1: P = 2/3, R = 1; class 2: 1, 1; class 3: P = 1, R = 1/2.
        var f1 = new[] { 2.0 / 3, 0.8, 1.0, 2.0 / 3 };
        Assert.Equal(f1.Average(), m.MacroF1, 9);
        Assert.Equal(2.0 / 3, m.PerClass["Normal"].Precision, 9);
        Assert.Equal(0.5, m.PerClass["HistoryOfMI"].Recall, 9);
        Assert.Equal(2, m.PerClass["HistoryOfMI"].Support);
        // Every prediction has confidence 0.7 and 6/8 are right: ECE = |0.7 - 0.75|.
        Assert.Equal(0.05, m.Ece, 9);
        Assert.InRange(m.MacroF1, m.MacroF1Ci95!.Low, m.MacroF1Ci95.High);
    }

    [Fact]
    public void RocAucIsOneForPerfectRankingAndHalfForConstantScores()
    {
        int[] truth = [0, 0, 1, 1, 2, 2, 3, 3];
        var perfect = ClassificationMetrics.Compute(truth, truth.Select(t => OneHot(t)).ToList(), 0);
        var constant = ClassificationMetrics.Compute(truth, truth.Select(_ => new[] { 0.25, 0.25, 0.25, 0.25 }).ToList(), 0);

        Assert.Equal(1.0, perfect.MacroRocAuc!.Value, 9);
        Assert.Equal(0.5, constant.MacroRocAuc!.Value, 9);
    }

    [Fact]
    public void TemperatureScalingKeepsTheArgmaxAndSoftensOverconfidence()
    {
        int[] truth = [0, 1, 2, 3, 0, 1, 2, 3];
        var probabilities = new List<double[]> { OneHot(0, 0.99), OneHot(1, 0.99), OneHot(2, 0.99), OneHot(3, 0.99), OneHot(1, 0.99), OneHot(2, 0.99), OneHot(3, 0.99), OneHot(0, 0.99) };
        var t = TemperatureScaling.Fit(truth, probabilities);
        Assert.True(t > 1, $"temperature {t}");
        var scaled = TemperatureScaling.Apply(probabilities[0], t);
        Assert.Equal(0, ClassificationMetrics.ArgMax(scaled));
        Assert.True(scaled[0] < 0.99);
    }

    [Fact]
    public void CrossFittedTemperatureRepairsUnderconfidentVotes()
    {
        // A soft vote's hedged probabilities: the top class at 0.4 although it is right on 42 of 50 pages.
        var truth = Enumerable.Range(0, 50).Select(i => i % 4).ToList();
        var fold = Enumerable.Range(0, 50).Select(i => i % 5).ToList();
        var probabilities = truth.Select((t, i) =>
        {
            var p = Enumerable.Repeat(0.2, 4).ToArray();
            p[i % 7 == 0 ? (t + 1) % 4 : t] = 0.4;
            return p;
        }).ToList();
        var raw = ClassificationMetrics.ExpectedCalibrationError(truth, probabilities, probabilities.Select(ClassificationMetrics.ArgMax).ToArray());

        var calibrated = TemperatureScaling.CrossFittedEce(truth, probabilities, fold);

        Assert.True(raw > 0.4, $"raw ECE {raw}");
        Assert.True(calibrated < raw / 2, $"calibrated ECE {calibrated} vs raw {raw}");
    }
}
