using HeartGuard.Core;
using HeartGuard.Imaging.Loading;
using System.Numerics;
using System.Runtime.InteropServices;
using OpenCvSharp;

namespace HeartGuard.Imaging.Grid;

public interface IGridCalibrator
{
    /// <summary>The page scale from its grid, else from DPI metadata, else an assumption; never null.
    /// The calibration pulse fallback is applied later, once traces (and so the pulse) are known.</summary>
    GridCalibration Calibrate(PageImage page);
}

/// <summary>Stage 3: px/mm per axis from the grid's periodicity. The grey level summed along each axis repeats
/// every 1 mm (minor lines or dots) with an accent every 5 mm; the autocorrelation of that profile peaks at
/// multiples of the period, and the peak at the largest multiple pins it to a fraction of a percent.</summary>
public sealed class GridScaleEstimator : IGridCalibrator
{
    private const double MinPxPerMm = 1.5, MaxPxPerMm = 40;
    /// <summary>Grey level below which a pixel is trace or text ink rather than grid (renders draw traces up to ~50).</summary>
    private const int InkLevel = 60;
    /// <summary>ECG paper is about 280 mm wide (A4/Letter landscape): the prior that picks 1 mm vs 5 mm.</summary>
    private const double TypicalPageWidthMm = 280;

    public GridCalibration Calibrate(PageImage page)
    {
        var dpi = page.Header.Dpi;
        var prior = dpi is > 50 and < 2400 ? GridCalibration.PxPerMmFromDpi(dpi.Value) : page.Width / TypicalPageWidthMm;
        var (columnMeans, rowMeans) = GridMeans(page.Gray);
        var x = Period(HighPass(columnMeans), prior);
        var y = Period(HighPass(rowMeans), prior);
        if (x is not null && y is not null && Math.Abs(x.Value.PxPerMm / y.Value.PxPerMm - 1) < 0.15)
        {
            // Printers draw dotted grids on their own pixel raster (e.g. 8 px per "mm" at 200 dpi) but traces
            // at the true resolution: a grid within 2.5% of the DPI confirms the DPI, which is then exact.
            var confidence = Math.Min(x.Value.Confidence, y.Value.Confidence);
            if (dpi is > 50 and < 2400 && Math.Abs(x.Value.PxPerMm / prior - 1) < 0.025 && Math.Abs(y.Value.PxPerMm / prior - 1) < 0.025)
                return new GridCalibration(prior, prior, ScaleSource.Grid, confidence);
            return new GridCalibration(x.Value.PxPerMm, y.Value.PxPerMm, ScaleSource.Grid, confidence);
        }
        // One axis only, or two that disagree the way a comb locked onto k mm and read it as 5 mm does (blur and
        // JPEG can leave one axis's 1 mm lines too faint): grid squares are square, so the clearer axis serves both.
        var one = x is null ? y : y is null ? x : MisreadMultiple(x.Value, y.Value);
        if (one is not null)
            return new GridCalibration(one.Value.PxPerMm, one.Value.PxPerMm, ScaleSource.Grid, one.Value.Confidence * 0.7);
        if (dpi is > 50 and < 2400) return new GridCalibration(prior, prior, ScaleSource.Dpi, 0.5);
        return new GridCalibration(prior, prior, ScaleSource.Assumed, 0.1);
    }

    /// <summary>The clearer of two disagreeing axes when the other reads k/5 of it (k = 1..4) within 2% and
    /// the clearer one is itself clear; otherwise null (the grid is not trusted).</summary>
    private static Estimate? MisreadMultiple(Estimate x, Estimate y)
    {
        var (clear, other) = x.Confidence >= y.Confidence ? (x, y) : (y, x);
        if (clear.Confidence < 0.3) return null;
        var ratio = Math.Min(clear.PxPerMm, other.PxPerMm) / Math.Max(clear.PxPerMm, other.PxPerMm);
        for (var k = 1; k <= 4; k++) if (Math.Abs(ratio / (k / 5.0) - 1) < 0.02) return clear;
        return null;
    }

    /// <summary>Mean grey level of every column and of every row, with trace and text ink counted as paper:
    /// their mass would drown a faint grid. One vectorised pass over the page.</summary>
    private static (float[] Columns, float[] Rows) GridMeans(Mat gray)
    {
        int w = gray.Width, h = gray.Height, lanes = Vector<byte>.Count;
        var columnSums = new uint[w];
        var rowMeans = new float[h];
        var inkLevel = new Vector<byte>(InkLevel);
        var sumSpans = MemoryMarshal.Cast<uint, Vector<uint>>(columnSums.AsSpan());
        for (var y = 0; y < h; y++)
        {
            var row = gray.RowSpan<byte>(y);
            var rowSum = Vector<uint>.Zero;
            uint tail = 0;
            var x = 0;
            for (; x + lanes <= w; x += lanes)
            {
                var v = new Vector<byte>(row[x..]);
                v = Vector.ConditionalSelect(Vector.LessThanOrEqual(v, inkLevel), Vector<byte>.AllBitsSet, v);
                Vector.Widen(v, out var lo, out var hi);
                Vector.Widen(lo, out var a, out var b);
                Vector.Widen(hi, out var c, out var d);
                var k = x / Vector<uint>.Count;
                sumSpans[k] += a;
                sumSpans[k + 1] += b;
                sumSpans[k + 2] += c;
                sumSpans[k + 3] += d;
                rowSum += a + b + c + d;
            }
            for (; x < w; x++)
            {
                uint v = row[x] <= InkLevel ? (byte)255 : row[x];
                columnSums[x] += v;
                tail += v;
            }
            rowMeans[y] = (float)((Vector.Sum(rowSum) + tail) / (double)w);
        }
        var columnMeans = new float[w];
        for (var x = 0; x < w; x++) columnMeans[x] = (float)(columnSums[x] / (double)h);
        return (columnMeans, rowMeans);
    }

