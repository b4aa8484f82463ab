using System.Text.Json;
using HeartGuard.Core;
using HeartGuard.Synthesis;

namespace HeartGuard.Signals.Tests;

/// <summary>The whole pipeline on synthesizer records, whose beats, rate and wave timing are known.</summary>
public class MeasurementPipelineTests
{
    private static readonly MeasurementPipeline Pipeline = new();

    /// <summary>60 / mean RR of the beats the generator placed in the record.</summary>
    /// <summary>The rate of the median true RR interval, the definition RhythmAnalyzer reports (in AF too).</summary>
    private static double TrueRateBpm(SyntheticEcg ecg)
    {
        var rr = ecg.Beats.Zip(ecg.Beats.Skip(1), (a, b) => b.RPeakS - a.RPeakS).Order().ToList();
        var median = rr.Count % 2 == 1 ? rr[rr.Count / 2] : (rr[rr.Count / 2 - 1] + rr[rr.Count / 2]) / 2;
        return 60 / median;
    }

    private static double St(Measurements m, string lead) => m.Leads.Single(l => l.Lead == lead).StDeviationUv!.Value;

    [Theory]
    [InlineData(EcgPattern.Normal, 40, 1)]
    [InlineData(EcgPattern.Normal, 55, 2)]
    [InlineData(EcgPattern.Normal, 75, 3)]
    [InlineData(EcgPattern.Normal, 100, 4)]
    [InlineData(EcgPattern.Normal, 130, 5)]
    [InlineData(EcgPattern.Normal, 160, 6)]
    [InlineData(EcgPattern.Normal, 180, 7)]
    [InlineData(EcgPattern.AtrialFibrillation, 70, 8)]
    [InlineData(EcgPattern.AtrialFibrillation, 110, 9)]
    [InlineData(EcgPattern.OldMi, 65, 10)]
    [InlineData(EcgPattern.AcuteMiAnterior, 85, 11)]
    public void Heart_rate_is_within_2_bpm_and_every_beat_is_found(EcgPattern pattern, double bpm, int seed)
    {
        var ecg = SignalGenerator.GenerateAnnotated(new SignalSpec(pattern, bpm, seed));

        var m = Pipeline.Measure(ecg.Record);

        Assert.InRange(m.HeartRateBpm!.Value, TrueRateBpm(ecg) - 2, TrueRateBpm(ecg) + 2);
        // A beat cut by the record's edge (R within the detector's edge guard) is deliberately not counted.
        var guardS = new RPeakDetector().EdgeGuardS;
        var inside = ecg.Beats.Where(b => b.RPeakS >= guardS && b.RPeakS < ecg.Record.DurationS - guardS).ToList();
        Assert.Equal(inside.Count, m.RPeakSamples.Count);
        for (var i = 0; i < inside.Count; i++)
            Assert.InRange(m.RPeakSamples[i] / 500.0, inside[i].RPeakS - 0.01, inside[i].RPeakS + 0.01);
    }

