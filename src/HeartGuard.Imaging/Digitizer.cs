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
    private readonly IPerspectiveCorrector _perspective;
    private readonly IGridCalibrator _grid = new GridScaleEstimator();
    private readonly IInkSeparator _ink = new InkSeparator();
    private readonly IInkSeparator _faintInk = new InkSeparator(reconnectFaintInk: true);
    private readonly ILayoutDetector _layout = new LayoutDetector();
    private readonly ITraceExtractor _traces = new TraceExtractor();
    private readonly ILeadLabelReader _labels = new LeadLabelReader();
    private readonly ISignalAssembler _signals;

    /// <summary>Below this mean lead quality the page is read a second time with faint ink reconnected (ecg00045
    /// 0.36 -> 0.86). It was 0.5 while steep strokes broken by a thin pen counted as leaps; once they no longer did,
    /// a photo whose rhythm strip leapt between rows (ecg00027: strip 0) averaged 0.63 and was not read again. Any
    /// lead below 0.5 was tried as well: it also re-read 7 in 100 Mendeley pages (mean 0.87 and more) for nothing,
    /// 7 % of a batch's time.</summary>
    private const double RereadBelowQuality = 0.75;

    static Digitizer() => NativeHeap.KeepDecodeBuffers();

    public Digitizer(DigitizerOptions? options = null)
    {
        _options = options ?? new DigitizerOptions();
        _loader = new ImageLoader(_options);
        _geometry = new Deskewer(_options);
        _perspective = new PerspectiveCorrector(_options);
        _signals = new SignalAssembler(_options.CompensateReadingBlur);
    }

    /// <summary>A thin pen (72-100 dpi scans and photos, hairline screen captures at 160 dpi) can be broken into
    /// dots by the strict ink cut: no rows are found, or the path leaps from dot to dot (low quality). Such a
    /// page is read again with faint ink reconnected, and the better reading is kept; pages read well the
    /// first time (all benchmark pages) are never read twice.</summary>
    public DigitizationResult Digitize(ReadOnlyMemory<byte> imageBytes, string name)
    {
        var time = new StageClock();
        using var page = time.Run("load", () => _loader.Load(imageBytes));
        var skewDeg = time.Run("geometry", () => _geometry.Correct(page));
        var keystone = _options.CorrectPerspective ? time.Run("perspective", () => _perspective.Correct(page)) : null;
        var gridScale = time.Run("grid", () => _grid.Calibrate(page));
        DigitizationResult Placed(DigitizationResult reading) => reading with { SkewDeg = skewDeg, Keystone = keystone };
        DigitizationResult? first = null;
        try { first = Read(page, gridScale, _ink, name, time); }
        catch (DigitizationException e) when (e.Kind == DigitizationError.NotAnEcg) { }
        if (first is not null && MeanQuality(first) >= RereadBelowQuality) return Placed(first);
        // When the first reading found no rows, the second one's failure is the page's.
        DigitizationResult second;
        try { second = Read(page, gridScale, _faintInk, name, time); }
        catch (DigitizationException) when (first is not null) { return Placed(first); }
        return Placed(first is null || MeanQuality(second) > MeanQuality(first) ? second : first);
    }

    private DigitizationResult Read(PageImage page, GridCalibration gridScale, IInkSeparator separator, string name, StageClock time)
    {
        var warnings = new List<string>();
        var scale = gridScale;
        using var ink = time.Run("cleanup", () => separator.Separate(page, scale));
        var layout = time.Run("layout", () => _layout.Detect(ink, scale, _options));
        var rows = time.Run("traces", () => layout.Rows.Select(r => _traces.Extract(ink, r, scale, _options.Paper)).ToList());
        scale = ScaleFallback.FromPulses(scale, rows, _options.Paper, page.Header.Dpi, warnings);
        scale = ScaleFallback.FromRowSpans(scale, rows, _options.Paper, _options.RecordDurationS, warnings);
        var (timeline, resolved) = time.Run("signals", () =>
        {
            var fit = RowTimeline.Fit(rows, scale, _options.Paper, _options.RecordDurationS, layout.Layout.Columns, warnings);
            rows = rows.Select(r => SeparatorBars.WithoutSeparators(r, x => fit.AtLeadChange(x, layout.Layout.Columns, scale))).ToList();
            return (fit, RhythmStripMatcher.Resolve(layout.Layout,
                (r, t0, t1) => fit.Sample(rows[r], t0, t1, _options.OutputRateHz, scale, _options.Paper), warnings));
        });
        var (ecgLayout, labels) = time.Run("labels", () => LeadLabelCheck.Resolve(resolved,
            p => _labels.Read(ink, rows, p.Row, timeline.X(p.StartS), scale), warnings));
        var (record, traces) = time.Run("signals", () =>
            _signals.Assemble(name, ecgLayout, rows, timeline, scale, _options.Paper, _options.OutputRateHz));
        traces = traces.Select(t => t with { Label = labels.GetValueOrDefault(t.Placement) }).ToList();
        if (scale.Source != ScaleSource.Grid) warnings.Add($"scale from {scale.Source}, not from the grid");
        if (ink.FaintInkReconnected) warnings.Add("thin pen: faint ink reconnected to the trace (hysteresis)");
        return new DigitizationResult(record, ecgLayout, layout.Confidence, scale, _options.Paper, traces, warnings,
            time.Elapsed, page.Width, page.Height) { InkReconnected = ink.FaintInkReconnected };
    }

    private static double MeanQuality(DigitizationResult result) =>
        result.Traces.Count == 0 ? 0 : result.Traces.Average(t => t.Quality);

    private sealed class StageClock
    {
        public Dictionary<string, double> Elapsed { get; } = new();

        public T Run<T>(string stage, Func<T> action)
        {
            var start = Stopwatch.GetTimestamp();
            var result = action();
            // Summed: a page read twice reports both readings' time.
            Elapsed[stage] = Math.Round(Elapsed.GetValueOrDefault(stage) + Stopwatch.GetElapsedTime(start).TotalMilliseconds, 2);
            return result;
        }
    }
}
