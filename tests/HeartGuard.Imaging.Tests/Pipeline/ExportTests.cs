using HeartGuard.Core;
using HeartGuard.Core.IO;
using HeartGuard.Core.Wfdb;
using HeartGuard.Imaging.Export;
using HeartGuard.Synthesis;

namespace HeartGuard.Imaging.Tests.Pipeline;

public class ExportTests
{
    private static DigitizationResult Digitized()
    {
        var record = SignalGenerator.Generate(new SignalSpec(EcgPattern.Normal, 80, 3));
        var page = PageRenderer.Render(record, new PageSpec { Grid = GridStyle.Red, Seed = 3 });
        return new Digitizer().Digitize(page.ImageBytes, "page");
    }

    [Fact]
    public void Wfdb_written_from_a_digitized_page_reads_back_to_the_microvolt()
    {
        var result = Digitized();
        var dir = Directory.CreateTempSubdirectory("hg-wfdb-").FullName;
        try
        {
            var header = WfdbWriter.Write(result.Record, dir, "page");
            var back = WfdbReader.Read(header).ToEcgRecord();
            Assert.Equal(500, back.SamplingRateHz);
            foreach (var lead in result.Record.Leads)
            {
                var read = back[lead.Name].SamplesUv;
                for (var i = 0; i < lead.Count; i++)
                    if (float.IsNaN(lead.SamplesUv[i])) Assert.True(float.IsNaN(read[i]));
                    else Assert.InRange(read[i] - lead.SamplesUv[i], -0.5001f, 0.5001f);
            }
            var first = File.ReadAllLines(header)[0].Split(' ');
            Assert.Equal(["page", "12", "500", "5000"], first);
        }
        finally { Directory.Delete(dir, recursive: true); }
    }

    [Fact]
    public void Csv_round_trips_with_empty_cells_for_missing_samples()
    {
        var result = Digitized();
        var back = EcgCsv.Read("page", new StringReader(EcgCsv.ToCsv(result.Record)));
        Assert.Equal(result.Record.SampleCount, back.SampleCount);
        Assert.Equal(StandardLeads.Names, back.Leads.Select(l => l.Name));
        var aVr = result.Record["aVR"].SamplesUv;
        Assert.True(float.IsNaN(aVr[0]));
        Assert.True(float.IsNaN(back["aVR"].SamplesUv[0]));
        Assert.Equal(aVr[1000], back["aVR"].SamplesUv[1000], 0.05f);
    }

    [Fact]
    public void Json_names_layout_scale_source_and_every_placement()
    {
        var json = DigitizationJson.Serialize(Digitized(), "page.png");
        Assert.Contains("\"layout\": \"3x4+1\"", json);
        Assert.Contains("\"source\": \"grid\"", json);
        Assert.Equal(13, json.Split("\"box_px\"").Length - 1);
    }

    [Fact]
    public void Overlay_is_a_png_of_the_page_size()
    {
        var record = SignalGenerator.Generate(new SignalSpec(EcgPattern.Normal, 80, 3));
        var page = PageRenderer.Render(record, new PageSpec { Grid = GridStyle.Red, Seed = 3 });
        var result = new Digitizer().Digitize(page.ImageBytes, "page");
        var png = Overlay.RenderPng(page.ImageBytes, result);
        using var decoded = SkiaSharp.SKBitmap.Decode(png);
        Assert.Equal(result.WidthPx, decoded.Width);
        Assert.Equal(result.HeightPx, decoded.Height);
    }
}
