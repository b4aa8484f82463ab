using HeartGuard.Imaging;
using HeartGuard.Signals;
using HeartGuard.Synthesis;

namespace HeartGuard.Analysis.Tests;

/// <summary>The real digitizer and measurement pipeline without a model (the diagnosis must then be absent
/// with a reason), and one synthetic page analyzed once for the report tests.</summary>
public sealed class PipelineFixture
{
    public Analyzer WithoutModel { get; } = new(new Digitizer(), new MeasurementPipeline(), null, "no model in this test");

    public byte[] Page { get; } = Render(EcgPattern.Normal, 75, seed: 5);

    public PageAnalysis Analysis => _analysis.Value;

    private readonly Lazy<PageAnalysis> _analysis;

    public PipelineFixture() => _analysis = new(() => WithoutModel.Analyze(Page, "synthetic.png"));

    public static byte[] Render(EcgPattern pattern, double heartRateBpm, int seed, string layout = "3x4+1") =>
        PageRenderer.Render(SignalGenerator.Generate(new SignalSpec(pattern, heartRateBpm, seed)),
            new PageSpec { Layout = layout, Seed = seed }).ImageBytes;
}
