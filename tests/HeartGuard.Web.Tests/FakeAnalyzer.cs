using HeartGuard.Analysis;
using HeartGuard.Core;

namespace HeartGuard.Web.Tests;

/// <summary>A stand-in analyzer for tests of the HTTP layer (status codes, limits, concurrency): it answers
/// instantly, or after <see cref="Delay"/>, or refuses every page with <see cref="Rejection"/>.</summary>
internal sealed class FakeAnalyzer : IPageAnalyzer
{
    public TimeSpan Delay { get; init; }
    public PageRejectedException? Rejection { get; init; }

    public PageAnalysis Analyze(ReadOnlyMemory<byte> image, string fileName, CancellationToken cancellationToken = default)
    {
        Work();
        var summary = new AnalysisSummary
        {
            File = fileName,
            Layout = "3x4+1",
            Diagnosis = new Diagnosis(DiagnosticClasses.Normal,
                new Dictionary<string, double> { ["Normal"] = 0.7, ["AbnormalHeartbeat"] = 0.1, ["MyocardialInfarction"] = 0.1, ["HistoryOfMI"] = 0.1 },
                0.7, false, []),
            Measurements = new Signals.Measurements { HeartRateBpm = 60, SamplingRateHz = 500 },
        };
        return new PageAnalysis(summary, EcgRecord.EmptyStandard(fileName, 500, 5000), EcgLayout.Standard("3x4+1"), image.ToArray(), null, null);
    }

    public PageSignals Digitize(ReadOnlyMemory<byte> image, string fileName, CancellationToken cancellationToken = default)
    {
        Work();
        return new PageSignals(fileName, "3x4+1", 500, new GridCalibration(8, 8, ScaleSource.Grid, 1),
            StandardLeads.Names.ToDictionary(n => n, _ => new float?[] { 0f, null }), []);
    }

    private void Work()
    {
        if (Rejection is not null) throw Rejection;
        if (Delay > TimeSpan.Zero) Thread.Sleep(Delay);
    }
}
