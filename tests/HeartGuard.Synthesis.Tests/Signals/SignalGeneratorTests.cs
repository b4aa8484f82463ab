using HeartGuard.Core;

namespace HeartGuard.Synthesis.Tests.Signals;

public class SignalGeneratorTests
{
    public static TheoryData<EcgPattern> Patterns() => new(Enum.GetValues<EcgPattern>());

    [Theory]
    [MemberData(nameof(Patterns))]
    public void Limb_lead_identities_hold_exactly(EcgPattern pattern)
    {
        var r = SignalGenerator.Generate(new SignalSpec(pattern, 75, 11));
        float[] i = r["I"].SamplesUv, ii = r["II"].SamplesUv;
        for (var k = 0; k < r.SampleCount; k++)
        {
            Assert.Equal(ii[k] - i[k], r["III"].SamplesUv[k]);
            Assert.Equal(-(i[k] + ii[k]) / 2, r["aVR"].SamplesUv[k]);
            Assert.Equal(i[k] - ii[k] / 2, r["aVL"].SamplesUv[k]);
            Assert.Equal(ii[k] - i[k] / 2, r["aVF"].SamplesUv[k]);
        }
    }

    [Theory]
    [MemberData(nameof(Patterns))]
    public void Records_are_standard_12_lead_physiological_and_deterministic(EcgPattern pattern)
    {
        var spec = new SignalSpec(pattern, 72, 5);
        var a = SignalGenerator.Generate(spec);
        var b = SignalGenerator.Generate(spec);
        Assert.Equal(StandardLeads.Names, a.Leads.Select(l => l.Name));
        Assert.Equal((500.0, 5000), (a.SamplingRateHz, a.SampleCount));
        for (var l = 0; l < 12; l++) Assert.Equal(a.Leads[l].SamplesUv, b.Leads[l].SamplesUv);
        Assert.NotEqual(a["II"].SamplesUv, SignalGenerator.Generate(spec with { Seed = 6 })["II"].SamplesUv);
        foreach (var lead in a.Leads)
        {
            var peakToPeak = lead.SamplesUv.Max() - lead.SamplesUv.Min();
            Assert.InRange(peakToPeak, 300, 4000); // every lead shows complexes, none exceeds 4 mV
        }
        Assert.InRange(a["II"].SamplesUv.Max(), 500, 1800); // R in II about 1 mV
    }

    [Theory]
    [InlineData(40)]
    [InlineData(75)]
    [InlineData(180)]
    public void Sinus_beats_match_the_requested_rate_with_some_variability(double bpm)
    {
        var ecg = SignalGenerator.GenerateAnnotated(new SignalSpec(EcgPattern.Normal, bpm, 3, DurationS: 30));
        var rr = Intervals(ecg.Beats);
        Assert.InRange(60 / rr.Average(), bpm * 0.95, bpm * 1.05);
        Assert.InRange(CoefficientOfVariation(rr), 0.005, 0.08);
        Assert.All(ecg.Beats, b => Assert.Equal(BeatKind.Sinus, b.Kind));
    }

    [Fact]
    public void Atrial_fibrillation_is_irregular_and_has_no_p_waves()
    {
        var normal = SignalGenerator.GenerateAnnotated(new SignalSpec(EcgPattern.Normal, 80, 4, DurationS: 30));
        var af = SignalGenerator.GenerateAnnotated(new SignalSpec(EcgPattern.AtrialFibrillation, 80, 4, DurationS: 30));
        Assert.True(CoefficientOfVariation(Intervals(af.Beats)) > 3 * CoefficientOfVariation(Intervals(normal.Beats)));
        Assert.All(af.Beats, b => Assert.Equal(BeatKind.Conducted, b.Kind));

        // Where a P wave would peak (160 ms before R), sinus beats show a consistent bump in II; AF does not.
        Assert.True(MeanAt(normal, "II", -0.16) > 100);
        Assert.InRange(MeanAt(af, "II", -0.16), -60, 60);
    }

    [Fact]
    public void Premature_ventricular_beats_come_early_are_wide_and_followed_by_a_compensatory_pause()
    {
        var ecg = SignalGenerator.GenerateAnnotated(new SignalSpec(EcgPattern.PrematureVentricular, 70, 8, DurationS: 30));
        var beats = ecg.Beats;
        var normalRr = 60 / 70.0;
        var pvcs = 0;
        for (var k = 1; k + 1 < beats.Count; k++)
        {
            if (beats[k].Kind != BeatKind.Ventricular) continue;
            pvcs++;
            var coupling = beats[k].RPeakS - beats[k - 1].RPeakS;
            var pause = beats[k + 1].RPeakS - beats[k].RPeakS;
            Assert.True(coupling < 0.75 * normalRr);
            Assert.InRange(coupling + pause, 1.8 * normalRr, 2.2 * normalRr);
        }
        Assert.InRange(pvcs, 3, 12);

        // Wide: the ventricular complex stays far from baseline over a longer span than a sinus QRS.
        var v2 = ecg.Record["V2"].SamplesUv;
        double Width(Beat b) => Enumerable.Range(-60, 121).Count(d => Math.Abs(v2[Index(ecg, b.RPeakS + d / 500.0)]) > 300) / 500.0;
        var pvcWidth = beats.Where(b => b.Kind == BeatKind.Ventricular && b.RPeakS > 0.2 && b.RPeakS < 29.8).Average(Width);
        var sinusWidth = beats.Where(b => b.Kind == BeatKind.Sinus && b.RPeakS > 0.2 && b.RPeakS < 29.8).Average(Width);
        Assert.True(pvcWidth > 1.6 * sinusWidth, $"PVC {pvcWidth * 1000:0} ms vs sinus {sinusWidth * 1000:0} ms above 0.3 mV");
    }

