using HeartGuard.Models.Deep.Training;

namespace HeartGuard.Models.Deep.Tests;

public class ImageAugmentationTests
{
    private const int Height = 48, Width = 96;

    /// <summary>A sawtooth in the upper half: a slow rise then a sudden drop, repeated. Reversed in time it
    /// becomes a sudden rise and a slow fall; upside down it sits in the lower half, so each flip moves ink.</summary>
    private static float[] Sawtooth()
    {
        var image = new float[Height * Width];
        for (var x = 4; x < Width - 4; x++)
        {
            var phase = (x - 4) % 22;
            var y = 20 - phase * 14 / 21;
            image[y * Width + x] = 1;
            if (phase == 21)
                for (var drop = y; drop <= 20; drop++) image[drop * Width + x] = 1;
        }
        return image;
    }

    [Fact]
    public void AugmentedPagesStayCloserToTheOriginalThanToItsTimeReversalOrItsInversion()
    {
        var original = Sawtooth();
        var reversed = new float[original.Length];
        var inverted = new float[original.Length];
        for (var y = 0; y < Height; y++)
            for (var x = 0; x < Width; x++)
            {
                reversed[y * Width + (Width - 1 - x)] = original[y * Width + x];
                inverted[(Height - 1 - y) * Width + x] = original[y * Width + x];
            }
        var augmentation = new ImageAugmentation(Height, Width, maxShiftPx: 2);
        var augmented = new float[original.Length];
        var rng = new Random(7);
        for (var trial = 0; trial < 50; trial++)
        {
            augmentation.Apply(original, augmented, rng);
            // Blurred to a few px so small shifts and rescaling still overlap their source.
            var a = Smooth(augmented);
            Assert.True(Correlation(a, Smooth(original)) > Correlation(a, Smooth(reversed)) + 0.1, $"trial {trial}: closer to the time-reversed page");
            Assert.True(Correlation(a, Smooth(original)) > Correlation(a, Smooth(inverted)) + 0.1, $"trial {trial}: closer to the inverted page");
        }
    }

    [Fact]
    public void TheSameGeneratorStateGivesTheSameAugmentationAndItChangesThePage()
    {
        var original = Sawtooth();
        var a = new float[original.Length];
        var b = new float[original.Length];
        new ImageAugmentation(Height, Width).Apply(original, a, new Random(3));
        new ImageAugmentation(Height, Width).Apply(original, b, new Random(3));
        Assert.Equal(a, b);
        Assert.NotEqual(original, a);
    }

    private static float[] Smooth(float[] image)
    {
        var result = new float[image.Length];
        const int r = 3;
        for (var y = 0; y < Height; y++)
            for (var x = 0; x < Width; x++)
            {
                float sum = 0;
                for (var dy = -r; dy <= r; dy++)
                    for (var dx = -r; dx <= r; dx++)
                    {
                        int yy = y + dy, xx = x + dx;
                        if (yy >= 0 && yy < Height && xx >= 0 && xx < Width) sum += image[yy * Width + xx];
                    }
                result[y * Width + x] = sum;
            }
        return result;
    }

    private static double Correlation(float[] a, float[] b)
    {
        double ma = a.Average(), mb = b.Average(), ab = 0, aa = 0, bb = 0;
        for (var i = 0; i < a.Length; i++)
        {
            ab += (a[i] - ma) * (b[i] - mb);
            aa += (a[i] - ma) * (a[i] - ma);
            bb += (b[i] - mb) * (b[i] - mb);
        }
        return ab / Math.Sqrt(aa * bb);
    }
}
