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

    /// <summary>Runs grouped 4-fold CV twice, on the rows as given and with the rows of fold 0 inflated a
    /// thousandfold, and returns what each fold's fitted model says about <paramref name="probe"/> in each run.</summary>
    private static (List<double[]> Original, List<double[]> Inflated) ProbeWithFoldZeroInflated(
        IReadOnlyList<float[]> rows, IReadOnlyList<int> labels, float[] probe, Func<FeatureTable, Func<float[], double[]>> fit)
    {
        var groups = Enumerable.Range(0, rows.Count).Select(i => "g" + i / 3).ToList();
        var fold = StratifiedGroupKFold.Assign(labels, groups, 4, 5, 4);
        var inflated = rows.Select((r, i) => fold[i] == 0 ? r.Select(v => v * 1000f).ToArray() : r).ToList();

        List<double[]> ProbePerFold(IReadOnlyList<float[]> t)
        {
            var outputs = new List<double[]>();
            CrossValidation.Run(new FeatureTable(t, labels, groups), groups, 4, 5, train =>
            {
                var predict = fit(train);
                outputs.Add(predict(probe));
                return predict;
            });
            return outputs;
        }

        return (ProbePerFold(rows), ProbePerFold(inflated));
    }

    [Fact]
    public void FittedTransformsIgnoreHeldOutRows()
    {
        // Inflate the rows of one fold a thousandfold: the model trained for that fold (standardisation and
        // all) must not move, while the models of the other folds, which train on those rows, must.
        var table = RandomTable(48, 6, 2);
        var (original, changed) = ProbeWithFoldZeroInflated(table.Rows, table.Labels, [0.5f, 2.5f, 0.5f, 0.5f, 0.5f, 0.5f],
            train => MlNetHead.Fit(train, new HeadSpec(HeadKind.Logistic), 1).Predict);

        Assert.Equal(original[0], changed[0]);
        for (var f = 1; f < 4; f++) Assert.NotEqual(original[f], changed[f]);
    }

    public static TheoryData<string, bool> Routes => new()
    {
        { "signal-knn", true }, { "signal-lgbm", true }, { "signal-lr", false }, { "signal-vote", false }, { "ensemble", false },
    };

    [Theory]
    [MemberData(nameof(Routes))]
    public void RoutesFitImputationSmoteHeadsAndBlendWeightsOnTrainingRowsOnly(string model, bool smote)
    {
        // As above, for whole routes: imputation means, SMOTE neighbours, k-NN standardisation and the
        // ensemble's nested weight choice must all come from the training rows. Column 4 has missing values
        // (a signal column in the ensemble, whose first three columns play the image route).
        var table = RandomTable(48, 6, 3);
        var withGaps = table.Rows.Select((r, i) => i % 5 == 0 ? r.Select((v, j) => j == 4 ? float.NaN : v).ToArray() : r).ToList();
        var blend = RouteCatalog.Resolve(model, smote, pcaRank: 0);
        var columns = blend.Members.Count == 1 ? new[] { new Range(0, 6) } : [new Range(0, 3), new Range(3, 6)];

        var (original, changed) = ProbeWithFoldZeroInflated(withGaps, table.Labels, [0.5f, 2.5f, 0.5f, 0.5f, float.NaN, 0.5f],
            train => RouteBlend.Fit(train, blend, columns, 1).Predict);

        Assert.Equal(original[0], changed[0]);
        Assert.Contains(Enumerable.Range(1, 3), f => !original[f].SequenceEqual(changed[f]));
    }
}
