using System.Text.Json;
using HeartGuard.Core.Wfdb;
using HeartGuard.Tests.Shared;

namespace HeartGuard.Synthesis.Tests.Rendering;

/// <summary>Cross-check against ecg-image-kit's renders: their stored pixels, our WFDB reading of the same
/// record and our page scale must agree on the geometry convention (x = origin + t x px/s, y = y0 - mV x px/mV).</summary>
public class EcgImageKitCrossCheckTests
{
    [SkippableTheory]
    [InlineData("E07500-0")]
    [InlineData("HR06003-0")]
    [InlineData("00001_lr-0")]
    public void Ecg_image_kit_pixels_follow_our_scale_and_our_reading_of_its_record(string render)
    {
        var json = SharedData.RequireOrSkip($"renders/{render}.json");
        var record = WfdbReader.Read(SharedData.RequireOrSkip($"renders/{render.Split('-')[0]}.hea")).ToEcgRecord();
        using var doc = JsonDocument.Parse(File.ReadAllText(json));
        var fs = doc.RootElement.GetProperty("sampling_frequency").GetDouble();
        var ours = new PageGeometry(new PageSpec { Dpi = doc.RootElement.GetProperty("resolution").GetDouble() }, 10);

        foreach (var lead in doc.RootElement.GetProperty("leads").EnumerateArray())
        {
            var samples = record[lead.GetProperty("lead_name").GetString()!].SamplesUv;
            var start = lead.GetProperty("start_sample").GetInt32();
            var pixels = lead.GetProperty("plotted_pixels").EnumerateArray().Select(p => (Y: p[0].GetDouble(), X: p[1].GetDouble())).ToArray();
            Assert.Equal(lead.GetProperty("end_sample").GetInt32() - start, pixels.Length);
            // y0 = y + mV x px/mV must be one constant per segment; x must advance by px/s / fs per sample.
            var zeroLine = pixels.Select((p, i) => p.Y + samples[start + i] / 1000.0 * ours.PxPerMv).ToArray();
            var mean = zeroLine.Average();
            var rms = Math.Sqrt(zeroLine.Average(z => (z - mean) * (z - mean)));
            Assert.True(rms < 0.02, $"{render} {lead.GetProperty("lead_name")}: zero-line RMS {rms:0.000} px");
            var slope = (pixels[^1].X - pixels[0].X) / (pixels.Length - 1);
            Assert.Equal(ours.PxPerS / fs, slope, 0.0005);
        }
    }
}
