using System.Net;
using System.Text.Json;
using HeartGuard.Core;

namespace HeartGuard.Web.Tests;

/// <summary>The API over the real digitizer and measurement pipeline, on pages drawn by the synthesizer.</summary>
public class RealPipelineApiTests
{
    [Fact]
    public async Task Analyze_reads_a_synthetic_page_with_its_layout_and_heart_rate()
    {
        using var app = WebTestHost.Create(TestPipeline.Analyzer);
        var response = await app.CreateClient().PostAsync("/api/v1/analyze",
            WebTestHost.Upload(TestPipeline.SyntheticPage(heartRateBpm: 72), "synthetic.png"));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        var body = JsonDocument.Parse(text).RootElement;
        Assert.Equal("3x4+1", body.GetProperty("layout").GetString());
        Assert.InRange(body.GetProperty("measurements").GetProperty("heart_rate_bpm").GetDouble(), 69, 75);
        if (body.TryGetProperty("diagnosis", out var diagnosis))
            Assert.Equal(DiagnosticClasses.All.Order(), diagnosis.GetProperty("probabilities").EnumerateObject().Select(p => p.Name).Order());
        else
            Assert.False(string.IsNullOrWhiteSpace(body.GetProperty("diagnosis_unavailable").GetString()));
    }

    /// <summary>With an image part (the occlusion map re-runs the network dozens of times) the map is offered and
    /// computed on request; a signal-only model's lead map comes with every result and nothing is offered.</summary>
    [SkippableFact]
    public async Task The_result_page_computes_the_image_heatmap_only_on_request()
    {
        using var app = WebTestHost.Create(TestPipeline.Analyzer);
        var client = app.CreateClient();
        var page = TestPipeline.SyntheticPage();

        var quick = await UiAnalyze(client, "/ui/analyze", page);
        Skip.IfNot(quick.GetProperty("summary").TryGetProperty("diagnosis", out _), "No model bundle, so there is nothing to explain.");
        var report = quick.GetProperty("report_html").GetString()!;
        if (!quick.GetProperty("image_heatmap_on_request").GetBoolean())
        {
            Assert.Contains("data-testid=\"lead-heatmap", report);
            Assert.DoesNotContain("data-testid=\"heatmap", report);
            return;
        }
        Assert.Contains("data-testid=\"heatmap-unavailable\"", report);
        var explained = await UiAnalyze(client, "/ui/analyze?explain=true", page);

        Assert.Contains("data-testid=\"heatmap\"", explained.GetProperty("report_html").GetString());
        Assert.False(explained.GetProperty("image_heatmap_on_request").GetBoolean());
        Assert.Equal(quick.GetProperty("summary").GetProperty("diagnosis").GetProperty("label").GetString(),
            explained.GetProperty("summary").GetProperty("diagnosis").GetProperty("label").GetString());
    }

    private static async Task<JsonElement> UiAnalyze(HttpClient client, string route, byte[] page)
    {
        var response = await client.PostAsync(route, WebTestHost.Upload(page, "synthetic.png"));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        return JsonDocument.Parse(text).RootElement;
    }

    [Fact]
    public async Task Digitize_returns_twelve_leads_in_microvolts_at_500_Hz()
    {
        using var app = WebTestHost.Create(TestPipeline.Analyzer);
        var response = await app.CreateClient().PostAsync("/api/v1/digitize", WebTestHost.Upload(TestPipeline.SyntheticPage()));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(500, body.GetProperty("sampling_rate_hz").GetDouble());
        var leads = body.GetProperty("leads_uv");
        Assert.Equal(StandardLeads.Names, leads.EnumerateObject().Select(p => p.Name));
        var lead2 = leads.GetProperty("II").EnumerateArray().Where(v => v.ValueKind == JsonValueKind.Number).Select(v => v.GetDouble()).ToList();
        Assert.True(lead2.Count > 4000, "lead II is on the rhythm strip, so most of its 10 s are present");
        Assert.InRange(lead2.Max() - lead2.Min(), 500, 3000); // an R wave of 0.5-3 mV, in µV
    }

    [Fact]
    public async Task Twenty_concurrent_real_uploads_answer_200_or_503_never_500()
    {
        using var app = WebTestHost.Create(TestPipeline.Analyzer, ("HeartGuard:MaxConcurrentAnalyses", "2"), ("HeartGuard:QueueLength", "2"));
        var client = app.CreateClient();
        var page = TestPipeline.SyntheticPage();
        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            client.PostAsync("/api/v1/analyze", WebTestHost.Upload(page, $"page{i}.png"))));
        var codes = responses.Select(r => (int)r.StatusCode).ToList();
        Assert.All(codes, c => Assert.True(c is 200 or 503, $"got {c}"));
        Assert.Contains(200, codes);
        Assert.Contains(503, codes);
    }

    [Fact]
    public async Task A_blank_image_is_422_not_an_ecg()
    {
        using var app = WebTestHost.Create(TestPipeline.Analyzer);
        var response = await app.CreateClient().PostAsync("/api/v1/analyze", WebTestHost.Upload(TestImages.Png(1100, 850)));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.UnprocessableEntity, text);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_truncated_image_is_a_client_error_not_500()
    {
        using var app = WebTestHost.Create(TestPipeline.Analyzer);
        var page = TestPipeline.SyntheticPage();
        var response = await app.CreateClient().PostAsync("/api/v1/analyze", WebTestHost.Upload(page[..(page.Length / 20)]));
        Assert.True((int)response.StatusCode is 400 or 422, $"got {(int)response.StatusCode}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
