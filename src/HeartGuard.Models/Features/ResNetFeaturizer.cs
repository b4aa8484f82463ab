using System.Security.Cryptography;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using OpenCvSharp;

namespace HeartGuard.Models.Features;

/// <summary>ImageNet-pretrained ResNet18 (the ONNX pair shipped in Microsoft.ML.DnnImageFeaturizer.ResNet18:
/// a preprocessor that subtracts the mean image, then the network up to global pooling) as a 512-d
/// feature extractor for page views.</summary>
public sealed class ResNetFeaturizer : IDisposable
{
    public const int FeatureCount = 512;
    public const string ModelFileName = "ResNet18.onnx";

    private readonly InferenceSession _preprocess;
    private readonly InferenceSession _network;
    private readonly string _preprocessInput, _preprocessOutput, _networkInput, _networkOutput;

    public ResNetFeaturizer(string? modelDirectory = null)
    {
        var dir = modelDirectory ?? Path.Combine(AppContext.BaseDirectory, "DnnImageModels");
        var prep = Path.Combine(dir, "ResNetPrepOnnx", "ResNetPreprocess.onnx");
        ModelPath = Path.Combine(dir, "ResNet18Onnx", ModelFileName);
        if (!File.Exists(prep) || !File.Exists(ModelPath))
            throw new FileNotFoundException($"ResNet18 ONNX models not found under {dir} (they come with the Microsoft.ML.DnnImageFeaturizer.ResNet18 package).");
        var options = new SessionOptions { GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL };
        // Spin-waiting worker threads steal the cores from everything else on a shared 2-core machine.
        options.AddSessionConfigEntry("session.intra_op.allow_spinning", "0");
        _preprocess = new InferenceSession(prep, options);
        _network = new InferenceSession(ModelPath, options);
        _preprocessInput = _preprocess.InputMetadata.Keys.First();
        _preprocessOutput = _preprocess.OutputMetadata.Keys.First();
        _networkInput = _network.InputMetadata.Keys.First();
        _networkOutput = _network.OutputMetadata.Keys.First();
    }

    public string ModelPath { get; }

    public string ModelSha256()
    {
        using var stream = File.OpenRead(ModelPath);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    /// <summary>All views of a page, concatenated in <see cref="PageViews.Rectangles"/> order.</summary>
    public float[] Featurize(Mat page, ImageFeatureSpec spec)
    {
        var views = PageViews.Rectangles(page, spec);
        var features = new float[views.Length * FeatureCount];
        for (var v = 0; v < views.Length; v++)
            FeaturizeView(page, views[v], features.AsSpan(v * FeatureCount, FeatureCount));
        return features;
    }

    public void FeaturizeView(Mat page, Rect view, Span<float> destination)
    {
        var input = new DenseTensor<float>([1, 3, PageViews.InputSizePx, PageViews.InputSizePx]);
        PageViews.ToPlanarRgb(page, view, input.Buffer.Span);
        using var prepared = _preprocess.Run([NamedOnnxValue.CreateFromTensor(_preprocessInput, input)], [_preprocessOutput]);
        var mid = prepared[0].AsTensor<float>();
        using var output = _network.Run([NamedOnnxValue.CreateFromTensor(_networkInput, mid)], [_networkOutput]);
        var pooled = output[0].AsEnumerable<float>();
        var i = 0;
        foreach (var value in pooled) destination[i++] = value;
    }

    public void Dispose()
    {
        _preprocess.Dispose();
        _network.Dispose();
    }
}
