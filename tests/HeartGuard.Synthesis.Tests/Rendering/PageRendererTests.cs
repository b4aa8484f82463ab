using HeartGuard.Core;
using HeartGuard.Core.Wfdb;
using Xunit.Abstractions;

namespace HeartGuard.Synthesis.Tests.Rendering;

public sealed class PageRendererTests(ITestOutputHelper output) : IDisposable
{
    private static readonly EcgRecord Record = SignalGenerator.Generate(new SignalSpec(EcgPattern.Normal, 75, 42));
    private readonly string _dir = Directory.CreateTempSubdirectory("hg-synth-").FullName;
    public void Dispose() => Directory.Delete(_dir, recursive: true);

    /// <summary>Every layout twice: the EDAN look (dotted grid, 0.5 mm trace) and a solid grid with a 2 px trace.</summary>
    public static TheoryData<string, GridStyle, double> LayoutsAndGrids()
    {
        var data = new TheoryData<string, GridStyle, double>();
        var grids = Enum.GetValues<GridStyle>();
        for (var i = 0; i < EcgLayout.Known.Count; i++)
        {
            data.Add(EcgLayout.Known[i], GridStyle.Dotted, 0.5);
            data.Add(EcgLayout.Known[i], grids[i % grids.Length] == GridStyle.Dotted ? GridStyle.Grey : grids[i % grids.Length], 0.25);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(LayoutsAndGrids))]
    public void Ink_lies_under_every_plotted_pixel_of_every_placement(string layout, GridStyle grid, double traceWidthMm)
    {
        var page = PageRenderer.Render(Record, new PageSpec { Layout = layout, Grid = grid, TraceWidthMm = traceWidthMm });
        var pixels = new PagePixels(page.ImageBytes);
        var truth = page.GroundTruth;
        Assert.Equal(EcgLayout.Standard(layout, truth.ShownDurationS).Placements.Count, truth.Placements.Count);
        var worst = 1.0;
        foreach (var placement in truth.Placements)
        {
            var onTrace = PagePixels.InkFraction(pixels, placement.PlottedPixels, radiusPx: 1);
            worst = Math.Min(worst, onTrace);
            Assert.True(onTrace >= 0.99, $"{layout} {placement.Lead} r{placement.Row}c{placement.Column}: {onTrace:P1} of samples have ink within 1 px");
        }
        // Control: the same positions 8 px lower mostly miss the trace, so the check above can fail.
        var all = truth.Placements.SelectMany(p => p.PlottedPixels);
        var shifted = PagePixels.InkFraction(pixels, all, 1, dy: 8);
        output.WriteLine($"{layout} {grid}: worst placement {worst:P2} on ink; shifted 8 px: {shifted:P1}");
        Assert.True(shifted < 0.6);
    }

    [Theory]
    [MemberData(nameof(LayoutsAndGrids))]
    public void Calibration_pulse_is_one_millivolt_tall_in_pixels(string layout, GridStyle grid, double traceWidthMm)
    {
        var page = PageRenderer.Render(Record, new PageSpec { Layout = layout, Grid = grid, TraceWidthMm = traceWidthMm });
        var pixels = new PagePixels(page.ImageBytes);
        var pxPerMm = page.GroundTruth.PxPerMmX;
        Assert.Equal(page.GroundTruth.Placements.Max(p => p.Row) + 1, page.GroundTruth.CalibrationPulses.Count);
        foreach (var pulse in page.GroundTruth.CalibrationPulses)
        {
            var middle = (int)Math.Round((pulse.XStartPx + pulse.XEndPx) / 2);
            var leadIn = (int)Math.Round(pulse.XStartPx - 0.5 * pxPerMm);
            var top = InkRunCentre(pixels, middle, pulse.TopYPx, 0.2 * 10 * pxPerMm);
            var baseline = InkRunCentre(pixels, leadIn, pulse.BaselineYPx, 0.2 * 10 * pxPerMm);
            output.WriteLine($"{layout} {grid} row {pulse.Row}: pulse {baseline - top:0.00} px, expected {10 * pxPerMm:0.00}");
            Assert.InRange(baseline - top, 10 * pxPerMm - 1, 10 * pxPerMm + 1);
        }
    }

    [Theory]
    [InlineData(GridStyle.Red, 200)]
    [InlineData(GridStyle.Pink, 150)]
    [InlineData(GridStyle.Green, 300)]
    [InlineData(GridStyle.Blue, 100)]
    [InlineData(GridStyle.Grey, 600)]
    [InlineData(GridStyle.Dotted, 200)]
    public void Grid_pitch_measured_from_pixels_is_one_millimetre(GridStyle grid, double dpi)
    {
        var empty = EcgRecord.EmptyStandard("grid", 500, 5000);
        var spec = new PageSpec { Grid = grid, Dpi = dpi, HeaderFooter = false, LeadLabels = false, Separators = false, CalibrationPulses = false };
        var page = PageRenderer.Render(empty, spec);
        var pixels = new PagePixels(page.ImageBytes);
        var pxPerMm = dpi / 25.4;

        var columns = new double[pixels.Width];
        var rows = new double[pixels.Height];
        for (var y = 0; y < pixels.Height; y++)
            for (var x = 0; x < pixels.Width; x++)
            {
                var d = pixels.Darkness(x, y);
                columns[x] += d;
                rows[y] += d;
            }
        var (alongX, alongY) = (StrongestPeriodPx(columns, pxPerMm), StrongestPeriodPx(rows, pxPerMm));
        output.WriteLine($"{grid} {dpi} dpi: pitch x {alongX:0.0000} px, y {alongY:0.0000} px, 1 mm = {pxPerMm:0.0000} px");
        Assert.InRange(alongX, pxPerMm - 0.01, pxPerMm + 0.01);
        Assert.InRange(alongY, pxPerMm - 0.01, pxPerMm + 0.01);
    }