    /// <summary>Removes page-scale shading and text blocks from a profile, keeping line-scale repetition.</summary>
    private static float[] HighPass(float[] raw)
    {
        const int half = 32;
        var n = raw.Length;
        var p = new float[n];
        var prefix = new double[n + 1];
        for (var i = 0; i < n; i++) prefix[i + 1] = prefix[i] + raw[i];
        for (var i = 0; i < n; i++)
        {
            int a = Math.Max(0, i - half), b = Math.Min(n, i + half + 1);
            p[i] = (float)((prefix[b] - prefix[a]) / (b - a) - raw[i]);
        }
        return p;
    }

    /// <summary>Sum of the products of the profile with itself shifted by <paramref name="lag"/>: float products
    /// summed in double, in vector lanes.</summary>
    private static double LaggedDot(float[] p, int lag)
    {
        var n = p.Length - lag;
        var a = p.AsSpan(0, n);
        var b = p.AsSpan(lag, n);
        var acc = Vector<double>.Zero;
        var i = 0;
        for (; i + Vector<float>.Count <= n; i += Vector<float>.Count)
        {
            Vector.Widen(new Vector<float>(a[i..]) * new Vector<float>(b[i..]), out var lo, out var hi);
            acc += lo + hi;
        }
        var s = Vector.Sum(acc);
        for (; i < n; i++) s += a[i] * b[i];
        return s;
    }

    private readonly record struct Estimate(double PxPerMm, double Confidence);

    private static Estimate? Period(float[] p, double prior)
    {
        var maxLag = Math.Min(p.Length / 2, 700);
        if (maxLag < 40) return null;
        var r = new double[maxLag + 2];
        for (var lag = 0; lag <= maxLag + 1; lag++)
        {
            r[lag] = LaggedDot(p, lag) / (p.Length - lag);
        }
        if (r[0] <= 0) return null;
        var r0 = r[0];
        for (var lag = 0; lag < r.Length; lag++) r[lag] /= r0;

        // Comb: a period's score is the mean autocorrelation at all its multiples. Multiples of the true period
        // score as high as the period itself, so the smallest period close to the best score is the grid's.
        var minPeriod = Math.Max(2.5, MinPxPerMm);
        var maxPeriod = Math.Min(maxLag / 8.0, 5 * MaxPxPerMm);
        var candidates = new List<(double P, double Score)>();
        // The scan uses a short comb (12 teeth) that tolerates its 0.05 px step; the refinement uses every tooth.
        for (var period = minPeriod; period <= maxPeriod; period += 0.05) candidates.Add((period, Comb(r, period, Math.Min(maxLag, (int)(12 * period)))));
        if (candidates.Count == 0 || candidates.Max(c => c.Score) < 0.05) return null;
        // The strongest comb may be a multiple of the grid period (5 mm major lines, or 2, 3, 8 mm by chance);
        // the smallest divisor that still repeats clearly is the period.
        var (strongest, strongScore) = candidates.MaxBy(c => c.Score);
        var coarse = strongest;
        for (var k = 40; k >= 2; k--)
        {
            var sub = strongest / k;
            if (sub < minPeriod) continue;
            var near = candidates.Where(c => Math.Abs(c.P - sub) <= 0.15).ToList();
            if (near.Count == 0) continue;
            var bestNear = near.MaxBy(c => c.Score);
            if (bestNear.Score >= 0.4 * strongScore) { coarse = bestNear.P; break; }
        }
        double fine = coarse, fineScore = double.MinValue;
        for (var period = coarse - 0.1; period <= coarse + 0.1; period += 0.002)
        {
            var sc = Comb(r, period, maxLag);
            if (sc > fineScore) { fineScore = sc; fine = period; }
        }
        // The fundamental is 0.5 mm (dotted grids), 1 mm (minor lines), 2.5 mm (dots between major lines) or
        // 5 mm (major lines only): take the reading nearest the prior.
        var pxPerMm = new[] { 2 * fine, fine, fine / 2.5, fine / 5 }.MinBy(v => Math.Abs(Math.Log(v / prior)));
        if (pxPerMm is < MinPxPerMm or > MaxPxPerMm) return null;
        return new Estimate(pxPerMm, Math.Clamp(fineScore * 2, 0, 1));
    }

    private static double Comb(double[] r, double period, int maxLag)
    {
        double s = 0; var n = 0;
        for (var lag = period; lag <= maxLag; lag += period)
        {
            var i = (int)lag;
            var f = lag - i;
            s += r[i] + (r[i + 1] - r[i]) * f;
            n++;
        }
        return n == 0 ? 0 : s / n;
    }
}
