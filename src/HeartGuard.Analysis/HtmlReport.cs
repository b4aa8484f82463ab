using System.Globalization;
using System.Text;
using HeartGuard.Core;
using HeartGuard.Imaging;
using HeartGuard.Models;
using HeartGuard.Signals;
using static System.Net.WebUtility;

namespace HeartGuard.Analysis;

/// <summary>One self-contained HTML report per page (images inlined as data URIs, no scripts, no external
/// requests): diagnosis with all four probabilities, measurements, the 12-lead redraw, the page with the
/// extracted traces, the explanation heatmap, reading quality and the disclaimer. The web result page shows
/// this same document.</summary>
public static class HtmlReport
{
    public const string Disclaimer =
        "HeartGuard is a research and education tool, not a medical device. It is not cleared or approved for " +
        "clinical use; its output must not be used to diagnose, treat or triage anyone. A qualified clinician " +
        "must read the original ECG.";

    public static string Render(PageAnalysis analysis, DateTimeOffset? generatedAt = null)
    {
        var s = analysis.Summary;
        var html = new StringBuilder(64 * 1024);
        html.Append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append("<title>HeartGuard report: ").Append(HtmlEncode(Path.GetFileName(s.File))).Append("</title><style>").Append(Css).Append("</style></head><body>")
            .Append("<header class=\"hg-head\"><div class=\"hg-brand\">HeartGuard</div><div class=\"hg-meta\">ECG analysis report · <span data-testid=\"file\">")
            .Append(HtmlEncode(Path.GetFileName(s.File))).Append("</span> · ")
            .Append((generatedAt ?? DateTimeOffset.UtcNow).ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture))
            .Append("</div></header>")
            .Append("<p class=\"hg-disclaimer\" role=\"note\"><strong>Not for clinical use.</strong> ").Append(HtmlEncode(Disclaimer)).Append("</p>")
            .Append("<div class=\"hg-cols\">");
        AppendDiagnosis(html, s);
        AppendMeasurements(html, s.Measurements);
        html.Append("</div>");
        var page = analysis.Digitization;
        AppendFigure(html, "12-lead plot of the digitized signals", "lead-plot",
            LeadPlot.RenderPng(page.Record, page.Layout, analysis.Measurements.RPeakSamples),
            "25 mm/s, 10 mm/mV, redrawn from the extracted signals. Blue marks: the beats the heart rate was counted from.");
        AppendFigure(html, "Page with the extracted traces", "overlay", Overlay.RenderPng(analysis.SourceImage, page),
            "Coloured lines are what was read from the image; check that they follow the printed traces.");
        // No explanation: the model has an image part and nobody asked for its occlusion map. An explanation
        // without a grid: the model has no image part, so there is no image-model map to show.
        if (analysis.Explanation is not { GridRows: 0 })
            AppendFigure(html, "Regions that drove the image model", "heatmap",
                analysis.Explanation is { } e ? HeatmapOverlay.RenderPng(analysis.SourceImage, e) : null,
                "Yellow to red: regions whose occlusion lowered the probability of the predicted class most.",
                analysis.Explanation is null ? "Not computed for this report (it re-runs the model dozens of times; ask for it explicitly)." : null);
        if (s.LeadContributions is { Count: > 0 } leadContributions)
        {
            AppendFigure(html, "Where on the page the signal model's decision came from", "lead-heatmap",
                HeatmapOverlay.RenderLeadsPng(analysis.SourceImage, page, leadContributions),
                "Yellow to red: the leads whose removal lowered the probability of the predicted class most, on the boxes they were read from.",
                "No single lead raised the probability of the predicted class.");
            AppendLeadContributions(html, leadContributions);
        }
        AppendQuality(html, s);
        html.Append("<footer class=\"hg-foot\">").Append(HtmlEncode(Disclaimer)).Append("</footer></body></html>");
        return html.ToString();
    }

    /// <summary>Readable names of the class labels.</summary>
    public static string DisplayName(string label) => label switch
    {
        DiagnosticClasses.AbnormalHeartbeat => "Abnormal heartbeat",
        DiagnosticClasses.MyocardialInfarction => "Myocardial infarction",
        DiagnosticClasses.HistoryOfMI => "History of myocardial infarction",
        _ => label,
    };

    private static void AppendDiagnosis(StringBuilder html, AnalysisSummary s)
    {
        html.Append("<section class=\"hg-card\" data-testid=\"diagnosis\"><h2>Diagnosis</h2>");
        if (s.Diagnosis is not { } d)
        {
            html.Append("<p class=\"hg-muted\" data-testid=\"diagnosis-unavailable\">No diagnosis: ")
                .Append(HtmlEncode(s.DiagnosisUnavailable ?? "no model was available.")).Append("</p></section>");
            return;
        }
        html.Append("<div class=\"hg-label\" data-testid=\"diagnosis-label\">").Append(HtmlEncode(DisplayName(d.Label))).Append("</div>")
            .Append("<div class=\"hg-conf\">Confidence ").Append(Percent(d.Confidence));
        if (d.IsUncertain) html.Append(" <span class=\"hg-badge\">uncertain: review carefully</span>");
        html.Append("</div><table class=\"hg-probs\" data-testid=\"probabilities\">");
        foreach (var label in DiagnosticClasses.All)
        {
            var p = d.Probabilities.TryGetValue(label, out var v) ? v : 0;
            html.Append("<tr").Append(label == d.Label ? " class=\"hg-top\"" : "").Append("><th>").Append(HtmlEncode(DisplayName(label)))
                .Append("</th><td class=\"hg-bar\"><span style=\"width:").Append((p * 100).ToString("0.#", CultureInfo.InvariantCulture))
                .Append("%\"></span></td><td class=\"hg-num\">").Append(Percent(p)).Append("</td></tr>");
        }
        html.Append("</table>");
        foreach (var flag in d.Flags) html.Append("<p class=\"hg-flag\">").Append(HtmlEncode(DescribeFlag(flag))).Append("</p>");
        html.Append("</section>");
    }

    /// <summary>What a model flag means for the reader; unknown flags are shown as they are.</summary>
    private static string DescribeFlag(string flag) => flag switch
    {
        "low_confidence" => "Low confidence: no class clearly dominates. Review the tracing carefully.",
        "out_of_distribution" => "This page looks unlike the pages the model was trained on; the classification may not apply.",
        _ => flag,
    };

    private static void AppendMeasurements(StringBuilder html, Measurements? m)
    {
        html.Append("<section class=\"hg-card\" data-testid=\"measurements\"><h2>Measurements</h2>");
        if (m is null)
        {
            html.Append("<p class=\"hg-muted\">No measurements are available for this page.</p></section>");
            return;
        }
        html.Append("<table class=\"hg-table\">");
        Row(html, "Heart rate", m.HeartRateBpm, "bpm", "heart-rate");
        Row(html, "RR interval, mean", m.RrMeanMs, "ms");
        Row(html, "RR interval, SD", m.RrSdMs, "ms");
        html.Append("<tr><td>Rhythm</td><td class=\"hg-num\">").Append(m.IsIrregular switch
        {
            true => "irregular", false => "regular", null => NotMeasurable,
        }).Append("</td></tr>");
        html.Append("<tr><td>P waves</td><td class=\"hg-num\">").Append(m.PWavePresent switch
        {
            true => "present", false => "not found", null => NotMeasurable,
        }).Append("</td></tr>");
        Row(html, "PR interval", m.PrMs, "ms");
        Row(html, "QRS duration", m.QrsMs, "ms");
        Row(html, "QT interval", m.QtMs, "ms");
        Row(html, "QTc (Bazett)", m.QtcBazettMs, "ms");
        Row(html, "QTc (Fridericia)", m.QtcFridericiaMs, "ms");
        Row(html, "QRS axis (frontal)", m.QrsAxisDeg, "°");
        html.Append("<tr><td>Beats measured</td><td class=\"hg-num\">").Append(m.BeatCount).Append("</td></tr></table>");
        AppendSt(html, m.Leads);
        html.Append("</section>");
    }

    /// <summary>ST deviation at J+60 ms per lead, in standard lead order; 100 µV (1 mm) or more is highlighted.</summary>
    private static void AppendSt(StringBuilder html, IReadOnlyList<LeadMeasurements> leads)
    {
        if (leads.Count == 0) return;
        html.Append("<h3>ST deviation at J+60 ms (µV)</h3><div class=\"hg-st\" data-testid=\"st\">");
        foreach (var name in StandardLeads.Names)
        {
            var st = leads.FirstOrDefault(l => l.Lead == name)?.StDeviationUv;
            var marked = st is { } v && Math.Abs(v) >= 100;
            html.Append("<div").Append(marked ? " class=\"hg-st-mark\"" : "").Append("><span>").Append(name).Append("</span>")
                .Append(st is { } value ? value.ToString("+0;-0;0", CultureInfo.InvariantCulture) : "–").Append("</div>");
        }
        html.Append("</div>");
    }

    private const string NotMeasurable = "<span class=\"hg-muted\">not measurable</span>";

    private static void Row(StringBuilder html, string name, double? value, string unit, string? testId = null)
    {
        html.Append("<tr><td>").Append(name).Append("</td><td class=\"hg-num\"");
        if (testId is not null) html.Append(" data-testid=\"").Append(testId).Append('"');
        html.Append('>').Append(value is { } v && double.IsFinite(v)
            ? v.ToString("0", CultureInfo.InvariantCulture) + (unit == "°" ? unit : " " + unit)
            : NotMeasurable).Append("</td></tr>");
    }

    private static void AppendFigure(StringBuilder html, string title, string id, byte[]? png, string caption, string? whyMissing = null)
    {
        html.Append("<section class=\"hg-card\"><h2>").Append(title).Append("</h2>");
        if (png is null)
            html.Append("<p class=\"hg-muted\" data-testid=\"").Append(id).Append("-unavailable\">")
                .Append(whyMissing ?? "Not available for this page.").Append("</p>");
        else
            html.Append("<img data-testid=\"").Append(id).Append("\" alt=\"").Append(title).Append("\" src=\"data:image/png;base64,")
                .Append(Convert.ToBase64String(png)).Append("\"><p class=\"hg-caption\">").Append(caption).Append("</p>");
        html.Append("</section>");
    }

    /// <summary>The signal model's per-lead view: how much the predicted class's probability drops when the
    /// lead's information is removed.</summary>
    private static void AppendLeadContributions(StringBuilder html, IReadOnlyList<LeadContribution> contributions)
    {
        html.Append("<section class=\"hg-card\" data-testid=\"lead-contributions\"><h2>Leads that drove the signal model</h2><table class=\"hg-table\">");
        foreach (var c in contributions.OrderByDescending(c => Math.Abs(c.ProbabilityChange)))
            html.Append("<tr><td>").Append(HtmlEncode(c.Lead)).Append("</td><td class=\"hg-num\">")
                .Append((c.ProbabilityChange * 100).ToString("+0.0;-0.0;0.0", CultureInfo.InvariantCulture)).Append(" points</td></tr>");
        html.Append("</table></section>");
    }

    private static void AppendQuality(StringBuilder html, AnalysisSummary s)
    {
        html.Append("<section class=\"hg-card\" data-testid=\"quality\"><h2>Reading quality</h2><table class=\"hg-table\">")
            .Append("<tr><td>Layout</td><td class=\"hg-num\">").Append(HtmlEncode(s.Layout ?? "unknown"))
            .Append(s.LayoutConfidence is { } c ? $" ({Percent(c)} sure)" : "").Append("</td></tr>");
        if (s.LeadQuality is { } quality)
            foreach (var (lead, q) in quality)
                html.Append("<tr><td>Lead ").Append(HtmlEncode(lead)).Append(" trace quality</td><td class=\"hg-num\">").Append(Percent(q)).Append("</td></tr>");
        if (s.StageMs is { } stages)
            foreach (var (stage, ms) in stages)
                html.Append("<tr><td class=\"hg-sub\">").Append(HtmlEncode(stage)).Append(" time</td><td class=\"hg-num\">")
                    .Append(ms.ToString("0.#", CultureInfo.InvariantCulture)).Append(" ms</td></tr>");
        html.Append("</table>");
        foreach (var warning in s.Warnings ?? []) html.Append("<p class=\"hg-flag\">").Append(HtmlEncode(warning)).Append("</p>");
        html.Append("</section>");
    }

    private static string Percent(double p) => (p * 100).ToString("0", CultureInfo.InvariantCulture) + "%";

    /// <summary>Shared with the web UI so report and app look the same; works from phone to desktop width.</summary>
    public const string Css = """
        :root{--ink:#17212b;--muted:#5b6875;--line:#d9e0e6;--brand:#0b5cad;--warn:#8a4b00;--warnbg:#fff4e0;--bg:#f5f7f9}
        *{box-sizing:border-box}body{margin:0;font:15px/1.45 "DejaVu Sans",system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--ink);background:var(--bg)}
        .hg-head{display:flex;flex-wrap:wrap;gap:.25rem 1rem;align-items:baseline;padding:.8rem 1rem;background:#fff;border-bottom:3px solid var(--brand)}
        .hg-brand{font-weight:700;font-size:1.2rem;color:var(--brand)}.hg-meta{color:var(--muted);font-size:.9rem;overflow-wrap:anywhere}
        .hg-disclaimer{margin:.8rem 1rem;padding:.6rem .8rem;background:var(--warnbg);color:var(--warn);border:1px solid #f0c987;border-radius:6px;font-size:.9rem}
        .hg-cols{display:grid;grid-template-columns:repeat(auto-fit,minmax(300px,1fr));gap:0 1rem;margin:0 1rem}.hg-cols>.hg-card{margin:0 0 1rem}
        .hg-card{background:#fff;border:1px solid var(--line);border-radius:8px;padding:.8rem 1rem;margin:0 1rem 1rem}
        .hg-card h2{margin:0 0 .6rem;font-size:1rem;text-transform:uppercase;letter-spacing:.04em;color:var(--muted)}
        .hg-card img{display:block;max-width:100%;height:auto;border:1px solid var(--line);border-radius:4px}
        .hg-label{font-size:1.6rem;font-weight:700}.hg-conf{color:var(--muted);margin-bottom:.6rem}
        .hg-badge{display:inline-block;padding:0 .4rem;border-radius:4px;background:var(--warnbg);color:var(--warn);font-size:.85rem}
        table{border-collapse:collapse;width:100%}td,th{padding:.25rem .3rem;border-bottom:1px solid var(--line);text-align:left;font-weight:normal}
        .hg-num{text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums}.hg-sub{padding-left:1.2rem;color:var(--muted)}
        .hg-probs th{width:45%}.hg-top th,.hg-top .hg-num{font-weight:700}
        .hg-bar{width:40%}.hg-bar span{display:block;height:.7rem;background:var(--brand);border-radius:3px;min-width:2px}
        .hg-muted{color:var(--muted)}.hg-caption{color:var(--muted);font-size:.85rem;margin:.3rem 0 0}
        .hg-flag{margin:.4rem 0 0;padding:.3rem .5rem;background:var(--warnbg);color:var(--warn);border-radius:4px;font-size:.9rem}
        .hg-card h3{margin:.8rem 0 .4rem;font-size:.9rem;color:var(--muted)}
        .hg-st{display:grid;grid-template-columns:repeat(auto-fill,minmax(86px,1fr));gap:.3rem}
        .hg-st div{display:flex;justify-content:space-between;gap:.3rem;padding:.2rem .4rem;border:1px solid var(--line);border-radius:4px;font-variant-numeric:tabular-nums;font-size:.9rem}
        .hg-st span{font-weight:700}.hg-st .hg-st-mark{background:var(--warnbg);border-color:#f0c987;color:var(--warn)}
        .hg-foot{margin:1rem;color:var(--muted);font-size:.8rem}
        @media print{body{background:#fff}.hg-card{break-inside:avoid}}
        """;
}
