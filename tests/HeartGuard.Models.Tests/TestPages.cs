using HeartGuard.Core;
using HeartGuard.Synthesis;
using OpenCvSharp;

namespace HeartGuard.Models.Tests;

/// <summary>Small 3x4+1 ECG pages drawn from the synthesizer's signals (4 px/mm, pink grid), written into a
/// class-folder dataset in a temporary directory that is removed on dispose.</summary>
public sealed class TestPages : IDisposable
{
    public const double PxPerMm = 4;
    public static readonly (EcgPattern Pattern, string Label)[] ThreeClasses =
    [
        (EcgPattern.Normal, DiagnosticClasses.Normal),
        (EcgPattern.AtrialFibrillation, DiagnosticClasses.AbnormalHeartbeat),
        (EcgPattern.AcuteMiAnterior, DiagnosticClasses.MyocardialInfarction),
    ];

    public TestPages() => Directory.CreateDirectory(Root);

    public string Root { get; } = Path.Combine(Path.GetTempPath(), "hg-models-tests-" + Guid.NewGuid().ToString("N"));

    /// <summary>Writes <paramref name="perClass"/> pages per class with seeds from <paramref name="firstSeed"/>; returns the folder.</summary>
    public string WriteDataset(string name, int perClass, int firstSeed)
    {
        var dir = Path.Combine(Root, name);
        foreach (var (pattern, label) in ThreeClasses)
        {
            Directory.CreateDirectory(Path.Combine(dir, label));
            for (var i = 0; i < perClass; i++)
            {
                var seed = firstSeed + i;
                var rate = 60 + (seed * 7) % 40;
                File.WriteAllBytes(Path.Combine(dir, label, $"{pattern}-{seed}.png"), Render(SignalGenerator.Generate(new SignalSpec(pattern, rate, seed)), seed));
            }
        }
        return dir;
    }

    public static byte[] Render(EcgRecord record, int seed)
    {
        const double mmPerS = 25, mmPerMv = 10;
        var pxPerS = mmPerS * PxPerMm;
        var pxPerUv = mmPerMv * PxPerMm / 1000;
        var rng = new Random(seed);
        int marginX = 20 + rng.Next(8), marginY = 30 + rng.Next(8);
        var width = (int)(10 * pxPerS) + 60;
        var height = 4 * 90 + 80;
        using var page = new Mat(height, width, MatType.CV_8UC3, new Scalar(245, 240, 255));
        for (var x = 0.0; x < width; x += PxPerMm * 5) page.Line(new Point((int)x, 0), new Point((int)x, height), new Scalar(190, 170, 250));
        for (var y = 0.0; y < height; y += PxPerMm * 5) page.Line(new Point(0, (int)y), new Point(width, (int)y), new Scalar(190, 170, 250));
        var layout = EcgLayout.Standard("3x4+1");
        var fs = record.SamplingRateHz;
        foreach (var placement in layout.Placements)
        {
            var lead = record.Leads.First(l => l.Name == placement.Lead);
            var baseline = marginY + 45 + placement.Row * 90;
            var x0 = marginX + placement.StartS * pxPerS;
            var points = new List<Point>();
            for (var n = (int)(placement.StartS * fs); n < (int)((placement.StartS + placement.DurationS) * fs) && n < lead.Count; n++)
                points.Add(new Point((int)Math.Round(x0 + (n / fs - placement.StartS) * pxPerS), (int)Math.Round(baseline - lead.SamplesUv[n] * pxPerUv)));
            page.Polylines([points], false, Scalar.Black, 1, LineTypes.AntiAlias);
        }
        return page.ImEncode(".png");
    }

    public void Dispose()
    {
        if (Directory.Exists(Root)) Directory.Delete(Root, recursive: true);
    }
}
