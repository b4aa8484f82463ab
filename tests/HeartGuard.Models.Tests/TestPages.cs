using HeartGuard.Core;
using HeartGuard.Synthesis;

namespace HeartGuard.Models.Tests;

/// <summary>Small synthesizer pages (signals from SignalGenerator, pages from PageRenderer), written into a
/// class-folder dataset in a temporary directory that is removed on dispose.</summary>
public sealed class TestPages : IDisposable
{
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

    /// <summary>A 3x4+1 page from the project's renderer at a low resolution (tests stay fast), with a small
    /// seeded shift/scale and noise; no header text, which would print the pattern name.</summary>
    public static byte[] Render(EcgRecord record, int seed) => PageRenderer.Render(record, new PageSpec
    {
        Dpi = 100,
        Grid = (seed & 1) == 0 ? GridStyle.Pink : GridStyle.Red,
        HeaderFooter = false,
        Seed = seed,
        Degradations = new Degradations { Scale = 0.97 + 0.01 * (seed % 5), NoiseSigma = 2 },
    }).ImageBytes;

    public void Dispose()
    {
        if (Directory.Exists(Root)) Directory.Delete(Root, recursive: true);
    }
}
