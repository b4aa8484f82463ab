using System.Buffers.Binary;
using System.Globalization;

namespace HeartGuard.Imaging.Scoring;

/// <summary>Reads the WFDB format-16 ground-truth records beside ecg-image-kit renders, in µV.</summary>
internal static class Format16Reader
{
    public static (double Fs, Dictionary<string, float[]> LeadsUv) Read(string headerPath)
    {
        var lines = File.ReadAllLines(headerPath).Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')).ToList();
        var head = lines[0].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var nsig = int.Parse(head[1], CultureInfo.InvariantCulture);
        var fs = double.Parse(head[2].Split('/')[0], CultureInfo.InvariantCulture);
        var bytes = File.ReadAllBytes(Path.Combine(Path.GetDirectoryName(headerPath)!, lines[1].Split(' ')[0]));
        var n = bytes.Length / 2 / nsig;
        var leads = new Dictionary<string, float[]>();
        for (var s = 0; s < nsig; s++)
        {
            var f = lines[1 + s].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (f[1] != "16") throw new NotSupportedException($"{headerPath}: only WFDB format 16 is read here");
            var gainField = f[2].Split('/')[0];
            var baselineAt = gainField.IndexOf('(');
            var gain = double.Parse(baselineAt < 0 ? gainField : gainField[..baselineAt], CultureInfo.InvariantCulture);
            var baseline = baselineAt < 0 ? (f.Length > 4 ? double.Parse(f[4], CultureInfo.InvariantCulture) : 0)
                : double.Parse(gainField[(baselineAt + 1)..gainField.IndexOf(')')], CultureInfo.InvariantCulture);
            var units = f[2].Contains('/') ? f[2].Split('/')[1].ToLowerInvariant() : "mv";
            var uvPerMv = units == "uv" ? 1 : 1000;
            var values = new float[n];
            for (var i = 0; i < n; i++)
                values[i] = (float)((BinaryPrimitives.ReadInt16LittleEndian(bytes.AsSpan(2 * (i * nsig + s))) - baseline) / gain * uvPerMv);
            leads[f[^1]] = values;
        }
        return (fs, leads);
    }
}
