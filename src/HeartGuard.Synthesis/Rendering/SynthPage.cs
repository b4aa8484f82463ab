using HeartGuard.Core;
using HeartGuard.Core.Wfdb;

namespace HeartGuard.Synthesis;

/// <summary>A rendered page: encoded image bytes, their format, the ground truth and the record plotted.</summary>
public sealed record SynthPage(byte[] ImageBytes, PageImageFormat Format, GroundTruth GroundTruth, EcgRecord Record)
{
    public string Extension => Format == PageImageFormat.Jpeg ? ".jpg" : ".png";

    /// <summary>Writes &lt;stem&gt;.png|.jpg, &lt;stem&gt;.json and the WFDB record &lt;stem&gt;.hea/.dat; the record
    /// and the ground truth are named after the stem. Returns the image path.</summary>
    public string Save(string directory, string stem)
    {
        Directory.CreateDirectory(directory);
        var imagePath = Path.Combine(directory, stem + Extension);
        File.WriteAllBytes(imagePath, ImageBytes);
        (GroundTruth with { RecordName = stem }).Save(Path.Combine(directory, stem + ".json"));
        WfdbWriter.Write(Record, directory, stem, [$"Synthesized by HeartGuard from {Record.Name}"]);
        return imagePath;
    }
}
