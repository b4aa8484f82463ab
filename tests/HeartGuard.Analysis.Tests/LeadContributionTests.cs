using System.Text.Json;
using HeartGuard.Core;
using HeartGuard.Imaging;
using HeartGuard.Models;
using HeartGuard.Models.Data;
using HeartGuard.Models.Training;
using HeartGuard.Signals;
using HeartGuard.Synthesis;

namespace HeartGuard.Analysis.Tests;

/// <summary>A model with a signal part gives per-lead contributions with every analysis, in the JSON summary
/// and in the report, without the (slow) explanation being asked for.</summary>
public sealed class LeadContributionTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "hg-analysis-leads-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }

    private ModelBundle TrainSignalBundle()
    {
        var data = Path.Combine(_root, "train");
        foreach (var (pattern, label) in new[] { (EcgPattern.Normal, DiagnosticClasses.Normal), (EcgPattern.AtrialFibrillation, DiagnosticClasses.AbnormalHeartbeat), (EcgPattern.AcuteMiAnterior, DiagnosticClasses.MyocardialInfarction) })
        {
            Directory.CreateDirectory(Path.Combine(data, label));
            for (var seed = 1; seed <= 6; seed++)
                File.WriteAllBytes(Path.Combine(data, label, $"{pattern}-{seed}.png"), PipelineFixture.Render(pattern, 60 + 7 * seed, seed));
        }
        var bundleDir = Path.Combine(_root, "bundle");
        Trainer.Train(ImageDataset.Load(data), "synth", new TrainingOptions { Models = ["signal-lr"], Folds = 3, Seed = 1 }, bundleDir, _ => { });
        return ModelBundle.Load(bundleDir);
    }

    [Fact]
    public void Summary_json_and_report_carry_one_contribution_per_lead()
    {
        var analyzer = new Analyzer(new Digitizer(), new MeasurementPipeline(), TrainSignalBundle(), null);

        var analysis = analyzer.Analyze(PipelineFixture.Render(EcgPattern.AcuteMiAnterior, 80, 42), "mi.png");

        var contributions = analysis.Summary.LeadContributions;
        Assert.NotNull(contributions);
        Assert.Equal(StandardLeads.Names, contributions.Select(c => c.Lead));
        Assert.Contains(contributions, c => c.ProbabilityChange != 0);
        var json = JsonDocument.Parse(JsonSerializer.Serialize(analysis.Summary, Json.Options)).RootElement;
        Assert.Equal(12, json.GetProperty("lead_contributions").GetArrayLength());
        Assert.True(json.GetProperty("lead_contributions")[0].TryGetProperty("probability_change", out _));
        var report = HtmlReport.Render(analysis);
        Assert.Contains("data-testid=\"lead-contributions\"", report);
        // A signal-only model is explained without being asked; there is no image-model map to offer.
        Assert.NotNull(analysis.Explanation);
        Assert.Equal(0, analysis.Explanation.GridRows);
        Assert.Contains("data-testid=\"lead-heatmap", report);
        Assert.DoesNotContain("data-testid=\"heatmap", report);
    }

    [Fact]
    public void Lead_heatmap_shades_the_box_of_the_lead_that_drove_the_decision_and_no_other()
    {
        var fixture = new PipelineFixture();
        var page = fixture.Analysis.Digitization;
        var contributions = StandardLeads.Names.Select(l => new LeadContribution(l, l == "V2" ? 0.4 : l == "aVR" ? -0.2 : 0)).ToList();

        var png = HeatmapOverlay.RenderLeadsPng(fixture.Page, page, contributions);

        Assert.NotNull(png);
        using var shaded = SkiaSharp.SKBitmap.Decode(png);
        var scale = shaded.Width / (double)page.WidthPx;
        // Mean blue of a patch inside the lead's box: yellow-to-red shading takes the blue out of the paper.
        double Blue(string lead)
        {
            var trace = page.Traces.First(t => t.Lead == lead && !t.Placement.IsRhythmStrip);
            // Just above the baseline: inside the lead's own band, away from the neighbours' shading (leads of
            // the middle columns: the first column starts with the calibration pulse's ink).
            int x0 = (int)((trace.Box.X + 0.1 * trace.Box.Width) * scale), y0 = (int)((trace.BaselineY - 25) * scale);
            var sum = 0.0;
            for (var y = y0; y < y0 + 10; y++)
                for (var x = x0; x < x0 + 10; x++) sum += shaded.GetPixel(x, y).Blue;
            return sum / 100;
        }
        Assert.True(Blue("V2") < Blue("aVF") - 60, $"V2 {Blue("V2"):0} vs aVF {Blue("aVF"):0}");
        Assert.InRange(Blue("aVR"), Blue("aVF") - 25, Blue("aVF") + 25);
    }

    [Fact]
    public void No_lead_heatmap_when_no_lead_raised_the_decision()
    {
        var fixture = new PipelineFixture();
        var against = StandardLeads.Names.Select(l => new LeadContribution(l, -0.1)).ToList();

        Assert.Null(HeatmapOverlay.RenderLeadsPng(fixture.Page, fixture.Analysis.Digitization, against));
    }

    [Fact]
    public void Without_a_model_there_are_no_contributions()
    {
        var analysis = new PipelineFixture().Analysis;

        Assert.Null(analysis.Summary.LeadContributions);
        Assert.DoesNotContain("lead_contributions", JsonSerializer.Serialize(analysis.Summary, Json.Options));
    }
}
