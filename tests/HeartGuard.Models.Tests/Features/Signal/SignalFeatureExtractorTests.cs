using HeartGuard.Core;
using HeartGuard.Models.Features.Signal;
using HeartGuard.Signals;
using HeartGuard.Synthesis;

namespace HeartGuard.Models.Tests.Features.Signal;

public class SignalFeatureExtractorTests
{
    private static float[] FeaturesOf(EcgPattern pattern, int seed, Func<Lead, Lead>? edit = null)
    {
        var record = SignalGenerator.Generate(new SignalSpec(pattern, 72, seed));
        if (edit is not null) record = new EcgRecord(record.Name, record.SamplingRateHz, record.Leads.Select(edit).ToList());
        return SignalFeatureExtractor.Extract(new MeasurementPipeline().Measure(record));
    }

    private static float Feature(float[] features, string name) => features[SignalFeatureExtractor.Names.ToList().IndexOf(name)];

    [Fact]
    public void NamesDescribeEveryFeatureOnce()
    {
        var features = FeaturesOf(EcgPattern.Normal, 1);
        Assert.Equal(SignalFeatureExtractor.Names.Count, features.Length);
        Assert.Equal(features.Length, SignalFeatureExtractor.Names.Distinct().Count());
        Assert.Equal("V1.present", SignalFeatureExtractor.Names[SignalFeatureExtractor.LeadRange(StandardLeads.IndexOf("V1")).Start.Value]);
    }

    [Fact]
    public void AnteriorInfarctRaisesStInV2AndAfRaisesRrIrregularity()
    {
        var normal = FeaturesOf(EcgPattern.Normal, 2);
        var anterior = FeaturesOf(EcgPattern.AcuteMiAnterior, 2);
        var af = FeaturesOf(EcgPattern.AtrialFibrillation, 2);

        Assert.True(Feature(anterior, "V2.st_j60_uv") > Feature(normal, "V2.st_j60_uv") + 200,
            $"V2 ST {Feature(anterior, "V2.st_j60_uv")} vs normal {Feature(normal, "V2.st_j60_uv")} µV");
        Assert.True(Feature(af, "global.rr_rmssd_ms") > 3 * Feature(normal, "global.rr_rmssd_ms"),
            $"RMSSD AF {Feature(af, "global.rr_rmssd_ms")} vs normal {Feature(normal, "global.rr_rmssd_ms")} ms");
        Assert.Equal(1, Feature(normal, "V2.present"));
    }

    [Fact]
    public void AMissingLeadIsMarkedAbsentWithNoValuesMadeUp()
    {
        var features = FeaturesOf(EcgPattern.Normal, 3, l => l.Name == "V4" ? new Lead(l.Name, Enumerable.Repeat(float.NaN, l.Count).ToArray()) : l);
        var v4 = features[SignalFeatureExtractor.LeadRange(StandardLeads.IndexOf("V4"))];

        Assert.Equal(0, v4[0]);
        Assert.All(v4[1..], v => Assert.True(float.IsNaN(v)));
        Assert.Equal(1, Feature(features, "V5.present"));
        Assert.False(float.IsNaN(Feature(features, "V5.r_uv")));
    }
}
