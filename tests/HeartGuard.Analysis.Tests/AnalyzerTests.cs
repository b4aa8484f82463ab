using HeartGuard.Imaging;

namespace HeartGuard.Analysis.Tests;

public class AnalyzerTests(PipelineFixture pipeline) : IClassFixture<PipelineFixture>
{
    [Fact]
    public void Without_a_model_the_diagnosis_is_absent_with_the_reason_and_the_rest_is_measured()
    {
        var s = pipeline.Analysis.Summary;
        Assert.Null(s.Diagnosis);
        Assert.Equal("no model in this test", s.DiagnosisUnavailable);
        Assert.Equal("3x4+1", s.Layout);
        Assert.InRange(s.Measurements!.HeartRateBpm!.Value, 72, 78);
        Assert.Equal(12, s.LeadQuality!.Count);
        Assert.True(s.StageMs!.ContainsKey("digitize") && s.StageMs.ContainsKey("measure") && !s.StageMs.ContainsKey("classify"));
        Assert.Contains(s.StageMs.Keys, k => k.StartsWith("digitize.", StringComparison.Ordinal));
    }

    [Fact]
    public void A_page_without_an_ecg_is_refused_with_the_digitizers_reason()
    {
        using var bitmap = new SkiaSharp.SKBitmap(1200, 900);
        bitmap.Erase(SkiaSharp.SKColors.White);
        var blank = bitmap.Encode(SkiaSharp.SKEncodedImageFormat.Png, 100).ToArray();
        var e = Assert.Throws<DigitizationException>(() => pipeline.WithoutModel.Analyze(blank, "blank.png"));
        Assert.Equal(DigitizationError.NotAnEcg, e.Kind);
    }
}
