using HeartGuard.Core;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using Microsoft.ML.Trainers.LightGbm;

namespace HeartGuard.Models.Heads;

/// <summary>An ML.NET classifier over a feature vector: standardisation (and optional PCA) fitted together
/// with the trainer, so cross-validation refits every transform inside the training fold. The Score vector's
/// slot order is ML.NET's key order, which is not the order of DiagnosticClasses.All (and a raw key-typed
/// label does not fix it): each slot is mapped back to its class through the Score column's slot names.</summary>
public sealed class MlNetHead : IClassifierHead
{
    private sealed class Row
    {
        public float[] Features { get; set; } = [];
        public string Label { get; set; } = "";
        public float Weight { get; set; } = 1;
    }

    private sealed class LabelOnly
    {
        public string Label { get; set; } = "";
    }

    private sealed class Output
    {
        public float[] Score { get; set; } = [];
    }

    private const string WeightColumn = nameof(Row.Weight);
    private readonly MLContext _ml;
    private readonly ITransformer _model;
    private readonly PredictionEngine<Row, Output> _engine;
    private readonly int[] _slotClass;
    private readonly object _gate = new();

    private MlNetHead(MLContext ml, ITransformer model, int featureCount)
    {
        _ml = ml;
        _model = model;
        FeatureCount = featureCount;
        _engine = ml.Model.CreatePredictionEngine<Row, Output>(model, inputSchemaDefinition: Schema(featureCount));
        _slotClass = SlotClasses(model, EmptyData(ml, featureCount).Schema);
    }

    public int FeatureCount { get; }

    public static MlNetHead Fit(FeatureTable train, HeadSpec spec, int seed)
    {
        if (train.Rows.Count == 0) throw new ArgumentException("No training rows.");
        var ml = new MLContext(seed);
        var n = train.FeatureCount;
        var data = ml.Data.LoadFromEnumerable(ToRows(train, spec.BalanceClasses), Schema(n));
        // Every class is a key even when a fold lacks one, so the Score vector always has four slots.
        var keys = ml.Data.LoadFromEnumerable(DiagnosticClasses.All.Select(l => new LabelOnly { Label = l }));
        IEstimator<ITransformer> pipeline = ml.Transforms.Conversion.MapValueToKey("Label", keyData: keys)
            .Append(ml.Transforms.NormalizeMeanVariance("Features"));
        if (spec.PcaRank > 0)
            pipeline = pipeline.Append(ml.Transforms.ProjectToPrincipalComponents("Features", rank: Math.Min(spec.PcaRank, Math.Min(n, train.Rows.Count - 1)), seed: seed));
        pipeline = pipeline.Append(Trainer(ml, spec));
        return new MlNetHead(ml, pipeline.Fit(data), n);
    }

    public static MlNetHead Load(string path)
    {
        var ml = new MLContext(0);
        var model = ml.Model.Load(path, out var schema);
        var n = ((VectorDataViewType)schema["Features"].Type).Size;
        return new MlNetHead(ml, model, n);
    }

    public void Save(string path)
    {
        _ml.Model.Save(_model, EmptyData(_ml, FeatureCount).Schema, path);
    }

    /// <summary>Probabilities in DiagnosticClasses.All order, summing to 1.</summary>
    public double[] Predict(float[] features)
    {
        if (features.Length != FeatureCount) throw new ArgumentException($"Expected {FeatureCount} features, got {features.Length}.");
        float[] score;
        lock (_gate) score = _engine.Predict(new Row { Features = features }).Score;
        var p = new double[DiagnosticClasses.All.Count];
        var sum = 0.0;
        for (var s = 0; s < score.Length && s < _slotClass.Length; s++)
        {
            var k = _slotClass[s];
            if (k < 0) continue;
            p[k] = Math.Max(0, float.IsFinite(score[s]) ? score[s] : 0);
            sum += p[k];
        }
        for (var k = 0; k < p.Length; k++) p[k] = sum > 0 ? p[k] / sum : 1.0 / p.Length;
        return p;
    }

    private static IEstimator<ITransformer> Trainer(MLContext ml, HeadSpec spec) => spec.Kind switch
    {
        HeadKind.Logistic => ml.MulticlassClassification.Trainers.LbfgsMaximumEntropy(new LbfgsMaximumEntropyMulticlassTrainer.Options
        { L2Regularization = (float)spec.L2, L1Regularization = 0, MaximumNumberOfIterations = 200, ExampleWeightColumnName = WeightColumn }),
        HeadKind.LightGbm => ml.MulticlassClassification.Trainers.LightGbm(new LightGbmMulticlassTrainer.Options
        {
            NumberOfIterations = spec.Trees, LearningRate = spec.LearningRate, NumberOfLeaves = spec.Leaves, MinimumExampleCountPerLeaf = spec.MinLeafRows,
            Booster = new GradientBooster.Options { FeatureFraction = spec.FeatureFraction },
            Seed = 1, NumberOfThreads = 2, ExampleWeightColumnName = WeightColumn,
        }),
        HeadKind.Svm => ml.MulticlassClassification.Trainers.OneVersusAll(
            ml.BinaryClassification.Trainers.LinearSvm(exampleWeightColumnName: WeightColumn, numberOfIterations: 50), useProbabilities: true),
        HeadKind.Forest => ml.MulticlassClassification.Trainers.OneVersusAll(
            ml.BinaryClassification.Trainers.FastForest(exampleWeightColumnName: WeightColumn, numberOfTrees: spec.Trees, numberOfLeaves: 16, minimumExampleCountPerLeaf: 3), useProbabilities: true),
        _ => throw new ArgumentOutOfRangeException(nameof(spec)),
    };

    /// <summary>The class index of each Score slot, read from the slot names ML.NET attaches to it.</summary>
    private static int[] SlotClasses(ITransformer model, DataViewSchema input)
    {
        var score = model.GetOutputSchema(input)["Score"];
        var names = default(VBuffer<ReadOnlyMemory<char>>);
        score.GetSlotNames(ref names);
        var slots = names.DenseValues().Select(n => DiagnosticClasses.IndexOf(n.ToString())).ToArray();
        if (slots.Length != DiagnosticClasses.All.Count || slots.Distinct().Count() != slots.Length || slots.Contains(-1))
            throw new InvalidDataException($"Model score slots [{string.Join(", ", names.DenseValues())}] do not name the four classes.");
        return slots;
    }

    private static IDataView EmptyData(MLContext ml, int featureCount) => ml.Data.LoadFromEnumerable(Array.Empty<Row>(), Schema(featureCount));

    private static SchemaDefinition Schema(int featureCount)
    {
        var schema = SchemaDefinition.Create(typeof(Row));
        schema[nameof(Row.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, featureCount);
        return schema;
    }

    /// <summary>Rows with weights n / (classes present x class count) when balancing, so the 18 MI pages
    /// weigh as much in the loss as the 140 abnormal-heartbeat pages; computed from the training rows only.</summary>
    private static IEnumerable<Row> ToRows(FeatureTable table, bool balance)
    {
        var counts = new int[DiagnosticClasses.All.Count];
        foreach (var l in table.Labels) counts[l]++;
        var present = counts.Count(c => c > 0);
        for (var i = 0; i < table.Rows.Count; i++)
        {
            var weight = balance ? (float)table.Rows.Count / (present * counts[table.Labels[i]]) : 1f;
            yield return new Row { Features = table.Rows[i], Label = DiagnosticClasses.All[table.Labels[i]], Weight = weight };
        }
    }
}