    [Theory]
    [InlineData(60, 1)]
    [InlineData(90, 2)]
    [InlineData(110, 3)]
    public void Atrial_fibrillation_is_irregular_and_af_like_sinus_rhythm_is_not(double bpm, int seed)
    {
        var af = Pipeline.Measure(SignalGenerator.Generate(new SignalSpec(EcgPattern.AtrialFibrillation, bpm, seed)));
        var sinus = Pipeline.Measure(SignalGenerator.Generate(new SignalSpec(EcgPattern.Normal, bpm, seed)));

        Assert.True(af.IsIrregular);
        Assert.True(af.AfScore >= 0.75, $"AF score {af.AfScore}");
        Assert.False(sinus.IsIrregular);
        Assert.True(sinus.PWavePresent);
        Assert.True(sinus.AfScore <= 0.25, $"sinus AF score {sinus.AfScore}");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Intervals_match_the_generated_wave_timing(int seed)
    {
        // At 60 bpm the generator puts the P wave (σ 22 ms) 160 ms before R, the QRS within about ±45 ms
        // of R and the T wave (σ 45 ms after its peak) 280 ms after R: PR ≈ 160, QRS ≈ 95, QT ≈ 415 ms.
        var m = Pipeline.Measure(SignalGenerator.Generate(new SignalSpec(EcgPattern.Normal, 60, seed)));

        Assert.InRange(m.PrMs!.Value, 130, 200);
        Assert.InRange(m.QrsMs!.Value, 70, 120);
        Assert.InRange(m.QtMs!.Value, 370, 460);
        Assert.InRange(m.QtcBazettMs!.Value, 370, 470);
        Assert.InRange(m.QrsAxisDeg!.Value, -30, 90);
    }

    [Fact]
    public void Qt_shortens_with_rate_while_the_corrected_qt_stays_put()
    {
        // The generator scales repolarisation with √RR, which is what Bazett's correction undoes.
        var slow = Pipeline.Measure(SignalGenerator.Generate(new SignalSpec(EcgPattern.Normal, 50, 4)));
        var fast = Pipeline.Measure(SignalGenerator.Generate(new SignalSpec(EcgPattern.Normal, 120, 4)));

        Assert.True(slow.QtMs - fast.QtMs >= 80, $"QT {slow.QtMs} at 50 bpm vs {fast.QtMs} at 120 bpm");
        Assert.InRange(slow.QtcBazettMs!.Value - fast.QtcBazettMs!.Value, -50, 50);
        Assert.True(fast.QtcFridericiaMs < fast.QtcBazettMs, "Fridericia corrects less than Bazett above 60 bpm");
    }

    [Theory]
    [InlineData(60, 1)]
    [InlineData(90, 2)]
    public void Acute_inferior_mi_raises_st_in_ii_iii_avf_with_reciprocal_depression_in_avl(double bpm, int seed)
    {
        var m = Pipeline.Measure(SignalGenerator.Generate(new SignalSpec(EcgPattern.AcuteMiInferior, bpm, seed)));

        foreach (var lead in new[] { "II", "III", "aVF" }) Assert.True(St(m, lead) >= 100, $"ST {lead} = {St(m, lead)} µV");
        Assert.True(St(m, "aVL") <= -50, $"ST aVL = {St(m, "aVL")} µV");
    }

    [Theory]
    [InlineData(60, 1)]
    [InlineData(90, 2)]
    public void Acute_anterior_mi_raises_st_in_v2_v3_and_a_normal_record_has_flat_st(double bpm, int seed)
    {
        var mi = Pipeline.Measure(SignalGenerator.Generate(new SignalSpec(EcgPattern.AcuteMiAnterior, bpm, seed)));
        var normal = Pipeline.Measure(SignalGenerator.Generate(new SignalSpec(EcgPattern.Normal, bpm, seed)));

        Assert.True(St(mi, "V2") >= 150 && St(mi, "V3") >= 150, $"ST V2 = {St(mi, "V2")}, V3 = {St(mi, "V3")} µV");
        Assert.All(normal.Leads, l => Assert.InRange(l.StDeviationUv!.Value, -60, 60));
    }

    [Fact]
    public void A_3x4_page_with_a_rhythm_strip_measures_like_the_full_record()
    {
        var ecg = SignalGenerator.GenerateAnnotated(new SignalSpec(EcgPattern.Normal, 75, 12));
        var full = Pipeline.Measure(ecg.Record);

        var page = Pipeline.Measure(EcgLayout.Standard("3x4+1").ShownOnPage(ecg.Record));

        Assert.Equal("consensus", page.RhythmSource);
        Assert.InRange(page.HeartRateBpm!.Value, TrueRateBpm(ecg) - 2, TrueRateBpm(ecg) + 2);
        Assert.Equal(12, page.Leads.Count(l => l.MedianBeat is not null && l.StDeviationUv is not null));
        Assert.InRange(page.QrsMs!.Value, full.QrsMs!.Value - 12, full.QrsMs.Value + 12);
        Assert.InRange(page.QtMs!.Value, full.QtMs!.Value - 20, full.QtMs.Value + 20);
        Assert.InRange(page.QrsAxisDeg!.Value, full.QrsAxisDeg!.Value - 10, full.QrsAxisDeg.Value + 10);
    }

    [Theory]
    [InlineData(EcgPattern.Normal, 64, 15)]
    [InlineData(EcgPattern.AcuteMiInferior, 96, 16)]
    [InlineData(EcgPattern.Normal, 142, 17)]
    public void A_record_read_off_a_200_dpi_page_measures_like_the_original(EcgPattern pattern, double bpm, int seed)
    {
        var ecg = SignalGenerator.GenerateAnnotated(new SignalSpec(pattern, bpm, seed));
        var full = Pipeline.Measure(ecg.Record);

        var page = Pipeline.Measure(EcgLayout.Standard("3x4+1").ShownOnPage(AsDigitizedAt200Dpi(ecg.Record)));

        Assert.InRange(page.HeartRateBpm!.Value, TrueRateBpm(ecg) - 2, TrueRateBpm(ecg) + 2);
        Assert.InRange(page.QrsMs!.Value, full.QrsMs!.Value - 20, full.QrsMs.Value + 20);
        Assert.InRange(page.QtMs!.Value, full.QtMs!.Value - 30, full.QtMs.Value + 30);
        foreach (var lead in new[] { "II", "V2", "aVL" })
            Assert.InRange(St(page, lead), St(full, lead) - 40, St(full, lead) + 40);
    }

    /// <summary>What a 200 dpi page keeps of a signal at 25 mm/s and 10 mm/mV: one value per pixel column
    /// (196.85 per second) rounded to whole pixels (12.7 µV), linearly interpolated back to the record's rate.</summary>
    private static EcgRecord AsDigitizedAt200Dpi(EcgRecord record)
    {
        const double pxPerS = 200 / 25.4 * 25, uvPerPx = 1000 / (200 / 25.4 * 10);
        var fs = record.SamplingRateHz;
        return new EcgRecord(record.Name, fs, record.Leads.Select(lead =>
        {
            var columns = (int)(lead.Count / fs * pxPerS);
            var px = new double[columns];
            for (var c = 0; c < columns; c++) px[c] = Math.Round(lead.SamplesUv[(int)(c / pxPerS * fs)] / uvPerPx) * uvPerPx;
            var samples = new float[lead.Count];
            for (var i = 0; i < samples.Length; i++)
            {
                var x = Math.Min(i / fs * pxPerS, columns - 1.001);
                var c = (int)x;
                samples[i] = (float)(px[c] + (px[c + 1] - px[c]) * (x - c));
            }
            return new Lead(lead.Name, samples);
        }).ToList());
    }

    [Fact]
    public void A_6x2_page_without_a_rhythm_strip_votes_over_its_halves()
    {
        var ecg = SignalGenerator.GenerateAnnotated(new SignalSpec(EcgPattern.Normal, 88, 13));

        var page = Pipeline.Measure(EcgLayout.Standard("6x2").ShownOnPage(ecg.Record));

        Assert.Equal("consensus", page.RhythmSource);
        Assert.InRange(page.HeartRateBpm!.Value, TrueRateBpm(ecg) - 2, TrueRateBpm(ecg) + 2);
    }

    [Fact]
    public void Json_uses_snake_case_units_in_names_and_leaves_median_beats_out()
    {
        var m = Pipeline.Measure(SignalGenerator.Generate(new SignalSpec(EcgPattern.Normal, 70, 14)));

        using var json = JsonDocument.Parse(JsonSerializer.Serialize(m, Json.Options));

        Assert.Equal(m.HeartRateBpm!.Value, json.RootElement.GetProperty("heart_rate_bpm").GetDouble());
        Assert.True(json.RootElement.TryGetProperty("qtc_bazett_ms", out _));
        var lead = json.RootElement.GetProperty("leads")[0];
        Assert.True(lead.TryGetProperty("st_deviation_uv", out _));
        Assert.False(lead.TryGetProperty("median_beat", out _));
    }
}
