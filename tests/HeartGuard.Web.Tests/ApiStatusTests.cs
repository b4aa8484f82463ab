using System.Net;
using System.Text.Json;
using HeartGuard.Imaging;

namespace HeartGuard.Web.Tests;

/// <summary>Every status the REST API promises, each as problem+json where it is an error.</summary>
public class ApiStatusTests
{
    private static async Task<JsonElement> ProblemOf(HttpResponseMessage response, HttpStatusCode expected)
    {
        Assert.True(expected == response.StatusCode, $"expected {(int)expected}, got {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("   at ", body); // no stack trace
        var problem = JsonDocument.Parse(body).RootElement;
        Assert.Equal((int)expected, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()));
        return problem;
    }

    [Fact]
    public async Task Health_answers_ok()
    {
        using var app = WebTestHost.Create(new FakeAnalyzer());
        var body = JsonDocument.Parse(await app.CreateClient().GetStringAsync("/api/v1/health")).RootElement;
        Assert.Equal("ok", body.GetProperty("status").GetString());
        Assert.False(body.GetProperty("api_key_required").GetBoolean());
    }

    [Fact]
    public async Task Analyze_returns_the_cli_json_object_for_one_image()
    {
        using var app = WebTestHost.Create(new FakeAnalyzer());
        var response = await app.CreateClient().PostAsync("/api/v1/analyze", WebTestHost.Upload(TestImages.Png(), "Normal(1).png"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("Normal(1).png", body.GetProperty("file").GetString());
        Assert.Equal("3x4+1", body.GetProperty("layout").GetString());
        Assert.Equal("Normal", body.GetProperty("diagnosis").GetProperty("label").GetString());
        Assert.Equal(4, body.GetProperty("diagnosis").GetProperty("probabilities").EnumerateObject().Count());
        Assert.Equal(60, body.GetProperty("measurements").GetProperty("heart_rate_bpm").GetDouble());
    }

    [Fact]
    public async Task Digitize_returns_signals_with_missing_samples_as_null()
    {
        using var app = WebTestHost.Create(new FakeAnalyzer());
        var response = await app.CreateClient().PostAsync("/api/v1/digitize", WebTestHost.Upload(TestImages.Png()));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var leads = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("leads_uv");
        Assert.Equal(12, leads.EnumerateObject().Count());
        Assert.Equal(JsonValueKind.Null, leads.GetProperty("V6")[1].ValueKind);
    }

    [Fact]
    public async Task No_file_is_400()
    {
        using var app = WebTestHost.Create(new FakeAnalyzer());
        var client = app.CreateClient();
        await ProblemOf(await client.PostAsync("/api/v1/analyze", new MultipartFormDataContent { { new StringContent("x"), "note" } }), HttpStatusCode.BadRequest);
        await ProblemOf(await client.PostAsync("/api/v1/analyze", WebTestHost.Upload(TestImages.Png(), field: "image")), HttpStatusCode.BadRequest);
        await ProblemOf(await client.PostAsync("/api/v1/analyze", new StringContent("{}")), HttpStatusCode.BadRequest);
        await ProblemOf(await client.PostAsync("/api/v1/analyze", WebTestHost.Upload([])), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Over_20_MB_is_413()
    {
        using var app = WebTestHost.Create(new FakeAnalyzer());
        var big = new byte[20 * 1024 * 1024 + 1];
        TestImages.Png().CopyTo(big, 0);
        await ProblemOf(await app.CreateClient().PostAsync("/api/v1/analyze", WebTestHost.Upload(big)), HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task Too_many_pixels_is_413_before_decoding()
    {
        // The fake would answer 200 to anything that got past validation.
        using var app = WebTestHost.Create(new FakeAnalyzer());
        var problem = await ProblemOf(await app.CreateClient().PostAsync("/api/v1/analyze",
            WebTestHost.Upload(TestImages.PngHeaderClaiming(100_000, 100_000))), HttpStatusCode.RequestEntityTooLarge);
        Assert.Contains("100000 x 100000", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Not_an_image_is_415_whatever_its_name()
    {
        using var app = WebTestHost.Create(new FakeAnalyzer());
        var client = app.CreateClient();
        await ProblemOf(await client.PostAsync("/api/v1/analyze", WebTestHost.Upload(TestImages.Text, "page.png")), HttpStatusCode.UnsupportedMediaType);
        var pdf = await ProblemOf(await client.PostAsync("/api/v1/analyze", WebTestHost.Upload(TestImages.Pdf, "page.jpg")), HttpStatusCode.UnsupportedMediaType);
        Assert.Contains("PDF", pdf.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Not_an_ecg_is_422_with_the_reason()
    {
        using var app = WebTestHost.Create(new FakeAnalyzer { Rejection = new DigitizationException(DigitizationError.NotAnEcg, "no ECG grid or traces were found") });
        var problem = await ProblemOf(await app.CreateClient().PostAsync("/api/v1/analyze", WebTestHost.Upload(TestImages.Png())), HttpStatusCode.UnprocessableEntity);
        Assert.Equal("No ECG grid or traces were found.", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Api_key_when_configured_is_401_without_it_and_200_with_it()
    {
        using var app = WebTestHost.Create(new FakeAnalyzer(), ("HeartGuard:ApiKey", "s3cret"));
        var client = app.CreateClient();
        await ProblemOf(await client.PostAsync("/api/v1/analyze", WebTestHost.Upload(TestImages.Png())), HttpStatusCode.Unauthorized);
        var wrong = WebTestHost.Upload(TestImages.Png());
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/analyze") { Content = wrong };
        request.Headers.Add("X-Api-Key", "s3cret!");
        await ProblemOf(await client.SendAsync(request), HttpStatusCode.Unauthorized);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/health")).StatusCode);

        request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/analyze") { Content = WebTestHost.Upload(TestImages.Png()) };
        request.Headers.Add("X-Api-Key", "s3cret");
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(request)).StatusCode);
    }

    [Fact]
    public async Task Saturated_service_is_503_with_retry_after_never_500()
    {
        // The gate holds the admitted analyses until every other request has been answered, so the outcome
        // does not depend on how fast this machine is: 2 running + 2 queued succeed, the other 16 are turned away.
        using var gate = new ManualResetEventSlim(false);
        using var app = WebTestHost.Create(new FakeAnalyzer { Gate = gate },
            ("HeartGuard:MaxConcurrentAnalyses", "2"), ("HeartGuard:QueueLength", "2"));
        var client = app.CreateClient();
        var image = TestImages.Png();
        var pending = Enumerable.Range(0, 20).Select(i =>
            client.PostAsync("/api/v1/analyze", WebTestHost.Upload(image, $"page{i}.png"))).ToList();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (pending.Count(t => t.IsCompleted) < 16 && DateTime.UtcNow < deadline) await Task.Delay(20);
        gate.Set();
        var responses = await Task.WhenAll(pending);

        Assert.Equal(4, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
        Assert.All(responses, r => Assert.True(r.StatusCode is HttpStatusCode.OK or HttpStatusCode.ServiceUnavailable, $"got {(int)r.StatusCode}"));
        Assert.Contains(responses, r => r.StatusCode == HttpStatusCode.OK);
        var busy = responses.Where(r => r.StatusCode == HttpStatusCode.ServiceUnavailable).ToList();
        Assert.NotEmpty(busy);
        foreach (var r in busy)
        {
            Assert.True(r.Headers.RetryAfter?.Delta > TimeSpan.Zero);
            await ProblemOf(r, HttpStatusCode.ServiceUnavailable);
        }
    }

    [Fact]
    public async Task OpenApi_document_and_reference_page_are_served()
    {
        using var app = WebTestHost.Create(new FakeAnalyzer());
        var client = app.CreateClient();
        var doc = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json")).RootElement;
        var paths = doc.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/v1/analyze", out var analyze));
        Assert.True(analyze.GetProperty("post").GetProperty("responses").TryGetProperty("422", out _));
        Assert.True(paths.TryGetProperty("/api/v1/digitize", out _));
        Assert.True(paths.TryGetProperty("/api/v1/health", out _));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/scalar/v1")).StatusCode);
    }
}
