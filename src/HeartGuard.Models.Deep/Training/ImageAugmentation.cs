namespace HeartGuard.Models.Deep.Training;

/// <summary>ECG-safe augmentation of a <see cref="Inputs.TraceImage"/> for training: a shift of a few px, a
/// scale of up to ±5 % on each axis about the centre (paper speed and gain are never exactly nominal, nor is
/// a photo's distance), on half the pages a slight blur (scan or camera softness), and white noise. Never a
/// horizontal flip, which reverses time, nor a vertical one, which inverts every deflection (an inverted T
/// wave or a Q wave is a finding). Not thread-safe: it keeps its scratch rows.</summary>
public sealed class ImageAugmentation(int heightPx, int widthPx, float maxShiftPx = 4, float scaleSpread = 0.05f,
    float maxBlurWeight = 0.25f, float noise = 0.03f) : IAugmentation
{
    private readonly float[] _scratch = new float[heightPx * widthPx];
    private readonly int[] _sourceColumn = new int[widthPx];
    private readonly float[] _columnWeight = new float[widthPx];

    public void Apply(ReadOnlySpan<float> image, Span<float> target, Random rng)
    {
        var dx = maxShiftPx * (2 * rng.NextSingle() - 1);
        var dy = maxShiftPx * (2 * rng.NextSingle() - 1);
        var sx = 1 + scaleSpread * (2 * rng.NextSingle() - 1);
        var sy = 1 + scaleSpread * (2 * rng.NextSingle() - 1);
        var blur = rng.NextSingle() < 0.5f ? maxBlurWeight * rng.NextSingle() : 0f;
        Warp(image, target, dx, dy, sx, sy);
        if (blur > 0) Blur(target, blur);
        for (var i = 0; i < target.Length; i++) target[i] += noise * IAugmentation.Gaussian(rng);
    }

    /// <summary>target(x, y) = image((x - cx) / sx + cx - dx, (y - cy) / sy + cy - dy), bilinear, 0 outside.</summary>
    private void Warp(ReadOnlySpan<float> image, Span<float> target, float dx, float dy, float sx, float sy)
    {
        float cx = (widthPx - 1) / 2f, cy = (heightPx - 1) / 2f;
        for (var x = 0; x < widthPx; x++)
        {
            var source = (x - cx) / sx + cx - dx;
            var floor = MathF.Floor(source);
            _sourceColumn[x] = (int)floor;
            _columnWeight[x] = source - floor;
        }
        target.Clear();
        for (var y = 0; y < heightPx; y++)
        {
            var source = (y - cy) / sy + cy - dy;
            var floor = MathF.Floor(source);
            int row = (int)floor;
            var fy = source - floor;
            var outRow = target.Slice(y * widthPx, widthPx);
            for (var x = 0; x < widthPx; x++)
            {
                int column = _sourceColumn[x];
                var fx = _columnWeight[x];
                outRow[x] = (1 - fy) * ((1 - fx) * At(image, row, column) + fx * At(image, row, column + 1))
                    + fy * ((1 - fx) * At(image, row + 1, column) + fx * At(image, row + 1, column + 1));
            }
        }
    }

    private float At(ReadOnlySpan<float> image, int row, int column) =>
        (uint)row < (uint)heightPx && (uint)column < (uint)widthPx ? image[row * widthPx + column] : 0f;

    /// <summary>Separable 3-tap kernel [w, 1 - 2w, w] along rows, then columns; 0 beyond the edges.</summary>
    private void Blur(Span<float> image, float w)
    {
        var centre = 1 - 2 * w;
        var scratch = _scratch.AsSpan();
        for (var y = 0; y < heightPx; y++)
        {
            var row = image.Slice(y * widthPx, widthPx);
            var outRow = scratch.Slice(y * widthPx, widthPx);
            for (var x = 0; x < widthPx; x++)
                outRow[x] = centre * row[x] + w * ((x > 0 ? row[x - 1] : 0) + (x + 1 < widthPx ? row[x + 1] : 0));
        }
        for (var y = 0; y < heightPx; y++)
            for (var x = 0; x < widthPx; x++)
            {
                var i = y * widthPx + x;
                image[i] = centre * scratch[i] + w * ((y > 0 ? scratch[i - widthPx] : 0) + (y + 1 < heightPx ? scratch[i + widthPx] : 0));
            }
    }
}
