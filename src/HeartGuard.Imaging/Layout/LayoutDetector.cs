using HeartGuard.Core;
using HeartGuard.Imaging.Cleanup;

namespace HeartGuard.Imaging.Layout;

public interface ILayoutDetector
{
    PageLayout Detect(InkMask ink, GridCalibration scale, DigitizerOptions options);
}

/// <summary>Stage 5: rows of traces and the layout they form. A trace row is a horizontal band where ink is
/// present in almost every column (a text line has gaps, a rule was erased by clean-up); the isoelectric
/// line is the densest ink row inside it. The number of rows then names the layout: 4 = 3x4+1,
/// 6 = 3x4+3 or 6x2 (told apart later from the traces), 12 = 12x1.</summary>
public sealed class LayoutDetector : ILayoutDetector
{
    private const double MinCoverage = 0.6;
    /// <summary>Coverage enough for a row that sits exactly where the page's row spacing puts one.</summary>
    private const double MinCoverageAtPitch = 0.45;
    private const double BandHalfMm = 4;
    /// <summary>Trace rows span (almost) the page's full trace width; a header's text block beside a logo or
    /// measurements table spans half to two thirds of it (GE scans at 90 dpi: 0.49-0.67), and once thin pen
    /// lines are reconnected (see InkSeparator) its coverage can pass <see cref="MinCoverage"/>.</summary>
    private const double MinExtentShare = 0.7;

    public PageLayout Detect(InkMask ink, GridCalibration scale, DigitizerOptions options)
    {
        var profile = RowProfile(ink);
        var minSeparation = (int)(8 * scale.PxPerMmY);
        var halfBand = (int)(BandHalfMm * scale.PxPerMmY);
        var candidates = new List<TraceRow>();
        foreach (var y in Peaks(profile, minSeparation))
        {
            var row = Measure(ink, y, halfBand);
            if (row is not null) candidates.Add(row);
        }
        var widest = candidates.Count == 0 ? 0 : candidates.Max(r => r.EndX - r.StartX);
        var rows = candidates
            .Where(r => r.Coverage >= MinCoverage && r.EndX - r.StartX >= MinExtentShare * widest)
            .OrderBy(r => r.BaselineY).ToList();
        if (rows.Count == 0) throw new DigitizationException(DigitizationError.NotAnEcg, "no traces found" + NearestMiss(candidates, widest));
        if (rows.Count < 3)
            throw new DigitizationException(DigitizationError.NotAnEcg,
                $"only {rows.Count} trace row{(rows.Count == 1 ? "" : "s")} found where a 12-lead page has at least 3 (3x4, 6x2, 12x1): rhythm strips alone, or rows too faint or broken to follow");
        rows = WithRowsAtPitch(rows, candidates, widest);

        var (name, wanted) = rows.Count switch
        {
            >= 12 => ("12x1", 12),
            >= 6 => ("6x2", 6),
            _ => ("3x4+1", 4),
        };
        // Keep the best-covered rows when there are more than the layout needs (stray text lines).
        if (rows.Count > wanted)
            rows = rows.OrderByDescending(r => r.Coverage).Take(wanted).OrderBy(r => r.BaselineY).ToList();
        var confidence = rows.Average(r => r.Coverage) * (rows.Count == wanted ? 1.0 : 0.6) * Regularity(rows, name);
        rows = WithBands(Aligned(rows), ink.Height).Select(r => ExtendedAlongStroke(ink, r, halfBand)).ToList();
        var layout = EcgLayout.Standard(name, options.RecordDurationS);
        // Fewer rows than the layout has (a 3x4 page without rhythm strip): the missing rows stay missing.
        if (rows.Count < layout.TotalRows)
            layout = layout with { Placements = layout.Placements.Where(p => p.Row < rows.Count).ToList() };
        return new PageLayout(layout, Math.Clamp(confidence, 0, 1), rows);
    }

