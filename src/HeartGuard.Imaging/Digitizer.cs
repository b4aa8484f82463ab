using System.Diagnostics;
using HeartGuard.Core;
using HeartGuard.Imaging.Cleanup;
using HeartGuard.Imaging.Geometry;
using HeartGuard.Imaging.Grid;
using HeartGuard.Imaging.Layout;
using HeartGuard.Imaging.Loading;
using HeartGuard.Imaging.Signals;
using HeartGuard.Imaging.Traces;

namespace HeartGuard.Imaging;

/// <summary>Page image -> calibrated 12-lead signals. The stages, in order, are listed in docs/digitizer.md;
/// each sits behind a small interface so an alternative method can be swapped in.</summary>
public sealed class Digitizer
{
    private readonly DigitizerOptions _options;
    private readonly IImageLoader _loader;
    private readonly IPageGeometry _geometry;
    private readonly IGridCalibrator _grid = new GridScaleEstimator();
    private readonly IInkSeparator _ink = new InkSeparator();
    private readonly ILayoutDetector _layout = new LayoutDetector();
    private readonly ITraceExtractor _traces = new TraceExtractor();
    private readonly ISignalAssembler _signals = new SignalAssembler();

    static Digitizer() => NativeHeap.KeepDecodeBuffers();

    public Digitizer(DigitizerOptions? options = null)
    {
        _options = options ?? new DigitizerOptions();
        _loader = new ImageLoader(_options);
        _geometry = new Deskewer(_options);
    }

    public DigitizationResult Digitize(ReadOnlyMemory<byte> imageBytes, string name)
    {
        var time = new StageClock();
        var warnings = new List<string>();
        using var page = time.Run("load", () => _loader.Load(imageBytes));
        var skewDeg = time.Run("geometry", () => _geometry.Correct(page));
        var scale = time.Run("grid", () => _grid.Calibrate(page));
        using var ink = time.Run("cleanup", () => _ink.Separate(page, scale));
        var layout = time.Run("layout", () => _layout.Detect(ink, scale, _options));
        var rows = time.Run("traces", () => layout.Rows.Select(r => _traces.Extract(ink, r, scale, _options.Paper)).ToList());
        scale = ScaleFallback.FromPulses(scale, rows, _options.Paper, page.Header.Dpi, warnings);
        var (record, traces, ecgLayout) = time.Run("signals", () =>
        {
            var timeline = RowTimeline.Fit(rows, scale, _options.Paper, _options.RecordDurationS, layout.Layout.Columns, warnings);
            rows = rows.Select(r => SeparatorBars.WithoutSeparators(r, x => timeline.AtLeadChange(x, layout.Layout.Columns, scale))).ToList();
            var resolved = RhythmStripMatcher.Resolve(layout.Layout,
                (r, t0, t1) => timeline.Sample(rows[r], t0, t1, _options.OutputRateHz, scale, _options.Paper), warnings);
            var (rec, tr) = _signals.Assemble(name, resolved, rows, timeline, scale, _options.Paper, _options.OutputRateHz);
            return (rec, tr, resolved);
        });
        if (scale.Source != ScaleSource.Grid) warnings.Add($"scale from {scale.Source}, not from the grid");
        return new DigitizationResult(record, ecgLayout, layout.Confidence, scale, _options.Paper, traces, warnings,
            time.Elapsed, page.Width, page.Height) { SkewDeg = skewDeg };
    }

    private sealed class StageClock
    {
        public Dictionary<string, double> Elapsed { get; } = new();

        public T Run<T>(string stage, Func<T> action)
        {
            var start = Stopwatch.GetTimestamp();
            var result = action();
            Elapsed[stage] = Math.Round(Stopwatch.GetElapsedTime(start).TotalMilliseconds, 2);
            return result;
        }
    }
}
