using SkiaSharp;

namespace HeartGuard.Synthesis;

/// <summary>A 3x3 projective map between pixel coordinates (pixel (c, r) centred on (c, r)), row-major:
/// x' = (m0 x + m1 y + m2) / (m6 x + m7 y + m8), y' = (m3 x + m4 y + m5) / (m6 x + m7 y + m8).</summary>
public sealed class Homography
{
    private readonly double[] _m;

    private Homography(double[] m) => _m = m;

    public static Homography Identity => new([1, 0, 0, 0, 1, 0, 0, 0, 1]);
    public static Homography Translation(double dx, double dy) => new([1, 0, dx, 0, 1, dy, 0, 0, 1]);
    public static Homography Scaling(double s) => new([s, 0, 0, 0, s, 0, 0, 0, 1]);

    /// <summary>Rotation by <paramref name="degrees"/> about (cx, cy), counter-clockwise as seen on screen (y down).</summary>
    public static Homography Rotation(double degrees, double cx, double cy)
    {
        var a = degrees * Math.PI / 180;
        double c = Math.Cos(a), s = Math.Sin(a);
        return Translation(-cx, -cy).Then(new Homography([c, s, 0, -s, c, 0, 0, 0, 1])).Then(Translation(cx, cy));
    }

    /// <summary>The projective map taking the four <paramref name="from"/> points onto the four <paramref name="to"/> points.</summary>
    public static Homography FromCorners(IReadOnlyList<(double X, double Y)> from, IReadOnlyList<(double X, double Y)> to)
    {
        var a = new double[8, 9];
        for (var i = 0; i < 4; i++)
        {
            var (x, y) = from[i];
            var (u, v) = to[i];
            double[] r1 = [x, y, 1, 0, 0, 0, -u * x, -u * y, u];
            double[] r2 = [0, 0, 0, x, y, 1, -v * x, -v * y, v];
            for (var k = 0; k < 9; k++) { a[2 * i, k] = r1[k]; a[2 * i + 1, k] = r2[k]; }
        }
        var h = SolveAugmented(a);
        return new Homography([h[0], h[1], h[2], h[3], h[4], h[5], h[6], h[7], 1]);
    }

    /// <summary>This map followed by <paramref name="next"/>.</summary>
    public Homography Then(Homography next)
    {
        var r = new double[9];
        for (var i = 0; i < 3; i++)
            for (var j = 0; j < 3; j++)
                r[3 * i + j] = next._m[3 * i] * _m[j] + next._m[3 * i + 1] * _m[3 + j] + next._m[3 * i + 2] * _m[6 + j];
        var scale = r[8];
        for (var k = 0; k < 9; k++) r[k] /= scale;
        return new Homography(r);
    }

    public (double X, double Y) Map(double x, double y)
    {
        var w = _m[6] * x + _m[7] * y + _m[8];
        return ((_m[0] * x + _m[1] * y + _m[2]) / w, (_m[3] * x + _m[4] * y + _m[5]) / w);
    }

    public double[][] ToRows() => [[_m[0], _m[1], _m[2]], [_m[3], _m[4], _m[5]], [_m[6], _m[7], _m[8]]];

    public static Homography FromRows(double[][] rows) => new([.. rows[0], .. rows[1], .. rows[2]]);

    /// <summary>The same map for Skia, whose pixel (c, r) spans [c, c+1): shift by half a pixel on both sides.</summary>
    public SKMatrix ToSkiaPixelMatrix()
    {
        var m = Translation(-0.5, -0.5).Then(this).Then(Translation(0.5, 0.5))._m;
        return new SKMatrix((float)m[0], (float)m[1], (float)m[2], (float)m[3], (float)m[4], (float)m[5], (float)m[6], (float)m[7], (float)m[8]);
    }

    // Gauss-Jordan with partial pivoting on an n x (n+1) augmented matrix.
    private static double[] SolveAugmented(double[,] a)
    {
        var n = a.GetLength(0);
        for (var col = 0; col < n; col++)
        {
            var pivot = col;
            for (var r = col + 1; r < n; r++) if (Math.Abs(a[r, col]) > Math.Abs(a[pivot, col])) pivot = r;
            if (Math.Abs(a[pivot, col]) < 1e-12) throw new ArgumentException("The corner points are degenerate.");
            for (var k = 0; k <= n; k++) (a[col, k], a[pivot, k]) = (a[pivot, k], a[col, k]);
            for (var r = 0; r < n; r++)
            {
                if (r == col) continue;
                var f = a[r, col] / a[col, col];
                for (var k = col; k <= n; k++) a[r, k] -= f * a[col, k];
            }
        }
        var x = new double[n];
        for (var i = 0; i < n; i++) x[i] = a[i, n] / a[i, i];
        return x;
    }
}
