using HeartGuard.Core;
using HeartGuard.Models.Features.Signal;
using HeartGuard.Signals;
using HeartGuard.Synthesis;

namespace HeartGuard.Models.Tests.Features.Signal;

/// <summary>Each feature family against synthesizer records whose infarct territory (or QRS shape) is known.</summary>
public class TerritoryFeatureTests
{
    private static float[] Features(EcgRecord record) => SignalFeatureExtractor.Extract(new MeasurementPipeline().Measure(record));

    private static float[] Features(EcgPattern pattern, int seed, MiTerritory? oldMi = null) =>
        Features(SignalGenerator.Generate(new SignalSpec(pattern, 70, seed) { OldMiTerritory = oldMi }));

    private static float F(float[] features, string name)
    {
        var index = SignalFeatureExtractor.Names.ToList().IndexOf(name);
        Assert.True(index >= 0, $"no feature {name}");
        return features[index];
    }

    [Fact]
    public void FamiliesFollowTheOlderFeaturesAndNameEveryValue()
    {
        var names = SignalFeatureExtractor.Names;
        var familyCount = SignalFeatureExtractor.Families.Sum(f => f.Names.Count);
        Assert.Equal("global.beat_count", names[names.Count - familyCount - 1]);
        Assert.Equal(names.Count, names.Distinct().Count());
        Assert.All(SignalFeatureExtractor.Families.SelectMany(f => f.Names), n => Assert.Contains('.', n));
    }

    [Theory]
    [InlineData(11)]
    [InlineData(12)]
    public void AnteriorInjuryElevatesStInTwoOrMoreAnteriorLeadsAndNotInferior(int seed)
    {
        var normal = Features(EcgPattern.Normal, seed);
        var anterior = Features(EcgPattern.AcuteMiAnterior, seed);

        Assert.True(F(anterior, "anterior.st_elevated_leads") >= 2, $"anterior leads at threshold: {F(anterior, "anterior.st_elevated_leads")}");
        Assert.Equal(0, F(normal, "anterior.st_elevated_leads"));
        Assert.True(F(anterior, "anterior.st_j60_second_uv") > F(normal, "anterior.st_j60_second_uv") + 150);
        Assert.True(F(anterior, "all.stemi_territories") >= 1);
        Assert.True(F(anterior, "inferior.st_elevated_leads") < F(anterior, "anterior.st_elevated_leads"));
    }

    [Theory]
    [InlineData(21)]
    [InlineData(22)]
    public void InferiorInjuryElevatesInferiorStWithReciprocalDepressionInAvl(int seed)
    {
        var normal = Features(EcgPattern.Normal, seed);
        var inferior = Features(EcgPattern.AcuteMiInferior, seed);

        Assert.True(F(inferior, "inferior.st_elevated_leads") >= 2, $"inferior leads at threshold: {F(inferior, "inferior.st_elevated_leads")}");
        Assert.True(F(inferior, "inferior.reciprocal_st_min_uv") < F(normal, "inferior.reciprocal_st_min_uv") - 50,
            $"reciprocal ST {F(inferior, "inferior.reciprocal_st_min_uv")} vs normal {F(normal, "inferior.reciprocal_st_min_uv")} µV");
    }

    [Theory]
    [InlineData(MiTerritory.Anterior, "anterior")]
    [InlineData(MiTerritory.Inferior, "inferior")]
    public void AnOldInfarctLeavesPathologicQWavesAndInvertedTInItsTerritory(MiTerritory territory, string name)
    {
        var normal = Features(EcgPattern.Normal, 31);
        var old = Features(EcgPattern.OldMi, 31, territory);

        Assert.True(F(old, $"{name}.pathologic_q_leads") > F(normal, $"{name}.pathologic_q_leads"),
            $"pathologic Q leads {F(old, $"{name}.pathologic_q_leads")} vs normal {F(normal, $"{name}.pathologic_q_leads")}");
        Assert.True(F(old, $"{name}.q_to_r_max") > F(normal, $"{name}.q_to_r_max"));
        Assert.True(F(old, $"{name}.t_inverted_leads") > F(normal, $"{name}.t_inverted_leads"),
            $"inverted T leads {F(old, $"{name}.t_inverted_leads")} vs normal {F(normal, $"{name}.t_inverted_leads")}");
    }