    /// <summary>Why a page with ink bands across it still has no trace row: a hairline or faint pen read at 72 dpi
    /// (ecg00054: 56 % of the columns) is a different failure from a picture with no ECG in it.</summary>
    private static string NearestMiss(List<TraceRow> candidates, int widest)
    {
        var best = candidates.Where(r => r.EndX - r.StartX >= MinExtentShare * widest).MaxBy(r => r.Coverage);
        return best is null || best.Coverage < 0.2 ? "" :
            $": the best row of ink covers {best.Coverage:P0} of its columns, {MinCoverage:P0} needed (a pen too thin or faint at this resolution?)";
    }

    private static int[] RowProfile(InkMask ink)
    {
        using var sums = new OpenCvSharp.Mat();
        OpenCvSharp.Cv2.Reduce(ink.Columns, sums, OpenCvSharp.ReduceDimension.Row, OpenCvSharp.ReduceTypes.Sum, OpenCvSharp.MatType.CV_32S);
        sums.GetArray(out int[] profile);
        return profile;
    }

    private static IEnumerable<int> Peaks(int[] profile, int minSeparation)
    {
        var n = profile.Length;
        var smooth = new double[n];
        const int half = 2;
        for (var i = 0; i < n; i++)
        {
            double s = 0;
            for (var j = Math.Max(0, i - half); j <= Math.Min(n - 1, i + half); j++) s += profile[j];
            smooth[i] = s;
        }
        var max = smooth.Max();
        var order = Enumerable.Range(0, n).Where(i => smooth[i] > 0.08 * max).OrderByDescending(i => smooth[i]);
        var taken = new List<int>();
        foreach (var i in order)
            if (taken.All(t => Math.Abs(t - i) >= minSeparation)) taken.Add(i);
        return taken;
    }

    /// <summary>Coverage of the band around a baseline candidate: the share of columns between its first and
    /// last inked column that have ink near the line.</summary>
    private static TraceRow? Measure(InkMask ink, int y, int halfBand)
    {
        int top = Math.Max(0, y - halfBand), bottom = Math.Min(ink.Height - 1, y + halfBand);
        int first = -1, last = -1, inked = 0;
        for (var x = 0; x < ink.Width; x++)
        {
            if (ink.Column(x)[top..(bottom + 1)].IndexOfAnyExcept((byte)0) < 0) continue;
            if (first < 0) first = x;
            last = x;
            inked++;
        }
        if (first < 0 || last - first < 50) return null;
        return new TraceRow(0, y, top, bottom, first, last, inked / (double)(last - first + 1));
    }

    /// <summary>A page's rows are evenly spaced. When fewer than four rows pass <see cref="MinCoverage"/>, a
    /// full-width candidate that continues their spacing above or below (within 10 % of the pitch) is taken at
    /// <see cref="MinCoverageAtPitch"/>: a faint first row (ecg00003: 59 %) would otherwise shift every lead
    /// label down by one row. Header text does not sit at the pitch (ecg00016: 75 px above, pitch 128).</summary>
    private static List<TraceRow> WithRowsAtPitch(List<TraceRow> rows, List<TraceRow> candidates, int widest)
    {
        if (rows.Count >= 4) return rows;
        var pitch = (rows[^1].BaselineY - rows[0].BaselineY) / (rows.Count - 1);
        var result = new List<TraceRow>(rows);
        foreach (var expected in new[] { rows[0].BaselineY - pitch, rows[^1].BaselineY + pitch })
        {
            var match = candidates
                .Where(r => r.Coverage >= MinCoverageAtPitch && r.EndX - r.StartX >= MinExtentShare * widest &&
                            Math.Abs(r.BaselineY - expected) <= 0.1 * pitch && !result.Contains(r))
                .MaxBy(r => r.Coverage);
            if (match is not null && result.Count < 4) result.Add(match);
        }
        return result.OrderBy(r => r.BaselineY).ToList();
    }

    /// <summary>3x4 pages space their rows evenly; irregular spacing lowers confidence.</summary>
    private static double Regularity(List<TraceRow> rows, string name)
    {
        if (rows.Count < 3) return 0.5;
        var gaps = rows.Zip(rows.Skip(1), (a, b) => b.BaselineY - a.BaselineY).ToList();
        var mean = gaps.Average();
        var spread = gaps.Max(g => Math.Abs(g - mean)) / mean;
        return name == "12x1" || name == "6x2" ? 1 - Math.Min(0.5, spread) : 1 - Math.Min(0.5, spread / 2);
    }

