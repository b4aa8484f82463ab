using HeartGuard.Core;
using HeartGuard.Models.Deep.Inputs;
using HeartGuard.Synthesis;

namespace HeartGuard.Models.Deep.Tests;

/// <summary>Synthesizer signals cut the way a 3x4+1 page shows them (each lead 2.5 s, lead II for 10 s,
/// NaN elsewhere: what a perfect digitizer returns), as route input windows with their class indices.</summary>
internal static class SynthSignals
{
    public static readonly (EcgPattern Pattern, string Label)[] ThreeClasses =
    [
        (EcgPattern.Normal, DiagnosticClasses.Normal),
        (EcgPattern.AtrialFibrillation, DiagnosticClasses.AbnormalHeartbeat),
        (EcgPattern.AcuteMiAnterior, DiagnosticClasses.MyocardialInfarction),
    ];

    private static readonly EcgLayout Page = EcgLayout.Standard("3x4+1");

    public static (List<float[]> Windows, List<int> Labels, List<string> Groups) Make(DeepRouteSpec spec, int perClass, int firstSeed)
    {
        var windows = new List<float[]>();
        var labels = new List<int>();
        var groups = new List<string>();
        foreach (var (pattern, label) in ThreeClasses)
            for (var i = 0; i < perClass; i++)
            {
                var seed = firstSeed + i;
                var record = SignalGenerator.Generate(new SignalSpec(pattern, 55 + (seed * 7) % 50, seed));
                windows.Add(SignalWindow.From(Page.ShownOnPage(record), spec.RateHz, spec.DurationS));
                labels.Add(DiagnosticClasses.IndexOf(label));
                groups.Add($"{pattern}-{seed}");
            }
        return (windows, labels, groups);
    }
}
