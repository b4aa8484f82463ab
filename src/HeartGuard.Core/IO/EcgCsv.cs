using System.Globalization;
using System.Text;

namespace HeartGuard.Core.IO;

/// <summary>CSV export of a record: a header "time_s,I,II,...", then one line per sample with the time in
/// seconds and each lead in microvolts; a missing sample is an empty cell.</summary>
public static class EcgCsv
{
    public static void Write(EcgRecord record, TextWriter writer)
    {
        var header = new StringBuilder("time_s");
        foreach (var lead in record.Leads) header.Append(',').Append(lead.Name);
        writer.Write(header.Append('\n'));
        var line = new StringBuilder();
        for (var i = 0; i < record.SampleCount; i++)
        {
            line.Clear().Append((i / record.SamplingRateHz).ToString("0.####", CultureInfo.InvariantCulture));
            foreach (var lead in record.Leads)
            {
                line.Append(',');
                var v = lead.SamplesUv[i];
                if (!float.IsNaN(v)) line.Append(v.ToString("0.#", CultureInfo.InvariantCulture));
            }
            writer.Write(line.Append('\n'));
        }
    }

    public static string ToCsv(EcgRecord record)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        Write(record, writer);
        return writer.ToString();
    }

    /// <summary>Reads a file written by <see cref="Write"/>; the sampling rate comes from the time column.</summary>
    public static EcgRecord Read(string name, TextReader reader)
    {
        var header = (reader.ReadLine() ?? throw new FormatException("empty CSV")).Split(',');
        if (header.Length < 2 || header[0] != "time_s") throw new FormatException("CSV must start with a time_s column");
        var columns = Enumerable.Range(1, header.Length - 1).Select(_ => new List<float>()).ToList();
        var times = new List<double>();
        for (var line = reader.ReadLine(); line != null; line = reader.ReadLine())
        {
            if (line.Length == 0) continue;
            var cells = line.Split(',');
            times.Add(double.Parse(cells[0], CultureInfo.InvariantCulture));
            for (var c = 1; c < header.Length; c++)
                columns[c - 1].Add(c < cells.Length && cells[c].Length > 0 ? float.Parse(cells[c], CultureInfo.InvariantCulture) : float.NaN);
        }
        var rate = times.Count > 1 ? Math.Round(1 / (times[1] - times[0]), 6) : 500;
        return new EcgRecord(name, rate, header.Skip(1).Select((n, i) => new Lead(n, columns[i].ToArray())).ToList());
    }
}
