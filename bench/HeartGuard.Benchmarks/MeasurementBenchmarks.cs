using BenchmarkDotNet.Attributes;
using HeartGuard.Core;
using HeartGuard.Signals;
using HeartGuard.Synthesis;

namespace HeartGuard.Benchmarks;

/// <summary>Time of <see cref="MeasurementPipeline.Measure"/> on one 10 s, 12-lead, 500 Hz record: a full
/// record, and the same record as a 3x4+1 page shows it (12 leads of 2.5 s plus the lead-II strip, NaN
/// elsewhere), which is what the digitizer hands over.
/// Run: dotnet run -c Release --project bench/HeartGuard.Benchmarks -- --filter '*Measurement*'</summary>
[MemoryDiagnoser]
public class MeasurementBenchmarks
{
    private readonly MeasurementPipeline _pipeline = new();
    private EcgRecord _full = null!;
    private EcgRecord _page = null!;

    [Params(EcgPattern.Normal, EcgPattern.AtrialFibrillation)]
    public EcgPattern Pattern { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _full = SignalGenerator.Generate(new SignalSpec(Pattern, 75, 1));
        _page = EcgLayout.Standard("3x4+1", _full.DurationS).ShownOnPage(_full);
    }

    [Benchmark(Baseline = true)]
    public Measurements FullRecord() => _pipeline.Measure(_full);

    [Benchmark]
    public Measurements PageRecord() => _pipeline.Measure(_page);
}
