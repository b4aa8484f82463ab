using HeartGuard.Models.Heads;

namespace HeartGuard.Models.Tests.Heads;

public class SmoteTests
{
    [Fact]
    public void TopsUpEveryClassWithRowsBetweenTwoRowsOfThatClass()
    {
        var rng = new Random(5);
        var rows = new List<float[]>();
        var labels = new List<int>();
        foreach (var (label, count) in new[] { (0, 20), (1, 6), (2, 3) })
            for (var i = 0; i < count; i++)
            {
                rows.Add([label * 10 + (float)rng.NextDouble(), (float)rng.NextDouble()]);
                labels.Add(label);
            }
        var train = new FeatureTable(rows, labels, labels.Select((_, i) => "g" + i).ToList());

        var balanced = Smote.Oversample(train, k: 5, seed: 1);

        for (var c = 0; c < 3; c++) Assert.Equal(20, balanced.Labels.Count(l => l == c));
        Assert.Equal(balanced.Rows.Count, balanced.Groups!.Count);
        Assert.Equal(train.Rows, balanced.Rows.Take(train.Rows.Count));
        for (var i = train.Rows.Count; i < balanced.Rows.Count; i++)
        {
            // Interpolated within its class: the first feature stays inside that class's band.
            var c = balanced.Labels[i];
            Assert.InRange(balanced.Rows[i][0], c * 10f, c * 10f + 1f);
        }
    }
}
