using System.Globalization;

namespace HeartGuard.Core.Wfdb;

/// <summary>A parsed WFDB header (.hea): the record line, one <see cref="WfdbSignal"/> per signal line, and
/// the comment lines (without their leading '#').</summary>
public sealed record WfdbHeader(
    string RecordName,
    double SamplingRateHz,
    long SampleCount,
    IReadOnlyList<WfdbSignal> Signals,
    IReadOnlyList<string> Comments)
{
    /// <summary>Parses header text. Tolerates what real headers contain: CRLF or LF line ends, comment
    /// lines anywhere, blank lines, unsigned 16-bit checksums and omitted optional fields.</summary>
    public static WfdbHeader Parse(string text)
    {
        var comments = new List<string>();
        var content = new List<string>();
        foreach (var rawLine in text.Split('\n'))
        {
            var line = rawLine.TrimEnd('\r').Trim();
            if (line.Length == 0) continue;
            if (line[0] == '#') comments.Add(line[1..].Trim());
            else content.Add(line);
        }
        if (content.Count == 0) throw new InvalidDataException("The WFDB header has no record line.");

        var record = Fields(content[0]);
        if (record[0].Contains('/'))
            throw new NotSupportedException("Multi-segment WFDB records are not supported.");
        if (record.Length < 2) throw new InvalidDataException($"Malformed WFDB record line: '{content[0]}'.");
        var signalCount = ParseInt(record[1], "number of signals");
        var fs = record.Length > 2 ? ParseDouble(record[2].Split('/', '(')[0], "sampling frequency") : 250.0;
        var sampleCount = record.Length > 3 ? long.Parse(record[3], CultureInfo.InvariantCulture) : -1;

        if (content.Count - 1 < signalCount)
            throw new InvalidDataException($"The WFDB header announces {signalCount} signals but has {content.Count - 1} signal lines.");
        var signals = new List<WfdbSignal>(signalCount);
        for (var i = 0; i < signalCount; i++) signals.Add(ParseSignal(content[1 + i], i));
        return new WfdbHeader(record[0], fs, sampleCount, signals, comments);
    }

    // Signal line: file format[xsamp][:skew][+offset] gain[(baseline)][/units] adcres adczero init checksum blocksize description
    private static WfdbSignal ParseSignal(string line, int index)
    {
        var f = Fields(line, 9);
        if (f.Length < 2) throw new InvalidDataException($"Malformed WFDB signal line: '{line}'.");

        var formatField = f[1];
        long offset = 0;
        var plus = formatField.IndexOf('+');
        if (plus >= 0) { offset = long.Parse(formatField[(plus + 1)..], CultureInfo.InvariantCulture); formatField = formatField[..plus]; }
        if (formatField.Contains('x') || formatField.Contains(':'))
            throw new NotSupportedException($"WFDB format field '{f[1]}' (multiple samples per frame or skew) is not supported.");
        var format = ParseInt(formatField, "format");

        var gain = 200.0;
        int? baseline = null;
        var units = "mV";
        if (f.Length > 2)
        {
            var g = f[2];
            var slash = g.IndexOf('/');
            if (slash >= 0) { units = g[(slash + 1)..]; g = g[..slash]; }
            var paren = g.IndexOf('(');
            if (paren >= 0) { baseline = ParseInt(g[(paren + 1)..g.IndexOf(')')], "baseline"); g = g[..paren]; }
            gain = ParseDouble(g, "gain");
            if (gain == 0) gain = 200.0; // WFDB: gain 0 means uncalibrated, read at the default gain
        }
        var resolution = f.Length > 3 ? ParseInt(f[3], "ADC resolution") : (format == 212 ? 12 : 16);
        var adcZero = f.Length > 4 ? ParseInt(f[4], "ADC zero") : 0;
        var initial = f.Length > 5 ? ParseInt(f[5], "initial value") : 0;
        var checksum = f.Length > 6 ? (short)unchecked((ushort)ParseInt(f[6], "checksum")) : 0;
        var blockSize = f.Length > 7 ? ParseInt(f[7], "block size") : 0;
        var description = f.Length > 8 ? f[8] : $"signal {index}";
        return new WfdbSignal(f[0], format, gain, baseline ?? adcZero, units, resolution, adcZero, initial, checksum, blockSize, description)
        {
            ByteOffset = offset,
        };
    }

    /// <summary>Whitespace-separated fields; with <paramref name="maxFields"/>, the last one keeps the rest
    /// of the line (a signal description may contain spaces).</summary>
    private static string[] Fields(string line, int maxFields = int.MaxValue) =>
        line.Split((char[]?)null, maxFields, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static int ParseInt(string s, string what) =>
        int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v)
            ? v : throw new InvalidDataException($"WFDB header: '{s}' is not a valid {what}.");

    private static double ParseDouble(string s, string what) =>
        double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var v)
            ? v : throw new InvalidDataException($"WFDB header: '{s}' is not a valid {what}.");
}
