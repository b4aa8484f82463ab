using HeartGuard.Models.Heads;
using HeartGuard.Models.Training;

namespace HeartGuard.Models.Tests.Training;

public class CrossValidationTests
{
    private static FeatureTable RandomTable(int rows, int features, int seed)
    {
        var rng = new Random(seed);
        var data = new List<float[]>();
        var labels = new List<int>();
        for (var i = 0; i < rows; i++)
        {
            var label = i % 4;
            labels.Add(label);
            data.Add(Enumerable.Range(0, features).Select(j => (float)(rng.NextDouble() + (j == label ? 2 : 0))).ToArray());
        }
        return new FeatureTable(data, labels);
    }

    [Fact]
    public void LearnerSeesOnlyTrainingRowsOfEachFold()
    {
        var table = RandomTable(40, 6, 1);
        var groups = Enumerable.Range(0, 40).Select(i => "g" + i / 2).ToList();
        var seenPerFold = new List<HashSet<float[]>>();

        var result = CrossValidation.Run(table, groups, 4, 7, train =>
        {
            seenPerFold.Add(train.Rows.ToHashSet(ReferenceEqualityComparer.Instance as IEqualityComparer<float[]>));
            return _ => [0.25, 0.25, 0.25, 0.25];
        });

        for (var f = 0; f < 4; f++)
            for (var i = 0; i < 40; i++)
                Assert.Equal(result.Fold[i] != f, seenPerFold[f].Contains(table.Rows[i]));
    }

    [Fact]
    public void FittedTransformsIgnoreHeldOutRows()
    {
        // Inflate the rows of one fold a thousandfold: the model trained for that fold (standardisation and
        // all) must not move, while the models of the other folds, which train on those rows, must.
        var table = RandomTable(48, 6, 2);
        var groups = Enumerable.Range(0, 48).Select(i => "g" + i / 3).ToList();
        var spec = new HeadSpec(HeadKind.Logistic);
        var fold = StratifiedGroupKFold.Assign(table.Labels, groups, 4, 5, 4);
        var inflated = new FeatureTable(table.Rows.Select((r, i) => fold[i] == 0 ? r.Select(v => v * 1000f).ToArray() : r).ToList(), table.Labels);
        var probe = new float[] { 0.5f, 2.5f, 0.5f, 0.5f, 0.5f, 0.5f };

        List<double[]> ProbePerFold(FeatureTable t)
        {
            var outputs = new List<double[]>();
            CrossValidation.Run(t, groups, 4, 5, train =>
            {
                var head = MlNetHead.Fit(train, spec, 1);
                outputs.Add(head.Predict(probe));
                return head.Predict;
            });
            return outputs;
        }

        var original = ProbePerFold(table);
        var changed = ProbePerFold(inflated);
        Assert.Equal(original[0], changed[0]);
        for (var f = 1; f < 4; f++) Assert.NotEqual(original[f], changed[f]);
    }
}
