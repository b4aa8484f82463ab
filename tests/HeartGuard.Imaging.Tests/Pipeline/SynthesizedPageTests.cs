using HeartGuard.Core;
using HeartGuard.Imaging.Scoring;
using HeartGuard.Synthesis;

namespace HeartGuard.Imaging.Tests.Pipeline;

/// <summary>End to end on the synthesizer's pages: every layout and grid style, clean and degraded, scored
/// against exact ground truth with the Challenge 2024 SNR.</summary>
public class SynthesizedPageTests
{
    private static (DigitizationResult Result, PageScore Score) Run(PageSpec spec, int seed = 7)
    {
        var record = SignalGenerator.Generate(new SignalSpec(EcgPattern.Normal, 72, seed));
        var page = PageRenderer.Render(record, spec with { Seed = seed });
        var result = new Digitizer().Digitize(page.ImageBytes, "synth");
        var truth = new GroundTruthPage("synth", "", record.SamplingRateHz, TruthFor(page));
        return (result, PageScore.Compute(truth, result.Record));
    }

    private static Dictionary<string, float[]> TruthFor(SynthPage page)
    {
        var gt = page.GroundTruth;
        var length = (int)Math.Round(gt.ShownDurationS * gt.SamplingRateHz);
        var start = gt.Placements.Min(p => p.StartSample);
        var leads = new Dictionary<string, float[]>();
        foreach (var p in gt.Placements)
        {
            if (!leads.TryGetValue(p.Lead, out var x)) leads[p.Lead] = x = Enumerable.Repeat(float.NaN, length).ToArray();
            var source = page.Record[p.Lead].SamplesUv;
            for (var n = p.StartSample; n < p.EndSample && n - start < length; n++) x[n - start] = source[n];
        }
        return leads;
    }

    [Theory]
    [InlineData("3x4+1", GridStyle.Dotted)]
    [InlineData("3x4+1", GridStyle.Red)]
    [InlineData("3x4+3", GridStyle.Pink)]
    [InlineData("6x2", GridStyle.Green)]
    [InlineData("12x1", GridStyle.Blue)]
    [InlineData("3x4+1", GridStyle.Grey)]
    public void Clean_page_of_each_layout_and_grid_is_read_with_its_layout_and_signal(string layout, GridStyle grid)
    {
        var (result, score) = Run(new PageSpec { Layout = layout, Grid = grid });
        Assert.Equal(layout, result.Layout.Name);
        Assert.Equal(12, result.Record.Leads.Count(l => l.PresentCount > 0));
        Assert.True(score.MeanUnaligned >= 8, $"{layout}/{grid}: mean unaligned SNR {score.MeanUnaligned:0.0} dB");
    }

    [Fact]
    public void Degraded_page_keeps_a_usable_signal()
    {
        var spec = new PageSpec
        {
            Grid = GridStyle.Pink, Dpi = 150, Format = PageImageFormat.Jpeg,
            Degradations = new Degradations { RotationDeg = 3, BlurSigmaPx = 1, JpegQuality = 60 },
        };
        var (result, score) = Run(spec);
        Assert.Equal("3x4+1", result.Layout.Name);
        Assert.True(score.MeanUnaligned >= 6, $"mean unaligned SNR {score.MeanUnaligned:0.0} dB");
    }

    [Fact]
    public void Scale_is_measured_from_the_grid_within_two_percent()
    {
        var (result, _) = Run(new PageSpec { Grid = GridStyle.Red, Dpi = 200 });
        Assert.Equal(ScaleSource.Grid, result.Calibration.Source);
        Assert.InRange(result.Calibration.PxPerMmX, 7.874 * 0.98, 7.874 * 1.02);
    }
}
