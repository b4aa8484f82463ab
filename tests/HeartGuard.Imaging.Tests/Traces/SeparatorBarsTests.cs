using HeartGuard.Core;
using HeartGuard.Imaging.Cleanup;
using HeartGuard.Imaging.Layout;
using HeartGuard.Imaging.Traces;
using OpenCvSharp;

namespace HeartGuard.Imaging.Tests.Traces;

public class SeparatorBarsTests
{
    private static readonly GridCalibration Scale = new(7.874, 7.874, ScaleSource.Grid, 1);

    /// <summary>A page 200 px wide and 120 px high, drawn white-on-black as the mask is, with a solid bar
    /// (columns 100-105, rows 30-79) and a steep stroke (a 2 px line from (20, 20) to (40, 100)).</summary>
    private static InkMask Mask() => DrawnMasks.Draw(200, 120, page =>
    {
        Cv2.Rectangle(page, new Rect(100, 30, 6, 50), Scalar.All(255), -1);
        Cv2.Line(page, new Point(20, 20), new Point(40, 100), Scalar.All(255), 2);
    });

    [Fact]
    public void A_solid_bar_is_found_with_its_extent_and_a_steep_stroke_is_not_a_bar()
    {
        using var ink = Mask();
        var bars = SeparatorBars.Find(ink, new TraceRow(0, 60, 0, 119, 0, 199, 1), Scale);

        var bar = Assert.Single(bars);
        Assert.Equal((100, 105, 30, 79), (bar.Left, bar.Right, bar.Top, bar.Bottom));
        Assert.True(bar.Covers(102.5, 50));
        Assert.False(bar.Covers(102.5, 20));
        Assert.False(bar.Covers(30.5, 60));
    }

    [Fact]
    public void Only_the_points_on_bars_at_a_lead_change_are_dropped()
    {
        // Two bar-like strokes: one at a lead change (x = 100-105), one elsewhere (a step in the signal, x = 160-162).
        var bars = new[] { new SeparatorBars.Bar(100, 105, 30, 79), new SeparatorBars.Bar(160, 162, 20, 90) };
        double[] xs = [50.5, 102.5, 130.5, 161.5, 190.5];
        double[] ys = [60, 50, 60, 40, 60];
        var row = new RowTrace(new TraceRow(0, 60, 0, 119, 0, 199, 1), 0, [], xs, ys, 60, false, null, 0, 199, 1, null, bars);

        var kept = SeparatorBars.WithoutSeparators(row, x => Math.Abs(x - 103) < 8);

        Assert.Equal([50.5, 130.5, 161.5, 190.5], kept.PointX);
        Assert.Equal([60, 60, 40, 60], kept.PointY);
    }
}
