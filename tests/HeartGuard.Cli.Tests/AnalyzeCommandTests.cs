using System.Text.Json;
using HeartGuard.Core;
using HeartGuard.Synthesis;

namespace HeartGuard.Cli.Tests;

/// <summary>`heartguard analyze` on a folder of synthetic pages plus a broken file: JSON array on stdout,
/// carries on past the bad file and names it, CSV summary, one HTML report per page.</summary>
public sealed class AnalyzeCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("heartguard-cli-test-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Analyze_json_reports_every_page_and_carries_on_past_a_bad_file()
    {
        var pages = Path.Combine(_dir, "pages");
        Directory.CreateDirectory(pages);
        foreach (var (name, rate) in new[] { ("a-normal", 64.0), ("b-fast", 96.0) })
        {
            var record = SignalGenerator.Generate(new SignalSpec(EcgPattern.Normal, rate, 3));
            File.WriteAllBytes(Path.Combine(pages, name + ".png"), PageRenderer.Render(record, new PageSpec { Seed = 3 }).ImageBytes);
        }
        File.WriteAllText(Path.Combine(pages, "c-notes.png"), "not an image");
        var reports = Path.Combine(_dir, "reports");

        var result = CliRunner.Run(_dir, "analyze", pages, "--json", "--report", reports);

        Assert.Equal(1, result.ExitCode); // one file failed
        var items = JsonDocument.Parse(result.Stdout).RootElement.EnumerateArray().ToList();
        Assert.Equal(3, items.Count);
        Assert.EndsWith("a-normal.png", items[0].GetProperty("file").GetString());
        Assert.InRange(items[0].GetProperty("measurements").GetProperty("heart_rate_bpm").GetDouble(), 61, 67);
        Assert.InRange(items[1].GetProperty("measurements").GetProperty("heart_rate_bpm").GetDouble(), 93, 99);
        foreach (var ok in items.Take(2))
        {
            Assert.Equal("3x4+1", ok.GetProperty("layout").GetString());
            Assert.True(ok.TryGetProperty("diagnosis", out var d)
                ? d.GetProperty("probabilities").EnumerateObject().Select(p => p.Name).Order().SequenceEqual(DiagnosticClasses.All.Order())
                : ok.TryGetProperty("diagnosis_unavailable", out _));
        }
        Assert.False(string.IsNullOrWhiteSpace(items[2].GetProperty("error").GetString()));
        Assert.Contains("c-notes.png", result.Stderr);
        Assert.DoesNotContain("   at ", result.Stderr);

        var csv = File.ReadAllLines(Path.Combine(reports, "summary.csv"));
        Assert.Equal(4, csv.Length);
        Assert.StartsWith("file,label,", csv[0]);
        var html = File.ReadAllText(Path.Combine(reports, "a-normal.html"));
        Assert.Contains("data-testid=\"lead-plot\"", html);
        Assert.Contains("not a medical device", html);
        Assert.False(File.Exists(Path.Combine(reports, "c-notes.html")));
    }

    [Fact]
    public void Analyze_without_images_explains_and_fails()
    {
        var result = CliRunner.Run(_dir, "analyze", Path.Combine(_dir, "missing"));
        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("Not found", result.Stderr);
        Assert.DoesNotContain("Exception", result.Stderr);
    }
}
