using System.Text.Encodings.Web;
using System.Text.Json;
using HeartGuard.Core;

namespace HeartGuard.Imaging.Export;

/// <summary>The JSON description of a digitized page: layout, scale and its source, paper settings, every
/// placement's box, baseline and quality, the warnings and stage times. Samples go to WFDB/CSV.</summary>
public static class DigitizationJson
{
    public static object ToDocument(DigitizationResult r, string? file = null) => new
    {
        File = file,
        Record = r.Record.Name,
        SamplingRateHz = r.Record.SamplingRateHz,
        DurationS = r.Record.DurationS,
        Layout = r.Layout.Name,
        r.LayoutConfidence,
        Scale = new
        {
            r.Calibration.PxPerMmX,
            r.Calibration.PxPerMmY,
            Source = r.Calibration.Source,
            r.Calibration.Confidence,
        },
        Paper = new { r.Paper.SpeedMmPerS, r.Paper.GainMmPerMv },
        Image = new { r.WidthPx, r.HeightPx, r.SkewDeg },
        Leads = r.Traces.Select(t => new
        {
            t.Lead,
            t.Placement.Row,
            t.Placement.Column,
            t.Placement.StartS,
            t.Placement.DurationS,
            RhythmStrip = t.Placement.IsRhythmStrip,
            BoxPx = new { t.Box.X, t.Box.Y, t.Box.Width, t.Box.Height },
            BaselineYPx = Math.Round(t.BaselineY, 2),
            t.Quality,
            PrintedLabel = t.Label is { } label
                ? new { label.Text, label.Score, GlyphBoxPx = new { label.Box.X, label.Box.Y, label.Box.Width, label.Box.Height } }
                : null,
        }),
        SamplesPresent = r.Record.Leads.ToDictionary(l => l.Name, l => l.PresentCount),
        r.Warnings,
        StageMs = r.StageMs,
    };

    /// <summary>The project's JSON options, with "+" written as such ("3x4+1", not "3x4\u002B1").</summary>
    private static readonly JsonSerializerOptions Options = new(Json.Options) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Serialize(DigitizationResult r, string? file = null) => JsonSerializer.Serialize(ToDocument(r, file), Options);
}
