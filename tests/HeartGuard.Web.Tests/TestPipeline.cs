using HeartGuard.Analysis;
using HeartGuard.Synthesis;

namespace HeartGuard.Web.Tests;

/// <summary>The real analyzer (digitizer, measurements, default model when one is found) and synthetic
/// pages drawn by the synthesizer, so tests need no external data.</summary>
internal static class TestPipeline
{
    private static readonly Lazy<Analysis.Analyzer> Shared = new(Analysis.Analyzer.CreateDefault);

    public static IPageAnalyzer Analyzer => Shared.Value;

    public static byte[] SyntheticPage(EcgPattern pattern = EcgPattern.Normal, double heartRateBpm = 72, int seed = 7)
    {
        var record = SignalGenerator.Generate(new SignalSpec(pattern, heartRateBpm, seed));
        return PageRenderer.Render(record, new PageSpec { Seed = seed, FooterHeartRateBpm = heartRateBpm }).ImageBytes;
    }
}