    [Fact]
    public void No_grid_means_no_periodic_pattern_to_find()
    {
        var spec = new PageSpec { Grid = GridStyle.None, HeaderFooter = false, LeadLabels = false, Separators = false, CalibrationPulses = false };
        var page = PageRenderer.Render(EcgRecord.EmptyStandard("blank", 500, 5000), spec);
        var pixels = new PagePixels(page.ImageBytes);
        Assert.Equal(0, Enumerable.Range(0, pixels.Height).Sum(y => Enumerable.Range(0, pixels.Width).Sum(x => pixels.Darkness(x, y))));
    }

    [Theory]
    [InlineData(5.0, 0.0)]
    [InlineData(-8.0, 0.04)]
    public void Under_rotation_and_perspective_ink_lies_under_the_mapped_plotted_pixels(double degrees, double perspective)
    {
        var spec = new PageSpec { Degradations = new Degradations { RotationDeg = degrees, Perspective = perspective }, Seed = 3 };
        var page = PageRenderer.Render(Record, spec);
        var pixels = new PagePixels(page.ImageBytes);
        var truth = page.GroundTruth;
        Assert.Contains(truth.Degradations, d => d.Name == "rotation");
        var worst = truth.Placements.Min(p => PagePixels.InkFraction(pixels, p.PlottedPixels, radiusPx: 1));
        output.WriteLine($"rotation {degrees}°, perspective {perspective}: worst placement {worst:P2} on ink");
        Assert.True(worst >= 0.99, $"worst placement {worst:P1}");
        // The undistorted positions are not where the ink is: the mapping matters.
        var h = truth.PageToImage();
        var first = truth.Placements[0];
        var (x, y) = h.Map(first.OriginXPx, first.BaselineYPx);
        Assert.True(Math.Abs(x - first.OriginXPx) + Math.Abs(y - first.BaselineYPx) > 10);
    }

    [Fact]
    public void Scale_and_crop_change_the_image_size_and_the_ground_truth_follows()
    {
        var spec = new PageSpec { Degradations = new Degradations { Scale = 0.6, Crop = 0.05 }, Seed = 9 };
        var page = PageRenderer.Render(Record, spec);
        var pixels = new PagePixels(page.ImageBytes);
        Assert.Equal((page.GroundTruth.WidthPx, page.GroundTruth.HeightPx), (pixels.Width, pixels.Height));
        Assert.True(pixels.Width < 0.6 * 2213 + 1);
        var strip = page.GroundTruth.Placements.Single(p => p.IsRhythmStrip);
        Assert.True(PagePixels.InkFraction(pixels, strip.PlottedPixels, 1) >= 0.97);
    }

    [Fact]
    public void Same_seed_and_options_give_byte_identical_images_and_other_seeds_do_not()
    {
        var spec = new PageSpec
        {
            Layout = "6x2", Grid = GridStyle.Pink, Format = PageImageFormat.Jpeg, Seed = 77,
            Degradations = new Degradations { RotationDeg = 2, Perspective = 0.02, BlurSigmaPx = 0.8, NoiseSigma = 6, Shadow = 0.5, JpegQuality = 70, Crop = 0.03 },
        };
        var a = PageRenderer.Render(Record, spec);
        var b = PageRenderer.Render(Record, spec);
        Assert.Equal(a.ImageBytes, b.ImageBytes);
        Assert.NotEqual(a.ImageBytes, PageRenderer.Render(Record, spec with { Seed = 78 }).ImageBytes);
        Assert.Equal(0xFF, a.ImageBytes[0]); // JPEG SOI
        Assert.Equal(0xD8, a.ImageBytes[1]);
    }

    [Fact]
    public void Undistorted_plotted_pixels_follow_the_documented_formula()
    {
        var page = PageRenderer.Render(Record, new PageSpec { Dpi = 300, GainMmPerMv = 20, SpeedMmPerS = 50, Layout = "3x4+3" });
        var truth = page.GroundTruth;
        Assert.Equal(5.0, truth.ShownDurationS);
        Assert.Equal((3320, 2358), (truth.WidthPx, truth.HeightPx)); // 281.05 x 199.64 mm at 300 dpi
        Assert.Equal(300 / 25.4 * 50, truth.Placements[0].PxPerS, 6);
        foreach (var p in truth.Placements)
        {
            var lead = page.Record[p.Lead].SamplesUv;
            for (var n = p.StartSample; n < p.EndSample; n += 37)
            {
                var xy = p.PlottedPixels[n - p.StartSample]!;
                Assert.Equal(p.OriginXPx + (n - p.StartSample) / truth.SamplingRateHz * p.PxPerS, xy[0], 0.011);
                Assert.Equal(p.BaselineYPx - lead[n] / 1000.0 * p.PxPerMv, xy[1], 0.011);
            }
        }
        // Column k of a 3x4 page shows [k * 1.25 s, (k + 1) * 1.25 s) of a 5 s page.
        var v4 = truth.Placements.Single(p => p.Lead == "V4");
        Assert.Equal((1875, 2500), (v4.StartSample, v4.EndSample));
    }

