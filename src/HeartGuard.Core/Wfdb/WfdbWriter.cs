using System.Buffers.Binary;
using System.Globalization;
using System.Text;

namespace HeartGuard.Core.Wfdb;

/// <summary>Writes an <see cref="EcgRecord"/> as WFDB format 16, gain 1000 adu/mV (1 adu = 1 µV), baseline 0,
/// units mV, NaN as -32768: the project's one WFDB output convention.</summary>
public static class WfdbWriter
{
    public const double GainAduPerMv = 1000.0;

    /// <returns>The path of the written .hea file.</returns>
    public static string Write(EcgRecord record, string directory, string recordName, IEnumerable<string>? comments = null)
    {
        var (header, data) = Encode(record, recordName, comments);
        Directory.CreateDirectory(directory);
        File.WriteAllBytes(Path.Combine(directory, recordName + ".dat"), data);
        var headerPath = Path.Combine(directory, recordName + ".hea");
        File.WriteAllText(headerPath, header);
        return headerPath;
    }

    /// <summary>The .hea text and .dat bytes of <see cref="Write"/>, in memory (for downloads that must not
    /// touch the disk).</summary>
    public static (string Header, byte[] Data) Encode(EcgRecord record, string recordName, IEnumerable<string>? comments = null)
    {
        if (string.IsNullOrWhiteSpace(recordName) || recordName.IndexOfAny([' ', '\t', '/', '\\']) >= 0)
            throw new ArgumentException($"'{recordName}' is not a valid WFDB record name.", nameof(recordName));
        var leads = record.Leads;
        var frames = record.SampleCount;
        var adu = new short[leads.Count][];
        for (var s = 0; s < leads.Count; s++) adu[s] = ToAdu(leads[s].SamplesUv);

        var data = new byte[frames * leads.Count * 2];
        for (var n = 0; n < frames; n++)
            for (var s = 0; s < leads.Count; s++)
                BinaryPrimitives.WriteInt16LittleEndian(data.AsSpan((n * leads.Count + s) * 2, 2), adu[s][n]);
        var datName = recordName + ".dat";

        var inv = CultureInfo.InvariantCulture;
        var header = new StringBuilder();
        header.Append(inv, $"{recordName} {leads.Count} {record.SamplingRateHz.ToString("R", inv)} {frames}\n");
        for (var s = 0; s < leads.Count; s++)
        {
            long sum = 0;
            foreach (var v in adu[s]) sum += v;
            var initial = frames > 0 ? adu[s][0] : 0;
            header.Append(inv, $"{datName} 16 {GainAduPerMv:0.0}(0)/mV 16 0 {initial} {unchecked((short)sum)} 0 {leads[s].Name}\n");
        }
        foreach (var c in comments ?? []) header.Append("# ").Append(c.ReplaceLineEndings(" ")).Append('\n');
        return (header.ToString(), data);
    }

    /// <summary>The record exactly as <see cref="Write"/> stores it and the reader returns it (whole µV,
    /// clipped to the format's range), so what is drawn from it equals what is saved.</summary>
    public static EcgRecord AsStored(EcgRecord record) =>
        new(record.Name, record.SamplingRateHz, record.Leads
            .Select(l => new Lead(l.Name, Array.ConvertAll(ToAdu(l.SamplesUv), a => a == short.MinValue ? float.NaN : (float)(a * (1000.0 / GainAduPerMv)))))
            .ToList());

    private static short[] ToAdu(float[] samplesUv)
    {
        var uvPerAdu = 1000.0 / GainAduPerMv;
        var result = new short[samplesUv.Length];
        for (var i = 0; i < samplesUv.Length; i++)
        {
            var v = samplesUv[i];
            // -32768 is reserved for "missing"; out-of-range values clip to the largest valid sample.
            result[i] = float.IsNaN(v) ? short.MinValue : (short)Math.Clamp(Math.Round(v / uvPerAdu), -32767, 32767);
        }
        return result;
    }
}
