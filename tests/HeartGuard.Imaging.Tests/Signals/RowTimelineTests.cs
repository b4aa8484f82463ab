using HeartGuard.Core;
using HeartGuard.Imaging.Layout;
using HeartGuard.Imaging.Signals;
using HeartGuard.Imaging.Traces;

namespace HeartGuard.Imaging.Tests.Signals;

public class RowTimelineTests
{
    private static readonly GridCalibration Scale = new(7.874, 7.874, ScaleSource.Grid, 1);
    private static readonly PaperSettings Paper = PaperSettings.Standard;
    private const double OriginX = 118.1, PxPerS = 7.874 * 25, SegmentPx = 2.5 * PxPerS;

    /// <summary>Four rows of a 3x4+1 page drawn from t = 0 at <see cref="OriginX"/>, their last sample at
    /// 10 s - 1/<paramref name="rateHz"/>, with separator marks (when asked) at the three lead changes.</summary>
    private static List<RowTrace> Rows(double rateHz, bool separators) =>
        Enumerable.Range(0, 4).Select(r =>
        {
            var lastX = OriginX + (10 - 1 / rateHz) * PxPerS;
            var marks = separators && r < 3 ? new[] { 1, 2, 3 }.Select(k => new SeparatorBars.Bar((int)(OriginX + k * SegmentPx) - 3, (int)(OriginX + k * SegmentPx) + 2, 40, 90)).ToArray() : [];
            return new RowTrace(new TraceRow(r, 100 + 200 * r, 10 + 200 * r, 190 + 200 * r, 60, 2150, 1), 60, [],
                [OriginX, lastX], [100, 100], 100 + 200 * r, true, 78.7, (int)OriginX + 3, (int)Math.Floor(lastX),
                1, OriginX + 4, marks);
        }).ToList();

    [Theory]
    [InlineData(500, true)]
    [InlineData(500, false)]
    [InlineData(100, true)]
    public void The_origin_is_found_within_half_a_pixel_from_the_row_ends_or_the_separator_marks(double rateHz, bool separators)
    {
        var timeline = RowTimeline.Fit(Rows(rateHz, separators), Scale, Paper, 10, 4, []);

        Assert.InRange(timeline.OriginX, OriginX - 0.5, OriginX + 0.5);
    }

    [Fact]
    public void Without_separator_marks_a_100_Hz_row_end_puts_the_origin_a_sample_interval_early()
    {
        // What the marks correct: the row's last sample lies 2 px before the 10 s point.
        var timeline = RowTimeline.Fit(Rows(100, separators: false), Scale, Paper, 10, 4, []);

        Assert.True(timeline.OriginX < OriginX - 1.5, $"origin {timeline.OriginX:0.00}");
    }
}
