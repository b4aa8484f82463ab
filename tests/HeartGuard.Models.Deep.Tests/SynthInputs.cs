using HeartGuard.Core;
using HeartGuard.Models.Deep.Inputs;
using HeartGuard.Models.Tests;
using HeartGuard.Synthesis;

namespace HeartGuard.Models.Deep.Tests;

/// <summary>Synthesizer records as a route's input rows with their class indices: for the signal routes cut
/// the way a 3x4+1 page shows them (each lead 2.5 s, lead II for 10 s, NaN elsewhere: what a perfect
/// digitizer returns); for image-cnn rendered as a page (<see cref="TestPages.Render"/>) and read by
/// <see cref="TraceImage"/>.</summary>
internal static class SynthInputs
{
    public static readonly (EcgPattern Pattern, string Label)[] ThreeClasses = TestPages.ThreeClasses;

    private static readonly EcgLayout Page = EcgLayout.Standard("3x4+1");

    public static (List<float[]> Rows, List<int> Labels, List<string> Groups) Make(DeepRouteSpec spec, int perClass, int firstSeed)
    {
        var inputs = IDeepInputs.For(spec);
        var rows = new List<float[]>();
        var labels = new List<int>();
        var groups = new List<string>();
        foreach (var (pattern, label) in ThreeClasses)
            for (var i = 0; i < perClass; i++)
            {
                var seed = firstSeed + i;
                var record = SignalGenerator.Generate(new SignalSpec(pattern, 55 + (seed * 7) % 50, seed));
                rows.Add(spec.Input == DeepInputKind.TraceImage
                    ? inputs.From(new PredictionInput(TestPages.Render(record, seed)))
                    : SignalWindow.From(Page.ShownOnPage(record), spec.RateHz, spec.DurationS));
                labels.Add(DiagnosticClasses.IndexOf(label));
                groups.Add($"{pattern}-{seed}");
            }
        return (rows, labels, groups);
    }
}
