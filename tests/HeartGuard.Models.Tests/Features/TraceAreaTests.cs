using HeartGuard.Models.Features;
using HeartGuard.Synthesis;
using OpenCvSharp;

namespace HeartGuard.Models.Tests.Features;

public class TraceAreaTests
{
    [Theory]
    [InlineData(GridStyle.Dotted, 150)]
    [InlineData(GridStyle.Red, 100)]
    [InlineData(GridStyle.Pink, 200)]
    public void Grid_band_excludes_the_printed_header_and_footer_and_keeps_every_trace(GridStyle grid, int dpi)
    {
        var spec = new PageSpec { Dpi = dpi, Grid = grid, HeaderFooter = true, Seed = 3 };
        var page = PageRenderer.Render(SignalGenerator.Generate(new SignalSpec(EcgPattern.Normal, 72, 3)), spec);
        using var image = PageViews.Decode(page.ImageBytes, grayscale: false);

        var area = TraceArea.Find(image, ViewCrop.GridBand);

        // The header's last text line sits at 33.6 mm, the footer's at page height - 2.9 mm (PageText).
        Assert.True(area.Top > 33.6 * spec.PxPerMm, $"crop top {area.Top}px is not below the header text ({33.6 * spec.PxPerMm:F0}px)");
        Assert.True(area.Bottom < (spec.PageHeightMm - 4.5) * spec.PxPerMm, $"crop bottom {area.Bottom}px reaches the footer text");
        foreach (var placement in page.GroundTruth.Placements)
        {
            var box = placement.BoundingBox;
            Assert.True(area.Top <= box[1] && area.Bottom >= box[3], $"lead {placement.Lead} [{box[1]:F0}, {box[3]:F0}] is outside the crop [{area.Top}, {area.Bottom}]");
        }
    }

    [SkippableFact]
    public void Grid_band_of_real_Mendeley_pages_starts_below_the_header_block()
    {
        var dir = HeartGuard.Tests.Shared.SharedData.RequireOrSkip("mendeley/train/MyocardialInfarction");
        foreach (var path in Directory.EnumerateFiles(dir, "*.jpg").Order().Take(12))
        {
            using var image = PageViews.Decode(File.ReadAllBytes(path), grayscale: false);
            var area = TraceArea.Find(image, ViewCrop.GridBand);
            // EDAN's grid frame starts 36.3 mm down a ~200 mm page, below the header's two ruled lines at ~18 mm.
            Assert.True(area.Top > 0.12 * image.Height && area.Height > 0.6 * image.Height,
                $"{Path.GetFileName(path)}: crop rows [{area.Top}, {area.Bottom}] of {image.Height}");
        }
    }

    [Fact]
    public void No_crop_and_a_page_without_grid_lines_give_the_whole_page()
    {
        using var blank = new Mat(400, 600, MatType.CV_8UC3, Scalar.White);
        Cv2.PutText(blank, "ECG REPORT", new Point(20, 40), HersheyFonts.HersheySimplex, 1, Scalar.Black, 2);

        Assert.Equal(new Rect(0, 0, 600, 400), TraceArea.Find(blank, ViewCrop.GridBand));
        Assert.Equal(new Rect(0, 0, 600, 400), TraceArea.Find(blank, ViewCrop.None));
    }
}
