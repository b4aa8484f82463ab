using OpenCvSharp;

namespace HeartGuard.Imaging.Cleanup;

/// <summary>Trace ink of a page, stored transposed (one row per page column) because every later stage scans
/// the page column by column. 255 = ink.</summary>
public sealed class InkMask(Mat columns, int width, int height, bool usedColor) : IDisposable
{
    public Mat Columns { get; } = columns;
    public int Width { get; } = width;
    public int Height { get; } = height;
    /// <summary>True when the grid was too dark to separate by brightness and hue was used.</summary>
    public bool UsedColor { get; } = usedColor;

    public ReadOnlySpan<byte> Column(int x) => Columns.RowSpan<byte>(x);

    public void Dispose() => Columns.Dispose();
}
