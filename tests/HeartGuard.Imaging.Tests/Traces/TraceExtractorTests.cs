using HeartGuard.Core;
using HeartGuard.Imaging.Layout;
using HeartGuard.Imaging.Traces;
using OpenCvSharp;

namespace HeartGuard.Imaging.Tests.Traces;

public class TraceExtractorTests
{
    /// <summary>A 90 dpi scan: 3.46 px/mm, where one column lasts 11.6 ms.</summary>
    private static readonly GridCalibration Scale = new(3.46, 3.46, ScaleSource.Grid, 1);
    private static readonly TraceRow Row = new(0, 100, 20, 190, 0, 699, 1);

    /// <summary>A 1 px pen along y = 100 with a 1.7 mV QRS every 70 columns whose strokes the ink cut broke:
    /// each column of a stroke keeps only a 3 px dot, 28 px from the next (as on thin-pen GE scans).</summary>
    private static void BrokenQrsTrace(Mat page, int from, int to)
    {
        for (var x = from; x < to; x++)
        {
            var k = (x - 30) % 70;
            int y = x < 30 || k > 4 ? 100 : k switch { 0 => 98, 1 => 70, 2 => 42, 3 => 70, _ => 98 };
            Cv2.Line(page, new Point(x, y - 1), new Point(x, y + 1), Scalar.All(255));
        }
    }

    [Fact]
    public void Steep_strokes_broken_by_a_thin_pen_are_no_leaps()
    {
        using var ink = DrawnMasks.Draw(700, 200, page => BrokenQrsTrace(page, 0, 700));

        var trace = new TraceExtractor().Extract(ink, Row, Scale, PaperSettings.Standard);

        Assert.True(trace.Smoothness >= 0.99, $"smoothness {trace.Smoothness}");
    }

    [Fact]
    public void A_path_that_leaves_its_trace_for_other_ink_loses_smoothness()
    {
        // The trace is missing over 300-360; only ink 70 px (20 mm) below it is there to follow.
        using var ink = DrawnMasks.Draw(700, 200, page =>
        {
            BrokenQrsTrace(page, 0, 300);
            BrokenQrsTrace(page, 361, 700);
            Cv2.Line(page, new Point(300, 170), new Point(360, 170), Scalar.All(255));
        });

        var trace = new TraceExtractor().Extract(ink, Row, Scale, PaperSettings.Standard);

        Assert.True(trace.Smoothness <= 0.85, $"smoothness {trace.Smoothness}");
    }
}
