using System.Text.RegularExpressions;

namespace HeartGuard.Analysis.Tests;

public class HtmlReportTests(PipelineFixture pipeline) : IClassFixture<PipelineFixture>
{
    [Fact]
    public void Report_is_self_contained_and_shows_plot_overlay_measurements_and_disclaimer()
    {
        var html = HtmlReport.Render(pipeline.Analysis);
        Assert.Contains(HtmlReport.Disclaimer, html);
        Assert.Contains("data-testid=\"lead-plot\"", html);
        Assert.Contains("data-testid=\"overlay\"", html);
        Assert.Contains("data-testid=\"diagnosis-unavailable\"", html);
        Assert.Matches(new Regex("data-testid=\"heart-rate\">7[2-8] bpm"), html);
        // Self-contained: no scripts and nothing fetched from elsewhere.
        Assert.DoesNotContain("<script", html);
        Assert.DoesNotMatch(new Regex("(src|href)=\"(https?:)?//"), html);
    }

    [Fact]
    public void File_names_are_html_encoded()
    {
        var analysis = pipeline.Analysis with { Summary = pipeline.Analysis.Summary with { File = "<img src=x onerror=alert(1)>.png" } };
        var html = HtmlReport.Render(analysis);
        Assert.DoesNotContain("<img src=x", html);
        Assert.Contains("&lt;img src=x", html);
    }
}
