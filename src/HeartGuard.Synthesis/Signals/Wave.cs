using System.Numerics;

namespace HeartGuard.Synthesis;

public enum WaveShape { Gaussian, Plateau }

/// <summary>One component of the cardiac dipole during a beat, as a time course times a fixed direction
/// (x: patient's left, y: inferior, z: anterior; length in mV). Times are seconds from the beat's R peak.
/// A Gaussian is asymmetric (own width left and right of its centre); a Plateau holds its amplitude from
/// Centre - Left to Centre + Right with soft edges (an ST-segment injury current).</summary>
public readonly record struct Wave(WaveShape Shape, double CenterS, double LeftS, double RightS, Vector3 AmplitudeMv)
{
    private const double PlateauEdgeS = 0.012;

    public static Wave Gaussian(double centerS, double widthS, Vector3 mv) => new(WaveShape.Gaussian, centerS, widthS, widthS, mv);
    public static Wave Gaussian(double centerS, double leftS, double rightS, Vector3 mv) => new(WaveShape.Gaussian, centerS, leftS, rightS, mv);
    public static Wave Plateau(double startS, double endS, Vector3 mv) =>
        new(WaveShape.Plateau, (startS + endS) / 2, (endS - startS) / 2, (endS - startS) / 2, mv);

    /// <summary>The time course at <paramref name="t"/> seconds from the R peak (0..1).</summary>
    public double Envelope(double t)
    {
        var d = t - CenterS;
        if (Shape == WaveShape.Gaussian)
        {
            var w = d < 0 ? LeftS : RightS;
            return Math.Exp(-0.5 * d * d / (w * w));
        }
        var rise = 1 / (1 + Math.Exp(-(d + LeftS) / PlateauEdgeS * 4));
        var fall = 1 / (1 + Math.Exp((d - RightS) / PlateauEdgeS * 4));
        return rise * fall;
    }

    /// <summary>How far from the centre this wave still contributes (beyond it the envelope is below 1e-4).</summary>
    public double ReachS => Shape == WaveShape.Gaussian ? 4.3 * Math.Max(LeftS, RightS) : Math.Max(LeftS, RightS) + 4 * PlateauEdgeS;
}
