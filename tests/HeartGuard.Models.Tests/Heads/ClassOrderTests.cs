using HeartGuard.Core;
using HeartGuard.Models.Heads;

namespace HeartGuard.Models.Tests.Heads;

public class ClassOrderTests
{
    /// <summary>Rows whose feature k is high exactly for class k, listed so that classes first appear in
    /// reverse order: a head that numbered classes by first appearance would come out permuted.</summary>
    private static FeatureTable OneHotRows()
    {
        var rows = new List<float[]>();
        var labels = new List<int>();
        var rng = new Random(4);
        for (var rep = 0; rep < 12; rep++)
            for (var c = 3; c >= 0; c--)
            {
                rows.Add(Enumerable.Range(0, 4).Select(j => (float)(rng.NextDouble() * 0.2 + (j == c ? 1 : 0))).ToArray());
                labels.Add(c);
            }
        return new FeatureTable(rows, labels);
    }

    [Theory]
    [InlineData(HeadKind.Logistic)]
    [InlineData(HeadKind.LightGbm)]
    [InlineData(HeadKind.Svm)]
    [InlineData(HeadKind.Forest)]
    [InlineData(HeadKind.Knn)]
    public void ProbabilitiesComeBackInDiagnosticClassesOrder(HeadKind kind)
    {
        var head = HeadEnsemble.Fit(OneHotRows(), [new HeadSpec(kind, Trees: 20, Neighbours: 5)], 1);
        for (var c = 0; c < 4; c++)
        {
            var p = head.Predict(Enumerable.Range(0, 4).Select(j => j == c ? 1.1f : 0.1f).ToArray());
            Assert.Equal(c, Array.IndexOf(p, p.Max()));
            Assert.Equal(1.0, p.Sum(), 6);
        }
    }

    [Theory]
    [InlineData(HeadKind.Logistic)]
    [InlineData(HeadKind.Knn)]
    public void SavedHeadKeepsTheOrder(HeadKind kind)
    {
        var path = Path.GetTempFileName();
        try
        {
            var spec = new HeadSpec(kind, Neighbours: 5);
            HeadEnsemble.Fit(OneHotRows(), [spec], 1).Members[0].Save(path);
            var loaded = HeadEnsemble.Load([spec], [path]);
            var p = loaded.Predict([0.1f, 0.1f, 1.1f, 0.1f]);
            Assert.Equal(DiagnosticClasses.MyocardialInfarction, DiagnosticClasses.All[Array.IndexOf(p, p.Max())]);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