    [Theory]
    [InlineData(EcgPattern.AcuteMiInferior, new[] { "II", "III", "aVF" }, new[] { "aVL" })]
    [InlineData(EcgPattern.AcuteMiAnterior, new[] { "V1", "V2", "V3", "V4" }, new[] { "III" })]
    public void Acute_mi_elevates_st_in_its_territory_with_reciprocal_depression(EcgPattern pattern, string[] facing, string[] reciprocal)
    {
        var mi = SignalGenerator.GenerateAnnotated(new SignalSpec(pattern, 70, 21));
        var normal = SignalGenerator.GenerateAnnotated(new SignalSpec(EcgPattern.Normal, 70, 21));
        foreach (var lead in facing)
        {
            Assert.True(StDeviationUv(mi, lead) > 100, $"{lead}: ST {StDeviationUv(mi, lead):0} µV");
            Assert.InRange(StDeviationUv(normal, lead), -60, 60);
        }
        foreach (var lead in reciprocal) Assert.True(StDeviationUv(mi, lead) < -50, $"{lead}: ST {StDeviationUv(mi, lead):0} µV");
    }

    [Theory]
    [InlineData(MiTerritory.Inferior, "III")]
    [InlineData(MiTerritory.Anterior, "V2")]
    public void Old_mi_has_q_waves_and_inverted_t_without_st_elevation(MiTerritory territory, string lead)
    {
        var old = SignalGenerator.GenerateAnnotated(new SignalSpec(EcgPattern.OldMi, 70, 2) { OldMiTerritory = territory });
        var normal = SignalGenerator.GenerateAnnotated(new SignalSpec(EcgPattern.Normal, 70, 2));
        Assert.True(MinBetween(old, lead, -0.05, -0.005) < MinBetween(normal, lead, -0.05, -0.005) - 150);
        var tAt = 0.28 * Math.Sqrt(60 / 70.0);
        Assert.True(MeanAt(old, lead, tAt) < -50, $"T in {lead}: {MeanAt(old, lead, tAt):0} µV");
        Assert.True(MeanAt(normal, lead, tAt) > 50);
        Assert.InRange(StDeviationUv(old, lead), -80, 80);
    }

    [Fact]
    public void Out_of_range_specs_are_rejected_with_a_message()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => SignalGenerator.Generate(new SignalSpec(EcgPattern.Normal, 250, 1)));
        Assert.Contains("40-180 bpm", error.Message);
    }

    private static double[] Intervals(IReadOnlyList<Beat> beats) =>
        beats.Zip(beats.Skip(1), (a, b) => b.RPeakS - a.RPeakS).ToArray();

    private static double CoefficientOfVariation(double[] x)
    {
        var mean = x.Average();
        return Math.Sqrt(x.Sum(v => (v - mean) * (v - mean)) / x.Length) / mean;
    }

    private static int Index(SyntheticEcg ecg, double t) =>
        Math.Clamp((int)Math.Round(t * ecg.Record.SamplingRateHz), 0, ecg.Record.SampleCount - 1);

    private static IEnumerable<Beat> Interior(SyntheticEcg ecg) =>
        ecg.Beats.Where(b => b.Kind != BeatKind.Ventricular && b.RPeakS > 0.4 && b.RPeakS < ecg.Record.DurationS - 0.6);

    /// <summary>Mean over beats of the lead's value at <paramref name="offsetS"/> from R, minus the PR-segment level.</summary>
    private static double MeanAt(SyntheticEcg ecg, string lead, double offsetS)
    {
        var x = ecg.Record[lead].SamplesUv;
        return Interior(ecg).Average(b => x[Index(ecg, b.RPeakS + offsetS)] - x[Index(ecg, b.RPeakS - 0.065)]);
    }

    /// <summary>ST level 80 ms after R (J point + ~40 ms) against the PR segment.</summary>
    private static double StDeviationUv(SyntheticEcg ecg, string lead) => MeanAt(ecg, lead, 0.08);

    private static double MinBetween(SyntheticEcg ecg, string lead, double fromS, double toS)
    {
        var x = ecg.Record[lead].SamplesUv;
        return Interior(ecg).Average(b =>
            Enumerable.Range(Index(ecg, b.RPeakS + fromS), Index(ecg, b.RPeakS + toS) - Index(ecg, b.RPeakS + fromS) + 1).Min(k => x[k])
            - x[Index(ecg, b.RPeakS - 0.065)]);
    }
}
