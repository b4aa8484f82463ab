namespace HeartGuard.Synthesis;

internal static class RandomExtensions
{
    /// <summary>A standard normal draw (Box-Muller), so every seeded stage draws noise the same way.</summary>
    public static double NextGaussian(this Random random)
    {
        var u1 = 1.0 - random.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * random.NextDouble());
    }
}
