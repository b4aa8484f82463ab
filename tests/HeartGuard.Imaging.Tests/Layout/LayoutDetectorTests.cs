using HeartGuard.Core;
using HeartGuard.Imaging.Cleanup;
using HeartGuard.Imaging.Layout;
using OpenCvSharp;

namespace HeartGuard.Imaging.Tests.Layout;

public class LayoutDetectorTests
{
    private static readonly GridCalibration Scale = new(7.874, 7.874, ScaleSource.Grid, 1);
    private static readonly int[] Baselines = [300, 580, 860, 1140];

    /// <summary>Four rows drawn as the mask is (white on black). Rows 0 and 1 end with a step of 180 px (2.3 mV)
    /// at x = 1949 and a plateau to x = 2000 (a record's last 0.2 s); row 2 stops at x = 1952, row 3 runs on to
    /// x = 2000. The median row end then lies past where the stepped rows left their baseline.</summary>
    private static InkMask Mask() => DrawnMasks.Draw(2200, 1400, page =>
    {
        for (var r = 0; r < Baselines.Length; r++)
        {
            var y = Baselines[r];
            var end = r switch { 0 or 1 => 1949, 2 => 1952, _ => 2000 };
            Cv2.Line(page, new Point(100, y), new Point(end, y), Scalar.All(255), 2);
            if (r > 1) continue;
            Cv2.Line(page, new Point(1949, y), new Point(1950, y - 180), Scalar.All(255), 2);
            Cv2.Line(page, new Point(1950, y - 180), new Point(2000, y - 180), Scalar.All(255), 2);
        }
    });

    [Fact]
    public void A_row_that_steps_far_off_its_baseline_at_the_end_keeps_its_ink_to_the_end()
    {
        using var ink = Mask();

        var layout = new LayoutDetector().Detect(ink, Scale, new DigitizerOptions());

        Assert.Equal(4, layout.Rows.Count);
        Assert.All(layout.Rows.Take(2), row => Assert.InRange(row.EndX, 1998, 2001));
    }

    [Fact]
    public void Rows_of_a_broken_pen_are_rejected_with_how_much_of_them_was_ink()
    {
        // Four rows of dashes, 4 px of ink in every 10: 40 % of the columns, under the 60 % a trace row needs.
        using var ink = DrawnMasks.Draw(2200, 1400, page =>
        {
            foreach (var y in Baselines)
                for (var x = 100; x < 2000; x += 10) Cv2.Line(page, new Point(x, y), new Point(x + 3, y), Scalar.All(255));
        });

        var error = Assert.Throws<DigitizationException>(() => new LayoutDetector().Detect(ink, Scale, new DigitizerOptions()));

        Assert.Equal(DigitizationError.NotAnEcg, error.Kind);
        Assert.StartsWith("no traces found: the best row of ink covers 40 % of its columns, 60 % needed", error.Message);
    }
}
