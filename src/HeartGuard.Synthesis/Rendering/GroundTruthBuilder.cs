using HeartGuard.Core;
using SkiaSharp;

namespace HeartGuard.Synthesis;

/// <summary>Maps everything drawn on the undistorted page through the page->image homography into the
/// <see cref="GroundTruth"/> record.</summary>
internal static class GroundTruthBuilder
{
    public static GroundTruth Build(EcgRecord record, PageSpec spec, PageGeometry g, GeometricDegrader geometric,
        IReadOnlyList<AppliedDegradation> applied, IReadOnlyList<DrawnTrace> traces, IReadOnlyList<CalibrationPulse> pulses,
        IReadOnlyDictionary<LeadPlacement, SKRect> labels)
    {
        var h = geometric.PageToImage;
        var placements = traces.Select(t =>
        {
            var pixels = new double[]?[t.PagePoints.Length];
            for (var i = 0; i < pixels.Length; i++)
            {
                var p = t.PagePoints[i];
                if (float.IsNaN(p.X)) continue;
                var (x, y) = h.Map(p.X, p.Y);
                pixels[i] = [Math.Round(x, 2), Math.Round(y, 2)];
            }
            return new PlacementTruth
            {
                Lead = t.Placement.Lead,
                Row = t.Placement.Row,
                Column = t.Placement.Column,
                IsRhythmStrip = t.Placement.IsRhythmStrip,
                StartSample = t.StartSample,
                EndSample = t.EndSample,
                StartS = t.StartSample / record.SamplingRateHz,
                PxPerS = g.PxPerS,
                PxPerMv = g.PxPerMv,
                OriginXPx = Math.Round(t.OriginXPx, 4),
                BaselineYPx = Math.Round(t.BaselineYPx, 4),
                BoundingBox = Bounds(pixels.Where(p => p is not null).Select(p => (p![0], p[1]))),
                LabelBoundingBox = labels.TryGetValue(t.Placement, out var box) ? MappedBox(h, box) : null,
                PlottedPixels = pixels,
            };
        }).ToList();

        return new GroundTruth
        {
            RecordName = record.Name,
            SamplingRateHz = record.SamplingRateHz,
            WidthPx = geometric.WidthPx,
            HeightPx = geometric.HeightPx,
            PageWidthPx = g.WidthPx,
            PageHeightPx = g.HeightPx,
            Dpi = spec.Dpi,
            PxPerMmX = g.PxPerMm,
            PxPerMmY = g.PxPerMm,
            SpeedMmPerS = spec.SpeedMmPerS,
            GainMmPerMv = spec.GainMmPerMv,
            Layout = spec.Layout,
            Grid = spec.Grid,
            ShownDurationS = g.ShownDurationS,
            Degradations = applied,
            Homography = h.ToRows(),
            CalibrationPulses = pulses,
            Placements = placements,
        };
    }

    private static double[] MappedBox(Homography h, SKRect r) =>
        Bounds(new[] { (r.Left, r.Top), (r.Right, r.Top), (r.Right, r.Bottom), (r.Left, r.Bottom) }.Select(c => h.Map(c.Item1, c.Item2)));

    private static double[] Bounds(IEnumerable<(double X, double Y)> points)
    {
        double l = double.MaxValue, t = double.MaxValue, r = double.MinValue, b = double.MinValue;
        foreach (var (x, y) in points) { l = Math.Min(l, x); t = Math.Min(t, y); r = Math.Max(r, x); b = Math.Max(b, y); }
        return l > r ? [] : [Math.Round(l, 2), Math.Round(t, 2), Math.Round(r, 2), Math.Round(b, 2)];
    }
}
