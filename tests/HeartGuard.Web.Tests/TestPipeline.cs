using HeartGuard.Analysis;

namespace HeartGuard.Web.Tests;

internal static class TestPipeline
{
    public static IPageAnalyzer Analyzer { get; } = new FakeAnalyzer();
    public static byte[] SyntheticPage() => TestImages.Png(1100, 850);
}
