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
        Assert.Contains("data-testid=\"lead-contributions\"", HtmlReport.Render(analysis));
    }

    [Fact]
    public void Without_a_model_there_are_no_contributions()
    {
        var analysis = new PipelineFixture().Analysis;

        Assert.Null(analysis.Summary.LeadContributions);
        Assert.DoesNotContain("lead_contributions", JsonSerializer.Serialize(analysis.Summary, Json.Options));
    }
}
