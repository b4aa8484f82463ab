using HeartGuard.Core;
using HeartGuard.Imaging.Grid;
using HeartGuard.Imaging.Layout;
using HeartGuard.Imaging.Traces;

namespace HeartGuard.Imaging.Tests.Grid;

public class ScaleFallbackTests
{
    /// <summary>Four rows whose trace runs from x = 40 over <paramref name="spanPx"/> columns.</summary>
    private static List<RowTrace> Rows(int spanPx) => Enumerable.Range(0, 4).Select(i =>
        new RowTrace(new TraceRow(i, 100 + 150 * i, 60 + 150 * i, 140 + 150 * i, 0, 1300, 1), 0, [], [], [], 100 + 150 * i,
            true, 38.76, 40, 40 + spanPx - 1, 1, null, [])).ToList();

    [Fact]
    public void Rows_a_tenth_too_long_for_the_pulse_scale_set_px_per_mm_x_and_keep_the_pulse_height()
    {
        // 4.5 px/mm x: 10 s at 25 mm/s is 1125 px, which the pulse's 3.876 px/mm read as 11.6 s (ecg00040).
        var pulse = new GridCalibration(3.876, 3.876, ScaleSource.CalibrationPulse, 0.6);
        var warnings = new List<string>();

        var scale = ScaleFallback.FromRowSpans(pulse, Rows(1125), PaperSettings.Standard, 10, warnings);

        Assert.Equal(4.5, scale.PxPerMmX, 3);
        Assert.Equal(3.876, scale.PxPerMmY, 3);
        Assert.Contains(warnings, w => w.Contains("from the rows' 10 s span"));
    }

    [Fact]
    public void An_assumed_scale_takes_the_span_on_both_axes_and_a_grid_is_never_overruled()
    {
        var assumed = ScaleFallback.FromRowSpans(new GridCalibration(4.286, 4.286, ScaleSource.Assumed, 0.1), Rows(1125),
            PaperSettings.Standard, 10, []);
        var grid = new GridCalibration(3.876, 3.876, ScaleSource.Grid, 0.9);

        Assert.Equal((4.5, 4.5), (Math.Round(assumed.PxPerMmX, 3), Math.Round(assumed.PxPerMmY, 3)));
        Assert.Same(grid, ScaleFallback.FromRowSpans(grid, Rows(1125), PaperSettings.Standard, 10, []));
    }

    [Fact]
    public void Rows_far_from_the_record_length_leave_the_scale_alone()
    {
        // 24 s at the pulse's scale (ecg00004): no 10 s row explains that; neither does one within 3 % of 10 s need it.
        var pulse = new GridCalibration(2.36, 2.36, ScaleSource.CalibrationPulse, 0.6);

        Assert.Same(pulse, ScaleFallback.FromRowSpans(pulse, Rows(1416), PaperSettings.Standard, 10, []));
        Assert.Same(pulse, ScaleFallback.FromRowSpans(pulse, Rows(600), PaperSettings.Standard, 10, []));
    }
}