    [Fact]
    public void Save_writes_image_ground_truth_and_the_exact_plotted_record()
    {
        var page = PageRenderer.Render(Record, new PageSpec { Degradations = new Degradations { RotationDeg = 1 } });
        var imagePath = page.Save(_dir, "page1");
        Assert.Equal(Path.Combine(_dir, "page1.png"), imagePath);
        var truth = GroundTruth.Load(Path.Combine(_dir, "page1.json"));
        Assert.Equal("page1", truth.RecordName);
        Assert.Equal(GridStyle.Dotted, truth.Grid);
        Assert.Equal(page.GroundTruth.Placements[3].PlottedPixels[100], truth.Placements[3].PlottedPixels[100]);
        Assert.Equal(page.GroundTruth.Homography, truth.Homography);
        var back = WfdbReader.Read(Path.Combine(_dir, "page1.hea")).ToEcgRecord();
        for (var l = 0; l < 12; l++) Assert.Equal(page.Record.Leads[l].SamplesUv, back.Leads[l].SamplesUv);
        Assert.Contains("\"plotted_pixels\"", File.ReadAllText(Path.Combine(_dir, "page1.json")));
    }

    [Fact]
    public void Default_page_matches_the_mendeley_size()
    {
        var page = PageRenderer.Render(Record, new PageSpec());
        Assert.Equal((2213, 1572), (page.GroundTruth.WidthPx, page.GroundTruth.HeightPx));
        Assert.Equal(10.0, page.GroundTruth.ShownDurationS);
        Assert.Equal("0.67~25Hz AC50 25mm/s 10mm/mV 4*2.5s+1r", PageText.SettingsLine(new PageGeometry(new PageSpec(), 10), new PageSpec()));
    }

    [Theory]
    [InlineData("4x4")]
    public void Bad_specs_are_rejected_with_a_message(string layout)
    {
        Assert.Throws<ArgumentException>(() => PageRenderer.Render(Record, new PageSpec { Layout = layout }));
        Assert.Throws<ArgumentOutOfRangeException>(() => PageRenderer.Render(Record, new PageSpec { Dpi = 50 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => PageRenderer.Render(Record, new PageSpec { SpeedMmPerS = 30 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => PageRenderer.Render(Record, new PageSpec { Degradations = new Degradations { JpegQuality = 0 } }));
    }

    /// <summary>Darkness-weighted centre of the ink run nearest <paramref name="expectedY"/> in column x.</summary>
    private static double InkRunCentre(PagePixels pixels, int x, double expectedY, double searchPx)
    {
        var best = double.NaN;
        var from = (int)(expectedY - searchPx);
        var to = (int)(expectedY + searchPx);
        for (var y = from; y <= to; y++)
        {
            if (!pixels.IsInk(x, y)) continue;
            double sum = 0, weight = 0;
            var start = y;
            while (y <= to && pixels.IsInk(x, y)) { var d = pixels.Darkness(x, y); sum += d * y; weight += d; y++; }
            // include the anti-aliased fringe on both sides
            foreach (var fringe in new[] { start - 1, y })
            {
                var d = pixels.Darkness(x, fringe);
                sum += d * fringe; weight += d;
            }
            var centre = sum / weight;
            if (double.IsNaN(best) || Math.Abs(centre - expectedY) < Math.Abs(best - expectedY)) best = centre;
        }
        Assert.False(double.IsNaN(best), $"no ink in column {x} near y {expectedY:0.0}");
        return best;
    }

    /// <summary>The period (px) whose Fourier component is strongest, searched between 0.7 and 1.4 times the
    /// expected pitch: the 5 mm major lines only add harmonics at multiples of 1/5 mm⁻¹, weaker than the 1 mm one.</summary>
    private static double StrongestPeriodPx(double[] profile, double expectedPx)
    {
        var mean = profile.Average();
        double bestPeriod = 0, bestPower = -1;
        for (var period = 0.7 * expectedPx; period <= 1.4 * expectedPx; period += 0.0005 * expectedPx)
        {
            double re = 0, im = 0;
            var w = 2 * Math.PI / period;
            for (var i = 0; i < profile.Length; i++) { re += (profile[i] - mean) * Math.Cos(w * i); im += (profile[i] - mean) * Math.Sin(w * i); }
            var power = re * re + im * im;
            if (power > bestPower) { bestPower = power; bestPeriod = period; }
        }
        return bestPeriod;
    }
}
