using HeartGuard.Models.Deep.Inputs;
using HeartGuard.Synthesis;
using Xunit.Abstractions;

namespace HeartGuard.Models.Deep.Tests;

public class TraceImageTests(ITestOutputHelper output)
{
    private const int Height = 192, Width = 320;

    /// <summary>A grid drawn every mm would leave nearly every pixel non-zero at ~1 px/mm; the traces of a
    /// 3x4+1 page cover a few percent of the chart.</summary>
    [Theory]
    [InlineData(GridStyle.Red)]
    [InlineData(GridStyle.Pink)]
    [InlineData(GridStyle.Green)]
    [InlineData(GridStyle.Blue)]
    public void TheGridDropsOutAndTheTracesStay(GridStyle grid)
    {
        var record = SignalGenerator.Generate(new SignalSpec(EcgPattern.Normal, 70, 11));
        var page = PageRenderer.Render(record, new PageSpec { Dpi = 150, Grid = grid, Seed = 11 }).ImageBytes;

        var image = new TraceImage(Height, Width).From(page);

        Assert.Equal(Height * Width, image.Length);
        Assert.All(image, v => Assert.InRange(v, 0f, 1f + 1e-6f)); // area averaging of 1s can round a hair above 1
        double touched = image.Count(v => v > 0.1f) / (double)image.Length, ink = image.Count(v => v > 0.5f) / (double)image.Length;
        output.WriteLine($"{grid}: {touched:P1} of pixels above 0.1, {ink:P1} above 0.5");
        Assert.InRange(touched, 0.005, 0.2);
        Assert.True(ink > 0.003, $"only {ink:P2} of pixels are ink");
    }

    [Fact]
    public void BytesThatAreNoImageAreAClearError()
    {
        var error = Assert.Throws<InvalidDataException>(() => new TraceImage(Height, Width).From("not an image"u8));
        Assert.Contains("not a readable image", error.Message);
    }
}
