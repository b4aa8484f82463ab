using System.Numerics;

namespace HeartGuard.Synthesis;

/// <summary>The dipole waves of one beat for a pattern. Vectors are in mV (x: left, y: inferior,
/// z: anterior); times in seconds from the R peak. Each record gets its own axis rotation and amplitude
/// scale (<see cref="Individual"/>) so seeds differ like patients do.</summary>
public sealed class BeatMorphology
{
    private readonly EcgPattern _pattern;
    private readonly MiTerritory? _territory;
    private readonly Matrix4x4 _axis;
    private readonly float _scale;

    public BeatMorphology(EcgPattern pattern, MiTerritory? territory, Random random)
    {
        _pattern = pattern;
        _territory = territory;
        // Frontal-plane axis varies by ±15° between individuals, horizontal rotation by ±10°.
        _axis = Matrix4x4.CreateRotationZ((float)((random.NextDouble() - 0.5) * 30 * Math.PI / 180))
              * Matrix4x4.CreateRotationY((float)((random.NextDouble() - 0.5) * 20 * Math.PI / 180));
        _scale = (float)(0.85 + 0.3 * random.NextDouble());
    }

    public IEnumerable<Wave> Waves(Beat beat)
    {
        foreach (var w in RawWaves(beat))
            yield return w with { AmplitudeMv = Vector3.Transform(w.AmplitudeMv, _axis) * _scale };
    }

    private IEnumerable<Wave> RawWaves(Beat beat)
    {
        // Bazett-like scaling of repolarisation with the preceding cycle; PR shortens a little with rate.
        var rr = Math.Clamp(beat.PrecedingRrS, 0.3, 2.0);
        var qtScale = Math.Sqrt(rr);
        if (beat.Kind == BeatKind.Ventricular)
        {
            // Wide QRS from an ectopic focus, discordant (opposite) T wave, no P wave.
            yield return Wave.Gaussian(-0.01, 0.030, 0.040, new Vector3(-0.55f, 0.9f, -0.85f) * 1.5f);
            yield return Wave.Gaussian(0.06, 0.03, new Vector3(0.45f, -0.25f, 0.3f) * 0.5f);
            yield return Wave.Gaussian(0.30 * qtScale + 0.04, 0.08 * qtScale, 0.06 * qtScale, new Vector3(0.55f, -0.75f, 0.7f) * 0.45f);
            yield break;
        }

        if (beat.Kind == BeatKind.Sinus)
        {
            var pr = 0.16 - 0.04 * (1 - rr);
            yield return Wave.Gaussian(-pr, 0.022, new Vector3(0.45f, 0.75f, 0.1f) * 0.2f);
        }

        var old = _pattern == EcgPattern.OldMi;
        var acute = _pattern is EcgPattern.AcuteMiInferior or EcgPattern.AcuteMiAnterior;
        var inferior = _territory == MiTerritory.Inferior;
        var anterior = _territory == MiTerritory.Anterior;

        // Septal depolarisation (left to right, anterior), then the free walls, then the basal septum.
        yield return Wave.Gaussian(-0.028, 0.008, new Vector3(-0.35f, 0.05f, 0.3f) * 0.35f);
        yield return Wave.Gaussian(-0.010, 0.010, new Vector3(0.3f, 0.35f, anterior ? 0.05f : 0.55f) * 0.8f);
        yield return Wave.Gaussian(0.004, 0.011, new Vector3(0.7f, inferior ? 0.35f : 0.75f, -0.45f) * 1.15f);
        yield return Wave.Gaussian(0.028, 0.010, new Vector3(-0.25f, -0.25f, -0.4f) * 0.55f);

        // Necrosis: the dead wall adds nothing, so early forces point away from it - pathological Q waves.
        if (inferior) yield return Wave.Gaussian(-0.018, 0.014, new Vector3(0.05f, -0.5f, 0) * 0.8f);
        if (anterior) yield return Wave.Gaussian(-0.018, 0.014, new Vector3(0, 0, -0.55f) * 0.9f);

        // Injury current: ST elevation facing the territory, reciprocal depression opposite it.
        var tCenter = 0.28 * qtScale;
        if (acute && inferior) yield return Wave.Plateau(0.05, tCenter + 0.02, new Vector3(-0.1f, 0.3f, 0));
        if (acute && anterior) yield return Wave.Plateau(0.05, tCenter + 0.02, new Vector3(0.05f, -0.1f, 0.3f));

        var t = new Vector3(0.45f, 0.55f, 0.35f) * 0.45f;
        if (acute) t *= 1.4f; // hyperacute T waves
        if (old && inferior) t = new Vector3(0.45f, -0.5f, 0.35f) * 0.4f;
        if (old && anterior) t = new Vector3(0.45f, 0.5f, -0.55f) * 0.4f;
        yield return Wave.Gaussian(tCenter, 0.07 * qtScale, 0.045 * qtScale, t);
    }
}
