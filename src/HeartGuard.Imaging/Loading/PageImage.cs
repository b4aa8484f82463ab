using OpenCvSharp;

namespace HeartGuard.Imaging.Loading;

/// <summary>A decoded page: the grey image every stage reads, and the colour image decoded only when a stage
/// needs hue (dark coloured grids). Geometry corrections are applied to both.</summary>
public sealed class PageImage(Mat gray, ImageHeader header, Func<Mat> decodeColor) : IDisposable
{
    private Mat? _color;
    private Func<Mat, Mat>? _transform;

    public Mat Gray { get; private set; } = gray;
    public ImageHeader Header { get; } = header;
    public int Width => Gray.Width;
    public int Height => Gray.Height;

    /// <summary>The BGR image, decoded on first use and corrected like <see cref="Gray"/>.</summary>
    public Mat Color
    {
        get
        {
            if (_color is not null) return _color;
            var decoded = decodeColor();
            if (_transform is null) return _color = decoded;
            _color = _transform(decoded);
            decoded.Dispose();
            return _color;
        }
    }

    /// <summary>Replaces the page by a geometrically corrected copy; the colour image follows lazily.</summary>
    public void Apply(Func<Mat, Mat> transform)
    {
        var corrected = transform(Gray);
        Gray.Dispose();
        Gray = corrected;
        var previous = _transform;
        _transform = previous is null ? transform : m => { using var t = previous(m); return transform(t); };
        if (_color is not null) { var c = transform(_color); _color.Dispose(); _color = c; }
    }

    public void Dispose()
    {
        Gray.Dispose();
        _color?.Dispose();
    }
}
