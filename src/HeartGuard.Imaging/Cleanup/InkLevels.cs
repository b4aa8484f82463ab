using OpenCvSharp;

namespace HeartGuard.Imaging.Cleanup;

/// <summary>How much of each pixel the pen covers, read from the brightness image the ink mask was cut from
/// (grey, or max(R,G,B) for colour pages): 1 at the trace's own level, 0 at the level where the grid begins,
/// linear between (anti-aliased edges). Grid and paper weigh nothing, so a grid line beside the trace does not
/// pull its centre.</summary>
public sealed unsafe class InkLevels : IDisposable
{
    private readonly Mat _brightness;
    private readonly bool _owned;
    private readonly byte* _data;
    private readonly long _step;
    private readonly float[] _coverage = new float[256];

    /// <param name="owned">True when this object must dispose <paramref name="brightness"/>.</param>
    public InkLevels(Mat brightness, bool owned, int inkLevel, int gridLevel)
    {
        _brightness = brightness;
        _owned = owned;
        _data = (byte*)brightness.Data;
        _step = brightness.Step();
        var span = Math.Max(1, gridLevel - inkLevel);
        for (var v = 0; v < 256; v++) _coverage[v] = Math.Clamp((gridLevel - v) / (float)span, 0f, 1f);
    }

    /// <summary>Pen coverage of page pixel (x, y) in [0, 1]; the caller keeps x, y inside the page.</summary>
    public float Coverage(int x, int y) => _coverage[_data[y * _step + x]];

    public void Dispose()
    {
        if (_owned) _brightness.Dispose();
    }
}