    /// <summary>Rows of a printed ECG start and end at the same x. A row whose trace wanders more than the
    /// ±4 mm measuring band (baseline drift in its last segment) looks shorter than it is; it gets the
    /// others' extent, so its extraction does not stop where the drift began.</summary>
    private static List<TraceRow> Aligned(List<TraceRow> rows)
    {
        var starts = rows.Select(r => r.StartX).Order().ToList();
        var ends = rows.Select(r => r.EndX).Order().ToList();
        int start = starts[starts.Count / 2], end = ends[ends.Count / 2];
        return rows.Select(r => r with { StartX = Math.Min(r.StartX, start), EndX = Math.Max(r.EndX, end) }).ToList();
    }

    /// <summary>A row is measured by its ink near the baseline, so a trace that ends far from it (a step to
    /// 2 mV in its last 0.2 s) seemed to end where it left the band. The row goes on as long as ink in the
    /// next column touches the stroke's ink in this one, anywhere within the row's band: a connected stroke,
    /// which text or a mark after a gap is not.</summary>
    private static TraceRow ExtendedAlongStroke(InkMask ink, TraceRow row, int halfBand)
    {
        int lo = Math.Max(row.TopY, (int)row.BaselineY - halfBand), hi = Math.Min(row.BottomY, (int)row.BaselineY + halfBand);
        // The walk starts at the row's own last column near the baseline: the others' extent (Aligned) may already
        // lie past where this row's stroke left the band.
        var end = row.EndX;
        while (end > row.StartX && !Touching(ink.Column(end), row.TopY, row.BottomY, ref lo, ref hi)) end--;
        if (end == row.StartX) return row;
        while (end + 1 < ink.Width && Touching(ink.Column(end + 1), row.TopY, row.BottomY, ref lo, ref hi)) end++;
        return end > row.EndX ? row with { EndX = end } : row;
    }

    /// <summary>True when <paramref name="column"/> has ink in [lo - 1, hi + 1] (within the band); [lo, hi]
    /// then becomes the extent of the ink runs that touch it.</summary>
    private static bool Touching(ReadOnlySpan<byte> column, int bandTop, int bandBottom, ref int lo, ref int hi)
    {
        int from = Math.Max(bandTop, lo - 1), to = Math.Min(bandBottom, hi + 1);
        if (from > to) return false;
        var at = column[from..(to + 1)].IndexOfAnyExcept((byte)0);
        if (at < 0) return false;
        int newLo = from + at, newHi = from + column[from..(to + 1)].LastIndexOfAnyExcept((byte)0);
        while (newLo > bandTop && column[newLo - 1] != 0) newLo--;
        while (newHi < bandBottom && column[newHi + 1] != 0) newHi++;
        (lo, hi) = (newLo, newHi);
        return true;
    }

    /// <summary>Each row may use the space up to 85% of the way to its neighbours: tall QRS complexes reach far,
    /// and the trace extractor's continuity keeps them apart where they meet.</summary>
    private static List<TraceRow> WithBands(List<TraceRow> rows, int height)
    {
        var result = new List<TraceRow>(rows.Count);
        var pitch = rows.Count > 1 ? (rows[^1].BaselineY - rows[0].BaselineY) / (rows.Count - 1) : height / 4.0;
        for (var i = 0; i < rows.Count; i++)
        {
            var up = i > 0 ? rows[i].BaselineY - rows[i - 1].BaselineY : pitch;
            var down = i < rows.Count - 1 ? rows[i + 1].BaselineY - rows[i].BaselineY : pitch;
            var top = (int)Math.Max(0, rows[i].BaselineY - 0.85 * up);
            var bottom = (int)Math.Min(height - 1, rows[i].BaselineY + 0.85 * down);
            result.Add(rows[i] with { Index = i, TopY = top, BottomY = bottom });
        }
        return result;
    }
}
