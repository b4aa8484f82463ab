using HeartGuard.Core;
using HeartGuard.Imaging.Export;
using HeartGuard.Imaging.Layout;
using HeartGuard.Synthesis;
using SkiaSharp;

namespace HeartGuard.Imaging.Tests.Layout;

/// <summary>Printed lead labels read off synthesizer pages (which print each name at its segment's start) and
/// checked against the assumed layout.</summary>
public class LeadLabelReaderTests
{
    private static SynthPage Render(PageSpec spec) =>
        PageRenderer.Render(SignalGenerator.Generate(new SignalSpec(EcgPattern.Normal, 72, 7)), spec with { Seed = 7 });

    // Measured on seed 7: DejaVu Sans (Red) 10 of 13 read as printed, aVR read as aVF, 2 unread; Liberation
    // Serif (Dotted: its hairline strokes break at the ink cut and touch the grid's dots) 7 of 13, 2 wrong.
    [Theory]
    [InlineData(GridStyle.Red, 10)]
    [InlineData(GridStyle.Dotted, 6)]
    public void Labels_of_a_clean_page_are_read_as_printed_without_a_contradiction(GridStyle grid, int minRight)
    {
        var result = new Digitizer().Digitize(Render(new PageSpec { Grid = grid }).ImageBytes, "synth");

        var right = result.Traces.Count(t => t.Label?.Text == t.Lead);
        Assert.True(right >= minRight, $"{right} of {result.Traces.Count} labels read as printed");
        Assert.Equal("II", result.Traces.Single(t => t.Placement is { Row: 1, Column: 0, IsRhythmStrip: false }).Label?.Text);
        Assert.DoesNotContain(result.Warnings, w => w.Contains("printed lead labels"));
        using var json = System.Text.Json.JsonDocument.Parse(DigitizationJson.Serialize(result));
        var secondRow = json.RootElement.GetProperty("leads").EnumerateArray().First(l => l.GetProperty("lead").GetString() == "II");
        Assert.Equal("II", secondRow.GetProperty("printed_label").GetProperty("text").GetString());
    }

    [Fact]
    public void Columns_labelled_in_another_order_give_a_contradiction_warning_and_keep_the_layout()
    {
        var page = Render(new PageSpec { Grid = GridStyle.Red, LeadLabels = false });
        // Columns 0 and 1 swap their printed names: row 0 says aVR, I where the layout expects I, aVR.
        var standard = EcgLayout.Standard("3x4+1");
        var bytes = DrawLabels(page, p => p.IsRhythmStrip ? p.Lead
            : standard.Placements.Single(q => !q.IsRhythmStrip && q.Row == p.Row && q.Column == p.Column switch { 0 => 1, 1 => 0, var c => c }).Lead);

        var result = new Digitizer().Digitize(bytes, "relabelled");

        Assert.Equal("3x4+1", result.Layout.Name);
        var first = result.Traces.Single(t => t.Placement is { Row: 0, Column: 0, IsRhythmStrip: false });
        Assert.Equal("I", first.Lead);
        Assert.Equal("aVR", first.Label?.Text);
        Assert.Contains(result.Warnings, w => w.Contains("contradict") && w.Contains("reads aVR (assumed I)"));
    }

    [Fact]
    public void Labels_of_a_3x4_3_page_switch_a_6x2_reading_but_two_reads_do_not()
    {
        var sixByTwo = EcgLayout.Standard("6x2");
        var truth = EcgLayout.Standard("3x4+3");
        LabelRead? Printed(LeadPlacement p, int limit) =>
            truth.Placements.FirstOrDefault(q => q.Row == p.Row && q.StartS == p.StartS) is { } q && q.Row * 4 + q.Column < limit
                ? new LabelRead(q.Lead, 0.9, new PixelBox(0, 0, 10, 10)) : null;

        var warnings = new List<string>();
        var (layout, labels) = LeadLabelCheck.Resolve(sixByTwo, p => Printed(p, int.MaxValue), warnings);
        Assert.Equal("3x4+3", layout.Name);
        Assert.Equal(15, labels.Count);
        Assert.Contains(warnings, w => w.Contains("layout changed to 3x4+3"));

        // Only I and aVR readable: one agrees with 6x2 (I) and one contradicts it; not enough to switch.
        var weak = new List<string>();
        var (kept, _) = LeadLabelCheck.Resolve(sixByTwo, p => Printed(p, 2), weak);
        Assert.Equal("6x2", kept.Name);
        Assert.DoesNotContain(weak, w => w.Contains("layout changed"));
    }

    /// <summary>The page with <paramref name="name"/>(placement) printed where the synthesizer prints labels
    /// (0.3 mm after the segment's origin, text baseline 1.2 mm above the trace's).</summary>
    private static byte[] DrawLabels(SynthPage page, Func<LeadPlacement, string> name)
    {
        var truth = page.GroundTruth;
        using var bitmap = SKBitmap.Decode(page.ImageBytes);
        using (var canvas = new SKCanvas(bitmap))
        {
            using var font = new SKFont(LeadAnnotations.Typeface(truth.Grid), (float)(3.5 * truth.PxPerMmY));
            using var paint = new SKPaint { Color = SKColors.Black, IsAntialias = true };
            foreach (var p in truth.Placements)
            {
                var placement = new LeadPlacement(p.Lead, p.Row, p.Column, p.StartS, 0) { IsRhythmStrip = p.IsRhythmStrip };
                canvas.DrawText(name(placement), (float)(p.OriginXPx + 0.3 * truth.PxPerMmX), (float)(p.BaselineYPx - 1.2 * truth.PxPerMmY),
                    SKTextAlign.Left, font, paint);
            }
        }
        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }
}
