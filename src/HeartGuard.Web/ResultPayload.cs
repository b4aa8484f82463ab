using System.IO.Compression;
using System.Text;
using HeartGuard.Analysis;
using HeartGuard.Core;
using HeartGuard.Core.IO;
using HeartGuard.Core.Wfdb;

namespace HeartGuard.Web;

/// <summary>What the result page needs from one analysis: the public summary, the self-contained report
/// (displayed as is, so page and report cannot disagree) and the signals as CSV and WFDB (zipped .hea +
/// .dat, base64). Everything is built in memory; the server keeps nothing after the response.
/// <see cref="ImageHeatmapOnRequest"/>: the model has an image part whose occlusion map was not computed yet
/// (the page offers a button for it).</summary>
internal sealed record ResultPayload(AnalysisSummary Summary, string ReportHtml, string SignalsCsv, string WfdbZip, bool ImageHeatmapOnRequest)
{
    public static ResultPayload From(PageAnalysis analysis)
    {
        var record = analysis.Digitization.Record;
        return new(analysis.Summary, HtmlReport.Render(analysis), EcgCsv.ToCsv(record),
            Convert.ToBase64String(WfdbZipOf(record, RecordName(analysis.Summary.File))),
            analysis.Summary.Diagnosis is not null && analysis.Explanation is null);
    }

    /// <summary>The file stem, with characters WFDB record names cannot hold replaced.</summary>
    public static string RecordName(string file)
    {
        var stem = Path.GetFileNameWithoutExtension(file);
        var name = new string(stem.Select(c => char.IsWhiteSpace(c) || c is '/' or '\\' ? '_' : c).ToArray());
        return name.Length == 0 ? "ecg" : name;
    }

    private static byte[] WfdbZipOf(EcgRecord record, string name)
    {
        var (header, data) = WfdbWriter.Encode(record, name, ["digitized by HeartGuard from a page image; not for clinical use"]);
        using var memory = new MemoryStream();
        using (var zip = new ZipArchive(memory, ZipArchiveMode.Create, leaveOpen: true))
        {
            using (var entry = zip.CreateEntry(name + ".hea").Open()) entry.Write(Encoding.ASCII.GetBytes(header));
            using (var entry = zip.CreateEntry(name + ".dat").Open()) entry.Write(data);
        }
        return memory.ToArray();
    }
}
