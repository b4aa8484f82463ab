using OpenCvSharp;

namespace HeartGuard.Imaging.Cleanup;

/// <summary>Trace ink of a page, stored transposed (one row per page column) because every later stage scans
/// the page column by column. 255 = ink. The grey levels the mask was cut from stay alongside, so a trace's
/// centre can be placed between pixel rows by how much ink each pixel holds.</summary>
public sealed class InkMask(Mat columns, int width, int height, bool usedColor, InkLevels levels) : IDisposable
{
    public Mat Columns { get; } = columns;
    public int Width { get; } = width;
    public int Height { get; } = height;
    /// <summary>True when the grid was too dark to separate by brightness and hue was used.</summary>
    public bool UsedColor { get; } = usedColor;
    public InkLevels Levels { get; } = levels;
    /// <summary>True when faint pixels touching the trace were added to the strict cut (thin pens).</summary>
    public bool FaintInkReconnected { get; init; }

    public ReadOnlySpan<byte> Column(int x) => Columns.RowSpan<byte>(x);

    public void Dispose()
    {
        Columns.Dispose();
        Levels.Dispose();
    }
}
