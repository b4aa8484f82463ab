using HeartGuard.Core;

namespace HeartGuard.Signals.Tests;

/// <summary>Records that hold too little signal: every value null, no exception.</summary>
public class NotMeasurableTests
{
    private static void AssertAllIntervalsNull(Measurements m)
    {
        Assert.Null(m.HeartRateBpm);
        Assert.Null(m.RrMeanMs);
        Assert.Null(m.IsIrregular);
        Assert.Null(m.AfScore);
        Assert.Null(m.PrMs);
        Assert.Null(m.QtMs);
        Assert.Null(m.QtcBazettMs);
    }

    [Fact]
    public void All_missing_record()
    {
        var m = new MeasurementPipeline().Measure(EcgRecord.EmptyStandard("empty", 500, 5000));

        AssertAllIntervalsNull(m);
        Assert.Null(m.QrsMs);
        Assert.Null(m.QrsAxisDeg);
        Assert.Equal(0, m.BeatCount);
        Assert.Empty(m.Leads);
    }

    [Fact]
    public void One_second_record()
    {
        var lead = GaussianBeats.Lead(500, 1, [0.5]);
        var record = new EcgRecord("short", 500, StandardLeads.Names.Select(n => new Lead(n, lead)).ToList());

        AssertAllIntervalsNull(new MeasurementPipeline().Measure(record));
    }

    [Fact]
    public void Record_without_leads_or_samples()
    {
        AssertAllIntervalsNull(new MeasurementPipeline().Measure(new EcgRecord("none", 500, [])));
        AssertAllIntervalsNull(new MeasurementPipeline().Measure(new EcgRecord("zero", 500, [new Lead("II", [])])));
    }

    [Fact]
    public void Flat_line()
    {
        var record = new EcgRecord("flat", 500, StandardLeads.Names.Select(n => new Lead(n, new float[5000])).ToList());

        AssertAllIntervalsNull(new MeasurementPipeline().Measure(record));
    }
}
