using HeartGuard.Core;
using HeartGuard.Core.Wfdb;
using SkiaSharp;

namespace HeartGuard.Synthesis;

/// <summary>Draws an <see cref="EcgRecord"/> as a paper ECG page and records exactly where every sample went.</summary>
public static class PageRenderer
{
    public const int DefaultJpegQuality = 92;

    public static SynthPage Render(EcgRecord record, PageSpec spec)
    {
        spec.Validate();
        if (record.SampleCount == 0) throw new ArgumentException($"Record '{record.Name}' has no samples to draw.", nameof(record));
        record = WfdbWriter.AsStored(record);
        var geometry = new PageGeometry(spec, record.DurationS);

        using var page = new SKBitmap(new SKImageInfo(geometry.WidthPx, geometry.HeightPx, SKColorType.Rgba8888, SKAlphaType.Opaque));
        IReadOnlyList<DrawnTrace> traces;
        IReadOnlyList<CalibrationPulse> pulses;
        IReadOnlyDictionary<LeadPlacement, SKRect> labels;
        using (var canvas = new SKCanvas(page))
        {
            canvas.Clear(SKColors.White);
            canvas.Translate(0.5f, 0.5f); // pixel (c, r) is centred on (c, r) in every coordinate we record
            GridPainter.Paint(canvas, geometry, spec.Grid);
            PageText.Paint(canvas, geometry, spec);
            LeadAnnotations.PaintSeparators(canvas, geometry, spec);
            labels = LeadAnnotations.PaintLabels(canvas, geometry, spec, record);
            pulses = CalibrationPulse.Paint(canvas, geometry, spec);
            traces = TracePainter.Paint(canvas, geometry, record, spec);
        }

        var random = new Random(spec.Seed);
        var geometric = GeometricDegrader.Plan(spec.Degradations, geometry.WidthPx, geometry.HeightPx, random);
        var applied = new List<AppliedDegradation>(geometric.Applied);
        using var degraded = PhotometricDegrader.Apply(geometric.Apply(page), spec.Degradations, random, applied);
        var bytes = ImageEncoding.Encode(degraded, spec.Format, spec.Degradations.JpegQuality, applied);

        var truth = GroundTruthBuilder.Build(record, spec, geometry, geometric, applied, traces, pulses, labels);
        return new SynthPage(bytes, spec.Format, truth, record);
    }
}
