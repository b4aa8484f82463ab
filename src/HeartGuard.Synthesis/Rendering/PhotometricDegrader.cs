using SkiaSharp;

namespace HeartGuard.Synthesis;

/// <summary>Uneven lighting, blur and sensor noise, in that order (light falls on paper before the camera
/// blurs and adds noise). These change pixel values only, never positions.</summary>
public static class PhotometricDegrader
{
    public static SKBitmap Apply(SKBitmap image, Degradations d, Random random, List<AppliedDegradation> applied)
    {
        if (d.Shadow > 0) Shadow(image, d.Shadow, random, applied);
        if (d.BlurSigmaPx > 0)
        {
            var blurred = Blur(image, d.BlurSigmaPx);
            image.Dispose();
            image = blurred;
            applied.Add(new("blur", new Dictionary<string, double> { ["sigma_px"] = d.BlurSigmaPx }));
        }
        if (d.NoiseSigma > 0) Noise(image, d.NoiseSigma, random, applied);
        return image;
    }

    private static void Shadow(SKBitmap image, double strength, Random random, List<AppliedDegradation> applied)
    {
        // A linear falloff across the page from a seeded direction, multiplied into the image.
        var angle = random.NextDouble() * 2 * Math.PI;
        var darkest = 1 - strength * 0.7;
        var c = new SKPoint(image.Width / 2f, image.Height / 2f);
        var half = Math.Max(image.Width, image.Height) / 2f;
        var dir = new SKPoint((float)Math.Cos(angle) * half, (float)Math.Sin(angle) * half);
        var shade = (byte)Math.Round(255 * darkest);
        using var shader = SKShader.CreateLinearGradient(c - dir, c + dir, [SKColors.White, new SKColor(shade, shade, (byte)Math.Min(255, shade + 8))], SKShaderTileMode.Clamp);
        using var paint = new SKPaint { Shader = shader, BlendMode = SKBlendMode.Multiply };
        using var canvas = new SKCanvas(image);
        canvas.DrawRect(0, 0, image.Width, image.Height, paint);
        applied.Add(new("shadow", new Dictionary<string, double> { ["strength"] = strength, ["direction_deg"] = angle * 180 / Math.PI, ["darkest_factor"] = darkest }));
    }

    private static SKBitmap Blur(SKBitmap image, double sigma)
    {
        var result = new SKBitmap(image.Info);
        using var canvas = new SKCanvas(result);
        using var filter = SKImageFilter.CreateBlur((float)sigma, (float)sigma, SKShaderTileMode.Clamp);
        using var paint = new SKPaint { ImageFilter = filter };
        canvas.DrawBitmap(image, 0, 0, paint);
        return result;
    }

    private static void Noise(SKBitmap image, double sigma, Random random, List<AppliedDegradation> applied)
    {
        // A table of Gaussian draws indexed by a seeded generator: exact, repeatable and cheap per pixel.
        var table = new short[4096];
        for (var i = 0; i < table.Length; i++) table[i] = (short)Math.Round(sigma * random.NextGaussian());
        var pixels = image.GetPixelSpan();
        var state = (uint)random.Next() | 1u;
        var bytesPerPixel = image.BytesPerPixel;
        var colourBytes = Math.Min(3, bytesPerPixel); // alpha, if any, stays opaque
        for (var p = 0; p + bytesPerPixel <= pixels.Length; p += bytesPerPixel)
            for (var c = 0; c < colourBytes; c++)
            {
                state ^= state << 13; state ^= state >> 17; state ^= state << 5;
                var v = pixels[p + c] + table[state & 4095];
                pixels[p + c] = (byte)(v < 0 ? 0 : v > 255 ? 255 : v);
            }
        applied.Add(new("noise", new Dictionary<string, double> { ["sigma"] = sigma }));
    }
}