    [Fact]
    public void AnAnteriorScarFlattensRWaveProgression()
    {
        var normal = Features(EcgPattern.Normal, 41);
        var old = Features(EcgPattern.OldMi, 41, MiTerritory.Anterior);

        Assert.True(F(old, "precordial.r_progression_uv_per_lead") < F(normal, "precordial.r_progression_uv_per_lead"),
            $"R progression {F(old, "precordial.r_progression_uv_per_lead")} vs normal {F(normal, "precordial.r_progression_uv_per_lead")} µV/lead");
    }

    [Fact]
    public void HyperacuteTWavesAreTallerAndBulkierThanNormal()
    {
        var normal = Features(EcgPattern.Normal, 51);
        var acute = Features(EcgPattern.AcuteMiAnterior, 51);

        Assert.True(F(acute, "anterior.t_area_max_uvms") > F(normal, "anterior.t_area_max_uvms"));
        Assert.True(F(acute, "anterior.t_to_r_max") > F(normal, "anterior.t_to_r_max"));
    }

    [Fact]
    public void LateralComplexesWithASecondRWaveCountAsFragmentedAndOnlyThere()
    {
        var synthetic = SignalGenerator.GenerateAnnotated(new SignalSpec(EcgPattern.Normal, 70, 61));
        var record = synthetic.Record;
        // A second R wave (R') 35 ms after every R peak, 600 µV, in the lateral leads only.
        var notched = new EcgRecord(record.Name, record.SamplingRateHz, record.Leads.Select(l =>
            l.Name is "I" or "aVL" or "V5" or "V6" ? new Lead(l.Name, AddSecondR(l.SamplesUv, synthetic.Beats, record.SamplingRateHz)) : l).ToList());

        var plain = Features(record);
        var fragmented = Features(notched);

        Assert.True(F(fragmented, "lateral.fragmented_qrs_leads") >= 2, $"fragmented lateral leads: {F(fragmented, "lateral.fragmented_qrs_leads")}");
        Assert.Equal(0, F(plain, "lateral.fragmented_qrs_leads"));
        Assert.Equal(F(plain, "inferior.fragmented_qrs_leads"), F(fragmented, "inferior.fragmented_qrs_leads"));
    }

    [Fact]
    public void AQuietTracingIsLowVoltageAndAMissingTerritoryIsNaN()
    {
        var record = SignalGenerator.Generate(new SignalSpec(EcgPattern.Normal, 70, 71));
        var quiet = new EcgRecord(record.Name, record.SamplingRateHz,
            record.Leads.Select(l => new Lead(l.Name, l.SamplesUv.Select(v => v * 0.25f).ToArray())).ToList());
        var noInferior = new EcgRecord(record.Name, record.SamplingRateHz, record.Leads.Select(l =>
            l.Name is "II" or "III" or "aVF" ? new Lead(l.Name, Enumerable.Repeat(float.NaN, l.Count).ToArray()) : l).ToList());

        Assert.Equal(0, F(Features(record), "all.low_voltage"));
        Assert.Equal(1, F(Features(quiet), "all.low_voltage"));
        var missing = Features(noInferior);
        Assert.True(float.IsNaN(F(missing, "inferior.st_j60_max_uv")));
        Assert.True(float.IsNaN(F(missing, "inferior.pathologic_q_leads")));
        Assert.False(float.IsNaN(F(missing, "anterior.st_j60_max_uv")));
    }

    private static float[] AddSecondR(float[] samples, IReadOnlyList<Beat> beats, double samplingRateHz)
    {
        var copy = (float[])samples.Clone();
        foreach (var beat in beats)
        {
            var centre = (beat.RPeakS + 0.035) * samplingRateHz;
            for (var k = (int)(centre - 0.03 * samplingRateHz); k <= (int)(centre + 0.03 * samplingRateHz); k++)
                if (k >= 0 && k < copy.Length) copy[k] += (float)(600 * Math.Exp(-0.5 * Math.Pow((k - centre) / (0.007 * samplingRateHz), 2)));
        }
        return copy;
    }
}
