using HeartGuard.Core;
using SkiaSharp;

namespace HeartGuard.Analysis.Tests;

public class LeadPlotTests
{
    [Fact]
    public void Each_lead_is_drawn_only_in_its_own_cell_and_gaps_stay_empty()
    {
        // Lead I carries a 1 mV square wave during its 0-2.5 s window; every other lead is missing.
        var record = EcgRecord.EmptyStandard("t", 500, 5000);
        for (var i = 0; i < 1250; i++) record["I"].SamplesUv[i] = (i / 125) % 2 == 0 ? 0 : 1000;
        using var bitmap = SKBitmap.Decode(LeadPlot.RenderPng(record, EcgLayout.Standard("3x4+1")));

        // 4 px/mm, 10 mm left margin, 25 mm/s; rows of 30 mm from 4 mm, baseline at 0.6 of the row.
        int X(double s) => (int)((10 + s * 25) * 4);
        int Y(int row, double mv) => (int)((4 + (row + 0.6) * 30 - mv * 10) * 4);
        Assert.True(Dark(bitmap, X(0.35), Y(0, 1)), "the 1 mV level of lead I at 0.35 s");
        Assert.True(Dark(bitmap, X(0.6), Y(0, 0)), "the baseline of lead I at 0.6 s");
        Assert.False(Dark(bitmap, X(0.6), Y(0, 1)), "no 1 mV level while lead I is at baseline");
        Assert.False(Dark(bitmap, X(3.5), Y(0, 0)), "aVR is missing: nothing drawn in its cell");
        Assert.False(Dark(bitmap, X(1.0), Y(1, 0)), "lead II is missing");
    }

    private static bool Dark(SKBitmap bitmap, int x, int y)
    {
        for (var dy = -2; dy <= 2; dy++)
            for (var dx = -2; dx <= 2; dx++)
                if (bitmap.GetPixel(x + dx, y + dy) is var c && c.Red < 80 && c.Green < 80 && c.Blue < 80) return true;
        return false;
    }
}
