using HeartGuard.Models.Features;
using HeartGuard.Synthesis;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using OpenCvSharp;

namespace HeartGuard.Models.Tests.Features;

public class ResNetFeaturizerTests
{
    /// <summary>The straightforward route through the two shipped ONNX files (the featurizer's first version):
    /// each view as RGB planar 0..255 into the preprocessor, its output into the network.</summary>
    private static float[] ReferenceFeatures(Mat page, ImageFeatureSpec spec)
    {
        var dir = Path.Combine(AppContext.BaseDirectory, "DnnImageModels");
        using var prep = new InferenceSession(Path.Combine(dir, "ResNetPrepOnnx", "ResNetPreprocess.onnx"));
        using var net = new InferenceSession(Path.Combine(dir, "ResNet18Onnx", ResNetFeaturizer.ModelFileName));
        var views = PageViews.Rectangles(page, spec);
        var features = new List<float>();
        foreach (var view in views)
        {
            var input = new DenseTensor<float>([1, 3, 224, 224]);
            using (var roi = new Mat(page, view))
            using (var resized = new Mat())
            {
                Cv2.Resize(roi, resized, new Size(224, 224), 0, 0, InterpolationFlags.Area);
                for (var y = 0; y < 224; y++)
                    for (var x = 0; x < 224; x++)
                    {
                        var bgr = resized.At<Vec3b>(y, x);
                        input[0, 0, y, x] = bgr.Item2;
                        input[0, 1, y, x] = bgr.Item1;
                        input[0, 2, y, x] = bgr.Item0;
                    }
            }
            using var prepared = prep.Run([NamedOnnxValue.CreateFromTensor(prep.InputMetadata.Keys.First(), input)]);
            using var output = net.Run([NamedOnnxValue.CreateFromTensor(net.InputMetadata.Keys.First(), prepared[0].AsTensor<float>())]);
            features.AddRange(output[0].AsEnumerable<float>());
        }
        return [.. features];
    }

    [Fact]
    public void Features_equal_the_two_session_reference_within_1e_4()
    {
        var bytes = TestPages.Render(SignalGenerator.Generate(new SignalSpec(EcgPattern.AcuteMiInferior, 80, 3)), 3);
        var spec = ImageFeatureSpec.Default;
        using var page = PageViews.Decode(bytes, spec.Grayscale);
        var reference = ReferenceFeatures(page, spec);

        // The first instance may optimise the graph and cache it; the second then loads the cached graph.
        foreach (var round in new[] { "first", "second" })
        {
            using var featurizer = new ResNetFeaturizer();
            var fast = featurizer.Featurize(page, spec);

            Assert.Equal(spec.FeatureCount, fast.Length);
            Assert.Equal(reference.Length, fast.Length);
            Assert.Contains(fast, v => v > 0.01f);
            for (var i = 0; i < fast.Length; i++)
                Assert.True(Math.Abs(fast[i] - reference[i]) <= 1e-4 * Math.Max(1, Math.Abs(reference[i])), $"{round} instance, feature {i}: {fast[i]} vs {reference[i]}");
        }
    }

    [Fact]
    public void Concurrent_calls_give_the_same_features_as_one_at_a_time()
    {
        var bytes = TestPages.Render(SignalGenerator.Generate(new SignalSpec(EcgPattern.Normal, 70, 4)), 4);
        var spec = ImageFeatureSpec.Default;
        using var page = PageViews.Decode(bytes, spec.Grayscale);
        using var featurizer = new ResNetFeaturizer();
        var alone = featurizer.Featurize(page, spec);

        var parallel = new float[4][];
        Parallel.For(0, parallel.Length, i => parallel[i] = featurizer.Featurize(page, spec));

        foreach (var p in parallel) Assert.Equal(alone, p);
    }
}
