using System.Numerics;
using HeartGuard.Core;

namespace HeartGuard.Synthesis;

/// <summary>Generates a 12-lead record from a <see cref="SignalSpec"/>: beat times -> dipole waves per beat
/// (+ fibrillatory waves, baseline wander) -> projection onto I, II, V1-V6 -> per-lead noise -> limb leads
/// derived from I and II. Deterministic in the seed.</summary>
/// <summary>A generated record and the beats inside it (R peaks within the record's duration).</summary>
public sealed record SyntheticEcg(EcgRecord Record, IReadOnlyList<Beat> Beats);

public static class SignalGenerator
{
    public static EcgRecord Generate(SignalSpec spec) => GenerateAnnotated(spec).Record;

    /// <summary>The record together with the true beats (R-peak times and kinds) it was built from.</summary>
    public static SyntheticEcg GenerateAnnotated(SignalSpec spec)
    {
        spec.Validate();
        var random = new Random(spec.Seed);
        var fs = spec.SamplingRateHz;
        var n = (int)Math.Round(spec.DurationS * fs);
        var dipole = new Vector3[n];

        var morphology = new BeatMorphology(spec.Pattern, spec.Territory, random);
        var beats = Rhythm.Generate(spec.Pattern, spec.HeartRateBpm, spec.DurationS, random);
        foreach (var beat in beats)
            foreach (var wave in morphology.Waves(beat))
                AddWave(dipole, fs, beat.RPeakS, wave);
        if (spec.Pattern == EcgPattern.AtrialFibrillation) AddFibrillatoryWaves(dipole, fs, random);
        AddBaselineWander(dipole, fs, random);

        var independent = new Dictionary<string, float[]>();
        foreach (var name in LeadVectors.Independent)
            independent[name] = Project(dipole, LeadVectors.Of(name), random);
        var (iii, avr, avl, avf) = LeadVectors.DeriveLimbLeads(independent["I"], independent["II"]);
        var derived = new Dictionary<string, float[]> { ["III"] = iii, ["aVR"] = avr, ["aVL"] = avl, ["aVF"] = avf };

        var leads = StandardLeads.Names.Select(name => new Lead(name, independent.GetValueOrDefault(name) ?? derived[name])).ToList();
        var recordName = $"synth-{spec.Pattern}-{spec.HeartRateBpm:0}bpm-s{spec.Seed}";
        return new SyntheticEcg(new EcgRecord(recordName, fs, leads), beats.Where(b => b.RPeakS >= 0 && b.RPeakS < spec.DurationS).ToList());
    }

    private static void AddWave(Vector3[] dipole, double fs, double rPeakS, Wave wave)
    {
        var center = rPeakS + wave.CenterS;
        var first = Math.Max(0, (int)Math.Floor((center - wave.ReachS) * fs));
        var last = Math.Min(dipole.Length - 1, (int)Math.Ceiling((center + wave.ReachS) * fs));
        for (var k = first; k <= last; k++)
            dipole[k] += wave.AmplitudeMv * (float)wave.Envelope(k / fs - rPeakS);
    }

    /// <summary>Coarse f waves at 4-9 Hz, strongest in V1 and the inferior leads, amplitude drifting slowly.</summary>
    private static void AddFibrillatoryWaves(Vector3[] dipole, double fs, Random random)
    {
        var direction = Vector3.Normalize(new Vector3(-0.2f, 0.5f, 0.85f));
        var components = Enumerable.Range(0, 3)
            .Select(_ => (Hz: 4 + 5 * random.NextDouble(), Phase: 2 * Math.PI * random.NextDouble(), Mv: 0.02 + 0.03 * random.NextDouble()))
            .ToArray();
        var driftHz = 0.1 + 0.2 * random.NextDouble();
        for (var k = 0; k < dipole.Length; k++)
        {
            var t = k / fs;
            var v = 0.0;
            foreach (var (hz, phase, mv) in components) v += mv * Math.Sin(2 * Math.PI * hz * t + phase);
            dipole[k] += direction * (float)(v * (0.7 + 0.3 * Math.Sin(2 * Math.PI * driftHz * t)));
        }
    }

    /// <summary>Respiration-driven wander (0.1-0.4 Hz, tens of µV), common to all leads through the dipole.</summary>
    private static void AddBaselineWander(Vector3[] dipole, double fs, Random random)
    {
        var direction = Vector3.Normalize(new Vector3((float)random.NextGaussian(), (float)random.NextGaussian(), (float)random.NextGaussian()));
        var hz = 0.1 + 0.3 * random.NextDouble();
        var phase = 2 * Math.PI * random.NextDouble();
        var mv = 0.03 + 0.05 * random.NextDouble();
        for (var k = 0; k < dipole.Length; k++)
            dipole[k] += direction * (float)(mv * Math.Sin(2 * Math.PI * hz * k / fs + phase));
    }

    /// <summary>The lead's view of the dipole in µV, plus its own electrode noise (~8 µV RMS).</summary>
    private static float[] Project(Vector3[] dipole, Vector3 leadVector, Random random)
    {
        var uv = new float[dipole.Length];
        var noiseUv = 5 + 5 * random.NextDouble();
        for (var k = 0; k < dipole.Length; k++)
            uv[k] = (float)(1000.0 * Vector3.Dot(dipole[k], leadVector) + noiseUv * random.NextGaussian());
        return uv;
    }
}
