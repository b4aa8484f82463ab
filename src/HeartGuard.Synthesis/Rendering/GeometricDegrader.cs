using SkiaSharp;

namespace HeartGuard.Synthesis;

/// <summary>Rotation, perspective warp, scaling and cropping, composed into one page->image homography
/// and applied in a single resampling pass (bilinear), so ground truth maps through exactly the same map.</summary>
public sealed class GeometricDegrader
{
    /// <summary>What shows outside the paper after a rotation or warp: a dark desk.</summary>
    public static readonly SKColor Background = new(64, 64, 64);

    private GeometricDegrader(Homography pageToImage, int widthPx, int heightPx, IReadOnlyList<AppliedDegradation> applied)
    {
        PageToImage = pageToImage;
        WidthPx = widthPx;
        HeightPx = heightPx;
        Applied = applied;
    }

    public Homography PageToImage { get; }
    public int WidthPx { get; }
    public int HeightPx { get; }
    public IReadOnlyList<AppliedDegradation> Applied { get; }

    public static GeometricDegrader Plan(Degradations d, int pageWidthPx, int pageHeightPx, Random random)
    {
        var h = Homography.Identity;
        var applied = new List<AppliedDegradation>();
        double w = pageWidthPx, ht = pageHeightPx;
        if (d.RotationDeg != 0)
        {
            h = h.Then(Homography.Rotation(d.RotationDeg, (w - 1) / 2, (ht - 1) / 2));
            applied.Add(new("rotation", new Dictionary<string, double> { ["degrees"] = d.RotationDeg }));
        }
        if (d.Perspective > 0)
        {
            (double X, double Y)[] corners = [(0, 0), (w - 1, 0), (w - 1, ht - 1), (0, ht - 1)];
            var maxShift = d.Perspective * w;
            var moved = corners.Select(c => (c.X + (random.NextDouble() * 2 - 1) * maxShift, c.Y + (random.NextDouble() * 2 - 1) * maxShift)).ToArray();
            h = h.Then(Homography.FromCorners(corners, moved));
            var parameters = new Dictionary<string, double> { ["max_corner_shift_px"] = maxShift };
            for (var i = 0; i < 4; i++) { parameters[$"corner{i}_dx_px"] = moved[i].Item1 - corners[i].X; parameters[$"corner{i}_dy_px"] = moved[i].Item2 - corners[i].Y; }
            applied.Add(new("perspective", parameters));
        }
        if (d.Scale != 1)
        {
            h = h.Then(Homography.Translation(0.5, 0.5)).Then(Homography.Scaling(d.Scale)).Then(Homography.Translation(-0.5, -0.5));
            w = Math.Max(1, Math.Round(w * d.Scale));
            ht = Math.Max(1, Math.Round(ht * d.Scale));
            applied.Add(new("scale", new Dictionary<string, double> { ["factor"] = d.Scale }));
        }
        if (d.Crop > 0)
        {
            double left = Math.Round(random.NextDouble() * d.Crop * w), right = Math.Round(random.NextDouble() * d.Crop * w);
            double top = Math.Round(random.NextDouble() * d.Crop * ht), bottom = Math.Round(random.NextDouble() * d.Crop * ht);
            h = h.Then(Homography.Translation(-left, -top));
            w -= left + right;
            ht -= top + bottom;
            applied.Add(new("crop", new Dictionary<string, double> { ["left_px"] = left, ["top_px"] = top, ["right_px"] = right, ["bottom_px"] = bottom }));
        }
        return new GeometricDegrader(h, (int)w, (int)ht, applied);
    }

    public SKBitmap Apply(SKBitmap page)
    {
        if (Applied.Count == 0) return page.Copy();
        var result = new SKBitmap(new SKImageInfo(WidthPx, HeightPx, page.ColorType, SKAlphaType.Opaque));
        using var canvas = new SKCanvas(result);
        canvas.Clear(Background);
        canvas.SetMatrix(PageToImage.ToSkiaPixelMatrix());
        using var image = SKImage.FromBitmap(page);
        canvas.DrawImage(image, 0, 0, new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.None));
        return result;
    }
}
