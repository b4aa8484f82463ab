namespace HeartGuard.Core.Wfdb;

/// <summary>Reads a WFDB record (.hea and its signal files, formats 16 and 212).</summary>
public static class WfdbReader
{
    /// <param name="headerPath">The .hea file; signal files are looked up beside it.</param>
    public static WfdbRecord Read(string headerPath)
    {
        if (!File.Exists(headerPath)) throw new FileNotFoundException($"WFDB header '{headerPath}' does not exist.", headerPath);
        var header = WfdbHeader.Parse(File.ReadAllText(headerPath));
        var directory = Path.GetDirectoryName(Path.GetFullPath(headerPath))!;
        var samples = new int[header.Signals.Count][];

        // Signals stored in one file are interleaved frame by frame, in header order.
        var index = 0;
        while (index < header.Signals.Count)
        {
            var first = header.Signals[index];
            var group = 1;
            while (index + group < header.Signals.Count && header.Signals[index + group].FileName == first.FileName) group++;
            ReadGroup(header, directory, index, group, samples);
            index += group;
        }
        return new WfdbRecord(header, samples);
    }

    private static void ReadGroup(WfdbHeader header, string directory, int firstSignal, int count, int[][] samples)
    {
        var first = header.Signals[firstSignal];
        for (var s = 1; s < count; s++)
            if (header.Signals[firstSignal + s].Format != first.Format)
                throw new NotSupportedException($"Signals in '{first.FileName}' mix formats.");
        var path = Path.Combine(directory, first.FileName);
        if (!File.Exists(path)) throw new FileNotFoundException($"WFDB signal file '{path}' does not exist.", path);

        var bytes = File.ReadAllBytes(path).AsSpan();
        if (first.ByteOffset > bytes.Length) throw new InvalidDataException($"'{path}' is shorter than its byte offset.");
        bytes = bytes[(int)first.ByteOffset..];
        var frames = header.SampleCount >= 0
            ? header.SampleCount
            : WfdbFormats.SampleCapacity(first.Format, bytes.Length) / count;
        var interleaved = new int[checked((int)(frames * count))];
        WfdbFormats.Decode(first.Format, bytes, interleaved);
        for (var s = 0; s < count; s++)
        {
            var values = new int[frames];
            for (var n = 0; n < frames; n++) values[n] = interleaved[n * count + s];
            samples[firstSignal + s] = values;
        }
    }
}
