using System.Buffers.Binary;
using HeartGuard.Core.Wfdb;
using HeartGuard.Tests.Shared;

namespace HeartGuard.Core.Tests.Wfdb;

public class WfdbReaderTests
{
    public static TheoryData<string> SignalHeaders()
    {
        // Listed from the data folder when present; a single placeholder keeps the theory skippable when not.
        var data = new TheoryData<string>();
        var root = SharedData.Root is null ? null : Path.Combine(SharedData.Root, "signals");
        if (root is null || !Directory.Exists(root)) { data.Add("(no shared data)"); return data; }
        // Format 212 (mitdb/100) is checked against hand-decoded samples below, so it is not listed here.
        foreach (var hea in Directory.EnumerateFiles(root, "*.hea", SearchOption.AllDirectories).Order())
            if (WfdbReader.Read(hea).Signals.All(s => s.Format == 16))
                data.Add(Path.GetRelativePath(SharedData.Root!, hea));
        return data;
    }

    [SkippableTheory]
    [MemberData(nameof(SignalHeaders))]
    public void Format16_records_read_the_exact_stored_integers(string relativeHeader)
    {
        var path = SharedData.RequireOrSkip(relativeHeader == "(no shared data)" ? "signals" : relativeHeader);
        Skip.If(relativeHeader == "(no shared data)", "no records listed");
        var record = WfdbReader.Read(path);

        // Independent decode: the raw little-endian int16 stream of each file, interleaved over the
        // signals that the header text lists for that file.
        var lines = File.ReadAllLines(path).Select(l => l.Trim()).Where(l => l.Length > 0 && l[0] != '#').Skip(1).ToArray();
        var dir = Path.GetDirectoryName(path)!;
        for (var s = 0; s < record.Signals.Count; s++)
        {
            var file = lines[s].Split(' ')[0];
            var inFile = lines.Select(l => l.Split(' ')[0]).ToList();
            var group = inFile.Count(f => f == file);
            var position = inFile.Take(s).Count(f => f == file);
            var raw = File.ReadAllBytes(Path.Combine(dir, file));
            var frames = raw.Length / 2 / group;
            Assert.Equal(frames, record.SamplesAdu[s].Length);
            for (var n = 0; n < frames; n++)
            {
                var expected = BinaryPrimitives.ReadInt16LittleEndian(raw.AsSpan((n * group + position) * 2, 2));
                if (record.SamplesAdu[s][n] != expected)
                    Assert.Fail($"{relativeHeader} signal {s} sample {n}: read {record.SamplesAdu[s][n]}, file holds {expected}.");
            }
        }
    }

    [SkippableTheory]
    [MemberData(nameof(SignalHeaders))]
    public void Initial_values_and_checksums_match_the_header(string relativeHeader)
    {
        var path = SharedData.RequireOrSkip(relativeHeader == "(no shared data)" ? "signals" : relativeHeader);
        Skip.If(relativeHeader == "(no shared data)", "no records listed");
        var record = WfdbReader.Read(path);
        for (var s = 0; s < record.Signals.Count; s++)
        {
            Assert.Equal(record.Signals[s].InitialValue, record.SamplesAdu[s][0]);
            Assert.Equal(record.Signals[s].Checksum, record.ComputeChecksum(s));
        }
    }

    [SkippableFact]
    public void Mitdb_100_format_212_decodes_hand_checked_samples()
    {
        var record = WfdbReader.Read(SharedData.RequireOrSkip("signals/mitdb/100.hea"));
        Assert.Equal(360, record.SamplingRateHz);
        Assert.Equal(650000, record.SampleCount);
        Assert.Equal(["MLII", "V5"], record.Signals.Select(s => s.Description));
        Assert.All(record.Signals, s => Assert.Equal((212, 200.0, 1024, 1024), (s.Format, s.Gain, s.AdcZero, s.Baseline)));
        // First bytes of 100.dat are e3 33 f3 e3 33 f3: 0x3e3 = 995 and 0x3f3 = 1011, twice.
        Assert.Equal([995, 995], record.SamplesAdu[0][..2]);
        Assert.Equal([1011, 1011], record.SamplesAdu[1][..2]);
        Assert.Equal(["unnecessary comment", "69 M 1085 1629 x1", "Aldomet, Inderal"], record.Comments);

        var ecg = record.ToEcgRecord();
        Assert.Equal((995 - 1024) / 200.0 * 1000.0, ecg["II"].SamplesUv[0], 3);
    }

    [SkippableFact]
    public void Header_quirks_are_read_lower_case_leads_unsigned_checksums_and_second_signal_file()
    {
        var ptb = WfdbReader.Read(SharedData.RequireOrSkip("signals/ptbdb/s0010_re.hea"));
        Assert.Equal(15, ptb.Signals.Count);
        Assert.Equal("mV", ptb.Signals[0].Units);
        var ptbEcg = ptb.ToEcgRecord();
        Assert.Equal([.. StandardLeads.Names, "vx", "vy", "vz"], ptbEcg.Leads.Select(l => l.Name));
        Assert.Equal(-489 / 2000.0 * 1000.0, ptbEcg["I"].SamplesUv[0], 3);

        var ptbxl = WfdbReader.Read(SharedData.RequireOrSkip("signals/ptbxl/00001_lr.hea"));
        Assert.Equal(unchecked((short)64758), ptbxl.Signals[2].Checksum);
        Assert.Equal(StandardLeads.Names, ptbxl.ToEcgRecord().Leads.Select(l => l.Name));
    }

    [Fact]
    public void Header_parser_handles_crlf_comments_blank_lines_and_defaults()
    {
        var header = WfdbHeader.Parse("# lead comment\r\nrec 2 250 3\r\n\r\nrec.dat 212 200 11 1024 995 -22131 0 MLII\r\n# mid\nrec.dat 212\r\n");
        Assert.Equal(("rec", 250.0, 3L), (header.RecordName, header.SamplingRateHz, header.SampleCount));
        Assert.Equal(2, header.Signals.Count);
        Assert.Equal(200, header.Signals[1].Gain);
        Assert.Equal("mV", header.Signals[1].Units);
        Assert.Equal(["lead comment", "mid"], header.Comments);
    }

    [Theory]
    [InlineData("")]
    [InlineData("rec 3 500 10\nrec.dat 16 1000 16 0 0 0 0 I\n")]
    [InlineData("rec 1 abc 10\nrec.dat 16 1000 16 0 0 0 0 I\n")]
    public void Malformed_headers_raise_clear_errors(string text)
    {
        var error = Assert.Throws<InvalidDataException>(() => WfdbHeader.Parse(text));
        Assert.Contains("WFDB", error.Message);
    }
}
