using HeartGuard.Analysis;
using HeartGuard.Core;
using HeartGuard.Imaging;
using HeartGuard.Signals;

namespace HeartGuard.Web.Tests;

/// <summary>A stand-in analyzer for tests of the HTTP layer alone (limits, concurrency, error mapping): it
/// answers instantly with a fixed result, or after <see cref="Delay"/>, or refuses every page with
/// <see cref="Rejection"/>. Tests of real answers use <see cref="TestPipeline"/>.</summary>
internal sealed class FakeAnalyzer : IPageAnalyzer
{
    public TimeSpan Delay { get; init; }
    /// <summary>When set, every analysis waits here, so a test decides exactly when work finishes.</summary>
    public ManualResetEventSlim? Gate { get; init; }
    public DigitizationException? Rejection { get; init; }
    public string? DiagnosisUnavailableReason => null;

    public PageAnalysis Analyze(ReadOnlyMemory<byte> image, string fileName, bool explain = false, CancellationToken cancellationToken = default)
    {
        var page = Digitize(image, fileName, cancellationToken);
        var measurements = new Measurements { HeartRateBpm = 60, SamplingRateHz = 500 };
        var diagnosis = new Diagnosis(DiagnosticClasses.Normal,
            new Dictionary<string, double> { ["Normal"] = 0.7, ["AbnormalHeartbeat"] = 0.1, ["MyocardialInfarction"] = 0.1, ["HistoryOfMI"] = 0.1 },
            0.7, false, []);
        return new PageAnalysis(AnalysisSummary.Of(fileName, page, measurements, diagnosis, null, page.StageMs), page, measurements, null, image);
    }

    public DigitizationResult Digitize(ReadOnlyMemory<byte> image, string fileName, CancellationToken cancellationToken = default)
    {
        if (Rejection is not null) throw Rejection;
        if (Delay > TimeSpan.Zero) Thread.Sleep(Delay);
        Gate?.Wait(cancellationToken);
        var record = EcgRecord.EmptyStandard(fileName, 500, 5000);
        return new DigitizationResult(record, EcgLayout.Standard("3x4+1"), 1, new GridCalibration(8, 8, ScaleSource.Grid, 1),
            PaperSettings.Standard, [], [], new Dictionary<string, double>(), 64, 48);
    }
}
