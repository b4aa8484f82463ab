using System.Collections.Concurrent;
using HeartGuard.Synthesis;

namespace HeartGuard.Web;

/// <summary>Synthetic ECG pages for trying the app without patient data: drawn by the synthesizer from
/// generated signals (fixed seeds, so a sample is the same page every time), rendered on first request and
/// kept in memory.</summary>
internal static class SamplePages
{
    public sealed record Sample(string Id, string Title, EcgPattern Pattern, double HeartRateBpm, string Layout, int Seed)
    {
        public string File => $"sample-{Id}.jpg";
        public string Url => $"/ui/samples/{Id}.jpg";
    }

    public static readonly IReadOnlyList<Sample> All =
    [
        new("normal", "Normal sinus rhythm, 72 bpm", EcgPattern.Normal, 72, "3x4+1", 11),
        new("af", "Atrial fibrillation, ~105 bpm", EcgPattern.AtrialFibrillation, 105, "3x4+1", 12),
        new("pvc", "Premature ventricular beats, 78 bpm", EcgPattern.PrematureVentricular, 78, "3x4+1", 13),
        new("inferior-mi", "Acute inferior MI, 84 bpm", EcgPattern.AcuteMiInferior, 84, "3x4+1", 14),
        new("old-mi", "Old MI, 64 bpm, 6x2 layout", EcgPattern.OldMi, 64, "6x2", 15),
    ];

    private static readonly ConcurrentDictionary<string, Lazy<byte[]>> Rendered = new();

    public static void Map(WebApplication app)
    {
        app.MapGet("/ui/samples", () => Results.Json(All.Select(s => new { s.Id, s.Title, s.File, s.Url }), Core.Json.Options))
            .ExcludeFromDescription();
        app.MapGet("/ui/samples/{id}.jpg", (string id) => All.FirstOrDefault(s => s.Id == id) is { } sample
                ? Results.File(Rendered.GetOrAdd(id, _ => new Lazy<byte[]>(() => Render(sample))).Value, "image/jpeg", sample.File)
                : Results.NotFound())
            .ExcludeFromDescription();
    }

    public static byte[] Render(Sample sample)
    {
        var record = SignalGenerator.Generate(new SignalSpec(sample.Pattern, sample.HeartRateBpm, sample.Seed));
        return PageRenderer.Render(record, new PageSpec
        {
            Layout = sample.Layout, Format = PageImageFormat.Jpeg, Seed = sample.Seed, FooterHeartRateBpm = sample.HeartRateBpm,
        }).ImageBytes;
    }
}
