using System.Collections.Concurrent;
using System.Runtime.Intrinsics.Arm;
using System.Runtime.Intrinsics.X86;
using System.Security.Cryptography;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using OpenCvSharp;

namespace HeartGuard.Models.Features;

/// <summary>ImageNet-pretrained ResNet18 (the ONNX pair shipped in Microsoft.ML.DnnImageFeaturizer.ResNet18:
/// a preprocessor that turns RGB into BGR and subtracts a mean image, then the network up to global pooling)
/// as a 512-d feature extractor for page views. The preprocessor is run once, on a black image, to read its
/// mean image; each view is then written straight into the network's input (BGR minus that mean, bit for bit
/// what the preprocessor computes), so a view costs one network run and no intermediate tensors. The file's
/// batch dimension is fixed at 1, so views run one after another on one session, which ONNX Runtime
/// parallelises inside each run. The optimised graph is cached under the temp folder (heartguard-cache) so
/// later processes start faster. Safe to call from several threads (each call rents its own buffers).</summary>
public sealed class ResNetFeaturizer : IDisposable
{
    public const int FeatureCount = 512;
    public const string ModelFileName = "ResNet18.onnx";
    private const int InputLength = 3 * PageViews.InputSizePx * PageViews.InputSizePx;
    private static readonly long[] InputShape = [1, 3, PageViews.InputSizePx, PageViews.InputSizePx];
    private static readonly long[] OutputShape = [1, FeatureCount, 1, 1];

    private readonly InferenceSession _network;
    private readonly string[] _networkInput, _networkOutput;
    private readonly float[] _meanBgr;
    private readonly ConcurrentBag<(float[] Input, float[] Output)> _buffers = new();

    public ResNetFeaturizer(string? modelDirectory = null)
    {
        var dir = modelDirectory ?? Path.Combine(AppContext.BaseDirectory, "DnnImageModels");
        var prep = Path.Combine(dir, "ResNetPrepOnnx", "ResNetPreprocess.onnx");
        ModelPath = Path.Combine(dir, "ResNet18Onnx", ModelFileName);
        if (!File.Exists(prep) || !File.Exists(ModelPath))
            throw new FileNotFoundException($"ResNet18 ONNX models not found under {dir} (they come with the Microsoft.ML.DnnImageFeaturizer.ResNet18 package).");
        _meanBgr = ReadMeanImage(prep);
        _network = OpenNetwork(ModelPath);
        _networkInput = [_network.InputMetadata.Keys.First()];
        _networkOutput = [_network.OutputMetadata.Keys.First()];
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
        if (!_buffers.TryTake(out var buffers)) buffers = (new float[InputLength], new float[FeatureCount]);
        try
        {
            PageViews.ToPlanarBgrMinusMean(page, view, _meanBgr, buffers.Input);
            using var input = OrtValue.CreateTensorValueFromMemory(buffers.Input, InputShape);
            using var output = OrtValue.CreateTensorValueFromMemory(buffers.Output, OutputShape);
            using var runOptions = new RunOptions();
            _network.Run(runOptions, _networkInput, [input], _networkOutput, [output]);
            buffers.Output.CopyTo(destination);
        }
        finally
        {
            _buffers.Add(buffers);
        }
    }

    /// <summary>Graph optimisation of the 64 MB network takes most of a second at every start, so the optimised
    /// graph is saved once per machine kind (it may hold CPU-specific layouts: the key has the instruction set
    /// and the ONNX Runtime version) and later starts load it as is. A cache that cannot be read or written
    /// is skipped, never fatal.</summary>
    private static InferenceSession OpenNetwork(string modelPath)
    {
        var cached = OptimizedModelPath(modelPath);
        if (File.Exists(cached))
        {
            try
            {
                using var ready = Options(GraphOptimizationLevel.ORT_DISABLE_ALL);
                return new InferenceSession(cached, ready);
            }
            catch (OnnxRuntimeException)
            {
                TryDelete(cached);
            }
        }
        using var options = Options(GraphOptimizationLevel.ORT_ENABLE_ALL);
        string? written = null;
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(cached)!);
            written = $"{cached}.{Environment.ProcessId}.{Guid.NewGuid():N}.part";
            options.OptimizedModelFilePath = written;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            written = null;
        }
        var session = new InferenceSession(modelPath, options);
        if (written is null) return session;
        try
        {
            File.Move(written, cached, overwrite: false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            TryDelete(written); // another process saved it first, or the folder is read-only
        }
        return session;
    }

    private static SessionOptions Options(GraphOptimizationLevel level)
    {
        var options = new SessionOptions
        {
            GraphOptimizationLevel = level,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            IntraOpNumThreads = Environment.ProcessorCount,
            EnableMemoryPattern = true,
            // Saving the optimised graph logs a warning about CPU-specific layouts, which the cache key covers.
            LogSeverityLevel = OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR,
        };
        // Spin-waiting worker threads steal the cores from everything else on a shared 2-core machine.
        options.AddSessionConfigEntry("session.intra_op.allow_spinning", "0");
        return options;
    }

    private static string OptimizedModelPath(string modelPath)
    {
        var model = new FileInfo(modelPath);
        var isa = Avx512F.IsSupported ? "avx512" : Avx2.IsSupported ? "avx2" : AdvSimd.IsSupported ? "neon" : "base";
        var name = $"{Path.GetFileNameWithoutExtension(modelPath)}-{model.Length}-{model.LastWriteTimeUtc.Ticks}-ort{OrtEnv.Instance().GetVersionString()}-{isa}.ort";
        return Path.Combine(Path.GetTempPath(), "heartguard-cache", name);
    }

    private static void TryDelete(string path)
    {
        try { File.Delete(path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
    }

    /// <summary>The preprocessor's mean image (planar BGR): its output for an all-zero input, negated.</summary>
    private static float[] ReadMeanImage(string preprocessorPath)
    {
        using var session = new InferenceSession(preprocessorPath);
        var black = new DenseTensor<float>(InputShape.Select(d => (int)d).ToArray());
        using var result = session.Run([NamedOnnxValue.CreateFromTensor(session.InputMetadata.Keys.First(), black)]);
        var mean = result[0].AsTensor<float>().ToArray();
        for (var i = 0; i < mean.Length; i++) mean[i] = -mean[i];
        return mean;
    }

    public void Dispose() => _network.Dispose();
}
