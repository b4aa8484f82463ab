using System.Globalization;
using HeartGuard.Core;

namespace HeartGuard.Analysis;

/// <summary>One row per image: file, diagnosis and its four probabilities, layout, the headline
/// measurements, warnings and error. Opens in a spreadsheet; numbers use invariant culture.</summary>
public static class CsvSummary
{
    private static readonly string[] MeasurementColumns =
        ["heart_rate_bpm", "rr_mean_ms", "pr_ms", "qrs_ms", "qt_ms", "qtc_bazett_ms", "qtc_fridericia_ms", "qrs_axis_deg"];

    public static void Write(IEnumerable<AnalysisSummary> summaries, TextWriter writer)
    {
        writer.WriteLine(string.Join(',', new[] { "file", "label", "confidence", "uncertain" }
            .Concat(DiagnosticClasses.All.Select(c => "p_" + c))
            .Concat(["layout", "layout_confidence"]).Concat(MeasurementColumns).Concat(["warnings", "error"])));
        foreach (var s in summaries)
        {
            var d = s.Diagnosis;
            var m = s.Measurements;
            var cells = new List<string?>
            {
                s.File, d?.Label, Number(d?.Confidence), d is null ? null : d.IsUncertain ? "true" : "false",
            };
            cells.AddRange(DiagnosticClasses.All.Select(c => d is not null && d.Probabilities.TryGetValue(c, out var p) ? Number(p) : null));
            cells.AddRange([s.Layout, Number(s.LayoutConfidence)]);
            cells.AddRange([Number(m?.HeartRateBpm), Number(m?.RrMeanMs), Number(m?.PrMs), Number(m?.QrsMs), Number(m?.QtMs),
                Number(m?.QtcBazettMs), Number(m?.QtcFridericiaMs), Number(m?.QrsAxisDeg)]);
            cells.AddRange([s.Warnings is { Count: > 0 } w ? string.Join("; ", w) : null, s.Error]);
            writer.WriteLine(string.Join(',', cells.Select(Escape)));
        }
    }

    private static string? Number(double? value) => value?.ToString("0.####", CultureInfo.InvariantCulture);

    private static string Escape(string? cell) =>
        cell is null ? "" : cell.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? '"' + cell.Replace("\"", "\"\"") + '"' : cell;
}
