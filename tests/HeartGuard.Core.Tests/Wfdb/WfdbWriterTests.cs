using HeartGuard.Core.Wfdb;

namespace HeartGuard.Core.Tests.Wfdb;

public sealed class WfdbWriterTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("hg-wfdb-").FullName;
    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static EcgRecord IntegerRecord()
    {
        var random = new Random(7);
        var leads = StandardLeads.Names.Select(n => new Lead(n,
            Enumerable.Range(0, 1000).Select(_ => (float)random.Next(-5000, 5000)).ToArray())).ToList();
        leads[3].SamplesUv[10] = float.NaN;
        leads[11].SamplesUv[0] = float.NaN;
        return new EcgRecord("rt", 500, leads);
    }

    [Fact]
    public void Writer_then_reader_round_trips_microvolts_and_missing_samples_exactly()
    {
        var original = IntegerRecord();
        var back = WfdbReader.Read(WfdbWriter.Write(original, _dir, "rt")).ToEcgRecord();
        Assert.Equal(500, back.SamplingRateHz);
        Assert.Equal(StandardLeads.Names, back.Leads.Select(l => l.Name));
        for (var s = 0; s < original.Leads.Count; s++)
            Assert.Equal(original.Leads[s].SamplesUv, back.Leads[s].SamplesUv);
    }

    [Fact]
    public void Written_header_has_the_project_convention_and_valid_checksums()
    {
        var record = WfdbReader.Read(WfdbWriter.Write(IntegerRecord(), _dir, "rt", ["Age: 50"]));
        var lines = File.ReadAllLines(Path.Combine(_dir, "rt.hea"));
        Assert.Equal("rt 12 500 1000", lines[0]);
        Assert.StartsWith("rt.dat 16 1000.0(0)/mV 16 0 ", lines[1]);
        Assert.Equal("# Age: 50", lines[^1]);
        for (var s = 0; s < record.Signals.Count; s++)
        {
            Assert.Equal(record.Signals[s].Checksum, record.ComputeChecksum(s));
            Assert.Equal(record.Signals[s].InitialValue, record.SamplesAdu[s][0]);
        }
        Assert.Equal(-32768, record.SamplesAdu[11][0]);
    }

    [Fact]
    public void Fractional_microvolts_round_to_the_nearest_adu()
    {
        var record = new EcgRecord("f", 250, [new Lead("I", [0.4f, 0.6f, -1.6f, 40000f])]);
        var back = WfdbReader.Read(WfdbWriter.Write(record, _dir, "f")).ToEcgRecord();
        Assert.Equal([0f, 1f, -2f, 32767f], back["I"].SamplesUv);
        Assert.Equal(250, back.SamplingRateHz);
    }
}
